using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Finds media in VOD by status, title, category, tag, storage location, creation time and type (SearchMedia).</para>
    /// <para type="description">Turns the filters into one SearchMedia query and streams its results, 50 a page (with a scroll token VOD reads at most 100 records from the start of the current page to the end of the next).
    /// Each page needs the scroll token of the one before, so the pages come one after another, one round trip each: the
    /// next page is asked for while this one is written, and from far away the round trip sets the pace (at 250 ms, about
    /// 200 media a second). Select-Object -First stops the search (after at most one page more). It follows VOD's scroll
    /// token, so a search is not held to the first 5,000 results. VOD matches titles and tags loosely (a title that contains the words,
    /// a tag that contains the tag); every result is checked again here and only exact matches are emitted.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "VodMedia")]
    [OutputType(typeof(VodMedia))]
    public sealed class FindVodMediaCommand : VodCmdletBase
    {
        private long _seen;
        private long _emitted;

        /// <summary>Any of these statuses.</summary>
        [Parameter]
        [ValidateSet("Uploading", "UploadFail", "UploadSucc", "Transcoding", "TranscodeFail", "Checking", "Blocked", "Normal")]
        public string[]? Status { get; set; }

        /// <summary>The title, with wildcards (case-insensitive), e.g. 'Intro*'.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Filter titles here only, without VOD's title search (for titles VOD's loose search may not find).</summary>
        [Parameter]
        public SwitchParameter MatchTitleLocally { get; set; }

        /// <summary>The category id (completes from category names).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long? CategoryId { get; set; }

        /// <summary>Media that carry any of these tags.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>The bucket the media are stored in: a bucket name (in the session's region) or a host such as media-archive.oss-cn-shanghai.aliyuncs.com.</summary>
        [Parameter]
        [Alias("Bucket")]
        [ValidateNotNullOrEmpty]
        public string? StorageLocation { get; set; }

        /// <summary>Created after this time (local time unless it says UTC).</summary>
        [Parameter]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Created before this time.</summary>
        [Parameter]
        public DateTime? CreatedBefore { get; set; }

        /// <summary>video, audio, or both (the default: the videos, then the audio files, each sorted).</summary>
        [Parameter]
        [ValidateSet("video", "audio")]
        public string[] MediaType { get; set; } = { "video", "audio" };

        /// <summary>More conditions in VOD's search syntax, joined to the others with "and", e.g. "Size = (1000000,)".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Match { get; set; }

        /// <summary>The order: CreationTime:Desc (default, newest first), CreationTime:Asc, ModificationTime:Desc or ModificationTime:Asc.</summary>
        [Parameter]
        [ValidateSet("CreationTime:Desc", "CreationTime:Asc", "ModificationTime:Desc", "ModificationTime:Asc")]
        public string SortBy { get; set; } = "CreationTime:Desc";

        protected override void ProcessRecord()
        {
            MediaQuery query = null!;
            string? match = null;
            this.CheckParameters(() =>
            {
                query = Query();
                match = query.ToMatch();
            });

            var progress = new ProgressRecord(3, "Searching VOD", "first page");
            foreach (var mediaType in MediaType.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!Search(Session.Vod.Search(match, mediaType.ToLowerInvariant(), SortBy), query, match, progress)) return;
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <summary>Emits the exact matches of one search, a page at a time; false when the search failed.</summary>
        private bool Search(MediaSearchCursor cursor, MediaQuery query, string? match, ProgressRecord progress)
        {
            var next = cursor.NextPageAsync(Cancellation);
            while (true)
            {
                System.Collections.Generic.IReadOnlyList<VodMedia>? page;
                try
                {
                    page = Await(next);
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodSearchFailed", match);
                    return false;
                }
                if (page == null) return true;
                next = cursor.NextPageAsync(Cancellation); // the next page comes while this one is written
                foreach (var media in page.Where(query.Matches))
                {
                    _emitted++;
                    WriteObject(media);
                }
                _seen += page.Count;
                progress.StatusDescription = $"{_emitted} found, {_seen} read";
                WriteProgress(progress);
            }
        }

        private MediaQuery Query()
        {
            var title = Title == null ? null : new WildcardPattern(Title, WildcardOptions.IgnoreCase);
            return new MediaQuery
            {
                Statuses = Status,
                TitleFragment = Title == null || MatchTitleLocally ? null : MediaQuery.LongestLiteral(Title),
                TitleMatches = title == null ? null : (Func<string?, bool>)(t => title.IsMatch(t ?? string.Empty)),
                CateId = CategoryId,
                Tags = Tag,
                StorageLocation = StorageLocation == null ? null : MediaQuery.StorageLocationOf(StorageLocation, Session.Region.RegionId),
                CreatedAfter = CreatedAfter?.ToUniversalTime(),
                CreatedBefore = CreatedBefore?.ToUniversalTime(),
                Match = Match,
            };
        }
    }
}
