using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the account's OSS buckets, or describes one.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OssBucket")]
    [OutputType(typeof(OssBucket))]
    public sealed class GetOssBucketCommand : VodCmdletBase
    {
        /// <summary>A bucket name, or a wildcard over the names. A plain name returns its full information (GetBucketInfo).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? Bucket { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                if (Bucket != null && !WildcardPattern.ContainsWildcardCharacters(Bucket))
                {
                    WriteObject(Await(Session.Oss.GetBucketInfoAsync(Bucket, Cancellation)));
                    return;
                }
                var pattern = Bucket == null ? null : new WildcardPattern(Bucket, WildcardOptions.IgnoreCase);
                foreach (var bucket in Await(Session.Oss.ListBucketsAsync(null, Cancellation)).Where(b => pattern == null || pattern.IsMatch(b.Bucket)))
                {
                    WriteObject(bucket);
                }
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "OssBucketNotRead", Bucket);
            }
        }
    }
}
