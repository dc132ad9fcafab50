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
    /// (ListTranscodeTemplateGroup; a group's name finds its id), -RoleName (ListRoles) and -PolicyName (ListPolicies).
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
                ["PolicyName"] = async (session, token) =>
                    (await session.Ram.ListPoliciesAsync(null, token).ConfigureAwait(false)).Select(p => new CompletionName(p.PolicyName)),
            };

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Fetchers.TryGetValue(parameterName, out var fetch) ? CompletionCache.Complete(parameterName, wordToComplete, fetch) : Enumerable.Empty<CompletionResult>();
    }
}
