using System.Management.Automation;
using System;
using VodTools.Api.Endpoints;

namespace VodTools.Commands.Common
{
    /// <summary>An endpoint URL, refused in words (<see cref="EndpointResolver.EndpointProblem"/>) before any call.</summary>
    public sealed class ValidateEndpointAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = EndpointResolver.EndpointProblem(arguments as Uri);
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
