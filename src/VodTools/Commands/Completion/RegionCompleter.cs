using System.Collections.Generic;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation;
using System;
using VodTools.Api.Endpoints;

namespace VodTools.Commands.Completion
{
    /// <summary>
    /// Completes -Region from the regions VOD and OSS serve (VOD "Endpoints", OSS "Regions and endpoints"); on a VOD
    /// cmdlet (its noun starts with Vod) only those where VOD is offered, as the endpoint resolver knows them, since a
    /// VOD call elsewhere has nowhere to go.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        internal static readonly string[] Regions =
        {
            "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
            "cn-beijing", "cn-chengdu", "cn-guangzhou", "cn-hangzhou", "cn-heyuan", "cn-hongkong", "cn-huhehaote",
            "cn-north-2-gov-1", "cn-qingdao", "cn-shanghai", "cn-shenzhen", "cn-wulanchabu", "cn-zhangjiakou",
            "eu-central-1", "eu-west-1", "me-central-1", "me-east-1", "us-east-1", "us-west-1",
        };

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Regions.Where(r => r.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase) && (!IsVodCommand(commandName) || EndpointResolver.OffersVod(r)))
                .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));

        /// <summary>Get-VodMedia, VodTools\Get-VodMedia: a noun that starts with Vod.</summary>
        private static bool IsVodCommand(string? commandName)
        {
            var name = commandName ?? string.Empty;
            return name.Substring(name.IndexOf('-') + 1).StartsWith("Vod", StringComparison.OrdinalIgnoreCase);
        }
    }
}
