using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VodTools.Commands.Completion
{
    /// <summary>Completes -Bucket from the account's buckets (ListBuckets).</summary>
    public sealed class BucketNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionCache.Complete("bucket", wordToComplete, async (session, token) =>
                (await session.Oss.ListBucketsAsync(null, token).ConfigureAwait(false)).Select(b => b.Bucket));
    }
}
