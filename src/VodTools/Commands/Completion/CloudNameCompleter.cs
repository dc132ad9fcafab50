using System.Collections.Generic;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Services;

namespace VodTools.Commands.Completion
{
    /// <summary>
    /// Completes the names that live in the cloud, by the parameter's name: -Bucket (ListBuckets), -TemplateGroupId
    /// (ListTranscodeTemplateGroup; a group's name finds its id), -RoleName (ListRoles), -PolicyName (ListPolicies, of the
    /// -PolicyType typed if any) and -CategoryId/-ParentId (GetCategories, the whole tree; a category's name finds its id).
    /// </summary>
    public sealed class CloudNameCompleter : IArgumentCompleter
    {
        private static readonly Dictionary<string, Func<CloudSession, CancellationToken, Task<IEnumerable<CompletionName>>>> Fetchers =
            new Dictionary<string, Func<CloudSession, CancellationToken, Task<IEnumerable<CompletionName>>>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Bucket"] = async (session, token) =>
                    (await session.Oss.ListBucketsAsync(null, token).ConfigureAwait(false)).Select(b => new CompletionName(b.Bucket)),
                ["TemplateGroupId"] = async (session, token) =>
                    (await session.Vod.ListTranscodeTemplateGroupsAsync(null, token).ConfigureAwait(false)).Select(g => new CompletionName(g.TemplateGroupId, g.Name)),
                ["RoleName"] = async (session, token) =>
                    (await session.Ram.ListRolesAsync(token).ConfigureAwait(false)).Select(r => new CompletionName(r.RoleName)),
                ["CategoryId"] = Categories,
                ["ParentId"] = Categories,
            };

        /// <summary>Every category, labelled "Drama in Films" below level 1.</summary>
        private static async Task<IEnumerable<CompletionName>> Categories(CloudSession session, CancellationToken token) =>
            (await session.Vod.ListCategoryTreeAsync(null, true, token).ConfigureAwait(false)).Select(c => new CompletionName(
                c.CateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Path == c.CateName ? c.CateName : c.CateName + " in " + c.Path!.Substring(0, c.Path.Length - c.CateName.Length - 1)));

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (string.Equals(parameterName, "PolicyName", StringComparison.OrdinalIgnoreCase)) return Policies(wordToComplete, BoundPolicyType(fakeBoundParameters));
            return Fetchers.TryGetValue(parameterName, out var fetch) ? CompletionCache.Complete(parameterName, wordToComplete, fetch) : Enumerable.Empty<CompletionResult>();
        }

        /// <summary>The policies of <paramref name="policyType"/> (Custom or System; null: both) that start with <paramref name="wordToComplete"/>.</summary>
        internal static IEnumerable<CompletionResult> Policies(string wordToComplete, string? policyType) =>
            CompletionCache.Complete("PolicyName|" + policyType, wordToComplete, async (session, token) =>
                (await session.Ram.ListPoliciesAsync(policyType, token).ConfigureAwait(false)).Select(p => new CompletionName(p.PolicyName)));

        /// <summary>The -PolicyType typed on the command line so far, if any.</summary>
        internal static string? BoundPolicyType(IDictionary? fakeBoundParameters) =>
            fakeBoundParameters != null && fakeBoundParameters.Contains("PolicyType") ? fakeBoundParameters["PolicyType"] as string : null;
    }
}
