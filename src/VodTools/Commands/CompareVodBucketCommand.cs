using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Oss;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Compares a bucket with VOD: which files are registered, which are not, and which media lost their file.</para>
    /// <para type="description">Finds the media (video and audio) stored in the bucket with SearchMedia, reads the source key
    /// of each (GetMezzanineInfo, one call per media, several at a time within VOD's quota), then lists the bucket and emits
    /// one VodBucketEntry per file or media, in key order: Registered, NotRegistered (a file VOD does not know) or
    /// SourceMissing (a media whose file is gone). Memory stays bounded however large the bucket: VOD can sort media only by
    /// time and OSS lists keys in byte order, so the media are sorted by key in runs written to a temporary file and merged
    /// with the listing as it arrives. NotRegistered entries pipe straight into Register-VodMedia.</para>
    /// </summary>
    [Cmdlet(VerbsData.Compare, "VodBucket")]
    [OutputType(typeof(VodBucketEntry))]
    public sealed class CompareVodBucketCommand : VodCmdletBase
    {
        private const int ListPage = 1000;

        /// <summary>The bucket (added to VOD as a storage location).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateBucketName]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>Only keys that start with this (files and media alike).</summary>
        [Parameter(Position = 1)]
        public string? Prefix { get; set; }

        /// <summary>Keep only keys matching one of these wildcards (case-insensitive), e.g. *.mp4.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Include { get; set; }

        /// <summary>Drop keys matching one of these wildcards (case-insensitive).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Exclude { get; set; }

        /// <summary>The most GetMezzanineInfo calls in flight at once, 1 to 256. Default 64. As many run as reach GetMezzanineInfo's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        protected override void ProcessRecord()
        {
            var filter = new KeyFilter(Include, Exclude);
            bool Keeps(string key) => key.StartsWith(Prefix ?? string.Empty, StringComparison.Ordinal) && filter.Keeps(key);
            var region = Session.Oss.Region;
            using var sorter = new MediaFileSorter();
            if (!ReadMedia(region, Keeps, sorter)) return;

            using var merge = new BucketMerge(sorter.Sorted(), Bucket, region);
            var progress = new ProgressRecord(4, $"Comparing oss://{Bucket}/{Prefix} with VOD", $"{sorter.Count} media found; listing the bucket");
            long listed = 0;
            string? token = null;
            do
            {
                OssObjectPage page;
                try
                {
                    page = Await(Session.Oss.ListObjectsAsync(Bucket, Prefix, null, null, token, ListPage, Cancellation));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "OssListFailed", Bucket);
                    return;
                }
                foreach (var file in page.Objects.Where(o => Keeps(o.Key)))
                    foreach (var entry in merge.Feed(file.Key, file.Size)) WriteObject(entry);
                listed += page.Objects.Count;
                progress.StatusDescription = $"{sorter.Count} media found, {listed} keys listed";
                WriteProgress(progress);
                token = page.NextContinuationToken == token ? null : page.NextContinuationToken; // a repeated token would loop for ever
            }
            while (token != null);
            foreach (var entry in merge.Finish()) WriteObject(entry);
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <summary>Every media of the bucket's storage location, with the key of its source, into the sorter; false when the search failed.</summary>
        private bool ReadMedia(string region, Func<string, bool> keeps, MediaFileSorter sorter)
        {
            var location = MediaQuery.StorageLocationOf(Bucket, region);
            var query = new MediaQuery { StorageLocation = location };
            var progress = new ProgressRecord(4, $"Comparing oss://{Bucket}/{Prefix} with VOD", "finding the bucket's media");
            using var reads = Session.Vod.CallsInFlight("GetMezzanineInfo", ThrottleLimit);
            foreach (var mediaType in new[] { "video", "audio" })
            {
                var cursor = Session.Vod.Search(query.ToMatch(), mediaType, "CreationTime:Asc");
                var next = cursor.NextPageAsync(Cancellation);
                while (true)
                {
                    try
                    {
                        var page = Await(next);
                        if (page == null) break;
                        next = cursor.NextPageAsync(Cancellation); // the next page comes while this one's sources are read
                        var sources = Await(Session.Vod.GetSourcesAsync(page.Where(query.Matches).ToList(), reads, Cancellation));
                        foreach (var (media, source, error) in sources) Sort(media, source, error, keeps, sorter);
                    }
                    catch (Exception e) when (!(e is PipelineStoppedException))
                    {
                        WriteItemError(e, "VodSearchFailed", location);
                        return false;
                    }
                    progress.StatusDescription = $"{sorter.Count} media found";
                    WriteProgress(progress);
                }
            }
            return true;
        }

        private void Sort(VodMedia media, VodMezzanine? source, Exception? error, Func<string, bool> keeps, MediaFileSorter sorter)
        {
            if (error != null)
            {
                WriteItemError(error, "VodSourceNotRead", media.MediaId);
                return;
            }
            if (source == null)
            {
                // VOD itself no longer has the source: no key to place it by
                if (string.IsNullOrEmpty(Prefix) && Include == null && Exclude == null)
                    WriteObject(new VodBucketEntry { State = VodBucketState.SourceMissing, Bucket = Bucket, MediaId = media.MediaId, Status = media.Status, Size = media.Size });
                return;
            }
            if (source.FileUrl == null || !OssFileUrl.TryParse(source.FileUrl, out var bucket, out _, out var key) || bucket != Bucket)
            {
                WriteWarning($"Media {media.MediaId} is stored in {Bucket} but its source {source.FileUrl} is not a file of it; left out.");
                return;
            }
            if (keeps(key)) sorter.Add(new MediaFile(key, media.MediaId, media.Status, source.Size));
        }
    }
}
