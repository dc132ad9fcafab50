using System.Management.Automation;
using VodTools.Services.Oss;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>An OSS bucket name, refused in words (the rule of <see cref="OssBucketNames.Check"/>), not as a pattern.</summary>
    public sealed class ValidateBucketNameAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            try
            {
                OssBucketNames.Check(arguments as string ?? string.Empty);
            }
            catch (ValidationException e)
            {
                throw new ValidationMetadataException(e.Message);
            }
        }
    }
}
