using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Oss;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the objects of an OSS bucket, page by page, as they arrive, or gets objects by key.</para>
    /// <para type="description">-Key reads each object's properties (HeadObject) instead of listing: a key that does not
    /// exist is a non-terminating ObjectNotFound error (OssObjectNotFound).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OssObject", DefaultParameterSetName = AllPages)]
    [OutputType(typeof(OssObject))]
    public sealed class GetOssObjectCommand : VodCmdletBase
    {
        private const string AllPages = "AllPages";
        private const string OnePage = "OnePage";
        private const string ByKey = "ByKey";

        /// <summary>The variable -NoAutoIteration leaves the next page's token in.</summary>
        public const string NextTokenVariable = "OssNextContinuationToken";

        /// <summary>The bucket to list.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateBucketName]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The objects to read, by exact key (HeadObject), instead of listing.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByKey, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Key { get; set; } = Array.Empty<string>();

        /// <summary>Only keys that start with this.</summary>
        [Parameter(Position = 1, ParameterSetName = AllPages)]
        [Parameter(Position = 1, ParameterSetName = OnePage)]
        public string? Prefix { get; set; }

        /// <summary>Keep only keys matching one of these wildcards (case-insensitive), e.g. *.mp4.</summary>
        [Parameter(ParameterSetName = AllPages)]
        [Parameter(ParameterSetName = OnePage)]
        [SupportsWildcards]
        public string[]? Include { get; set; }

        /// <summary>Drop keys matching one of these wildcards (case-insensitive).</summary>
        [Parameter(ParameterSetName = AllPages)]
        [Parameter(ParameterSetName = OnePage)]
        [SupportsWildcards]
        public string[]? Exclude { get; set; }

        /// <summary>Group keys by this character (usually '/'): keys below the next one come back as prefix entries (IsPrefix).</summary>
        [Parameter(ParameterSetName = AllPages)]
        [Parameter(ParameterSetName = OnePage)]
        public string? Delimiter { get; set; }

        /// <summary>Start listing after this key.</summary>
        [Parameter(ParameterSetName = AllPages)]
        [Parameter(ParameterSetName = OnePage)]
        public string? StartAfter { get; set; }

        /// <summary>Keys per page (1–1000). Default 1000.</summary>
        [Parameter(ParameterSetName = AllPages)]
        [Parameter(ParameterSetName = OnePage)]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = 1000;

        /// <summary>Return one page only; the token of the next page is left in $OssNextContinuationToken (null on the last page).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OnePage)]
        public SwitchParameter NoAutoIteration { get; set; }

        /// <summary>The token of the page to return, from $OssNextContinuationToken.</summary>
        [Parameter(ParameterSetName = OnePage)]
        public string? ContinuationToken { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByKey)
            {
                foreach (var key in Key)
                {
                    try
                    {
                        WriteObject(Await(Session.Oss.HeadObjectAsync(Bucket, key, Cancellation)));
                    }
                    catch (Exception e) when (!(e is PipelineStoppedException))
                    {
                        WriteItemError(e, e is Api.Http.CloudException { HttpStatus: 404 } ? "OssObjectNotFound" : "OssObjectNotRead", $"oss://{Bucket}/{key}");
                    }
                }
                return;
            }
            var filter = new KeyFilter(Include, Exclude);
            var token = NoAutoIteration ? ContinuationToken : null;
            long listed = 0;
            var progress = new ProgressRecord(2, $"Listing oss://{Bucket}/{Prefix}", "first page");
            // The next page is asked for as soon as this one's token is known, so the wire and the emitting overlap
            // (at most two pages in memory).
            var pending = Session.Oss.ListObjectsAsync(Bucket, Prefix, Delimiter, StartAfter, token, PageSize, Cancellation);
            do
            {
                OssObjectPage page;
                try
                {
                    page = Await(pending);
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "OssListFailed", Bucket);
                    return;
                }
                var more = !NoAutoIteration && page.NextContinuationToken != null && page.NextContinuationToken != token; // a repeated token would loop for ever
                if (more) pending = Session.Oss.ListObjectsAsync(Bucket, Prefix, Delimiter, StartAfter, page.NextContinuationToken, PageSize, Cancellation);
                foreach (var item in page.Objects)
                {
                    if (!item.IsPrefix && !filter.Keeps(item.Key)) continue;
                    WriteObject(item);
                }
                listed += page.Objects.Count;
                if (NoAutoIteration)
                {
                    SessionState.PSVariable.Set(NextTokenVariable, page.NextContinuationToken);
                    if (page.NextContinuationToken != null) WriteVerbose($"More keys follow: Get-OssObject -NoAutoIteration -ContinuationToken ${NextTokenVariable}");
                    return;
                }
                if (!more) break;
                token = page.NextContinuationToken;
                progress.StatusDescription = $"{listed} keys listed";
                WriteProgress(progress);
            }
            while (!Stopping);
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
