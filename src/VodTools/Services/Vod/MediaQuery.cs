using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System;
using VodTools.Model;

namespace VodTools.Services.Vod
{
    /// <summary>
    /// What Find-VodMedia filters on, said twice: as SearchMedia's Match expression (the media search protocol: Title and
    /// Tags are fuzzy, "contains", fields), and as an exact check of each media VOD answers, so that what the search
    /// returns beyond the filter (a title that only contains the words, a tag that only contains the tag) is left out.
    /// </summary>
    /// <remarks>Deliberately independent of the emulator's <c>SearchMatch</c>, which reads what this writes (both written from the search protocol, no code shared), so that a mistake in one shows against the other.</remarks>
    public sealed class MediaQuery
    {
        /// <summary>Any of these statuses (Status in (...)).</summary>
        public IReadOnlyList<string>? Statuses { get; set; }

        /// <summary>A piece of the title for VOD's fuzzy Title search; null sends none.</summary>
        public string? TitleFragment { get; set; }

        /// <summary>The exact title test (the wildcard); null accepts any title.</summary>
        public Func<string?, bool>? TitleMatches { get; set; }

        public long? CateId { get; set; }

        /// <summary>Any of these tags, each equal to one of the media's tags (letter case aside).</summary>
        public IReadOnlyList<string>? Tags { get; set; }

        /// <summary>The bucket host, e.g. media-archive.oss-cn-shanghai.aliyuncs.com.</summary>
        public string? StorageLocation { get; set; }

        /// <summary>Strictly after (UTC).</summary>
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Strictly before (UTC).</summary>
        public DateTime? CreatedBefore { get; set; }

        /// <summary>A Match expression of the user's own, joined with "and".</summary>
        public string? Match { get; set; }

        /// <summary>The Match parameter, or null when nothing filters.</summary>
        public string? ToMatch()
        {
            var conditions = new List<string>();
            if (Statuses != null && Statuses.Count > 0) conditions.Add("Status in (" + string.Join(",", Statuses.Select(s => Quote(s, "Status"))) + ")");
            if (!string.IsNullOrEmpty(TitleFragment)) conditions.Add("Title = " + Quote(TitleFragment!, "Title"));
            if (CateId != null) conditions.Add("CateId = " + CateId.Value.ToString(CultureInfo.InvariantCulture));
            if (Tags != null && Tags.Count > 0) conditions.Add("Tags in (" + string.Join(",", Tags.Select(t => Quote(t, "Tag"))) + ")");
            if (StorageLocation != null) conditions.Add("StorageLocation in (" + Quote(StorageLocation, "StorageLocation") + ")"); // multi-value: the one query kind both the video and the audio table allow
            if (CreatedAfter != null || CreatedBefore != null)
            {
                // closed bounds on whole seconds take in every media of the range; Matches then applies the exact ends
                conditions.Add("CreationTime = [" + (CreatedAfter == null ? string.Empty : Quote(Time(Floor(CreatedAfter.Value)), "CreatedAfter"))
                    + "," + (CreatedBefore == null ? string.Empty : Quote(Time(Ceiling(CreatedBefore.Value)), "CreatedBefore")) + "]");
            }
            if (!string.IsNullOrWhiteSpace(Match)) conditions.Add(Match!.Trim());
            return conditions.Count == 0 ? null : string.Join(" and ", conditions);
        }

        /// <summary>True when a media VOD found meets every filter exactly (a raw Match is VOD's alone to apply).</summary>
        public bool Matches(VodMedia media)
        {
            if (Statuses != null && Statuses.Count > 0 && !Statuses.Contains(media.Status ?? string.Empty, StringComparer.OrdinalIgnoreCase)) return false;
            if (TitleMatches != null && !TitleMatches(media.Title)) return false;
            if (CateId != null && media.CateId != CateId) return false;
            if (Tags != null && Tags.Count > 0 && !SplitTags(media.Tags).Any(t => Tags.Contains(t, StringComparer.OrdinalIgnoreCase))) return false;
            if (StorageLocation != null && !string.Equals(media.StorageLocation, StorageLocation, StringComparison.OrdinalIgnoreCase)) return false;
            if (CreatedAfter != null && !(media.CreationTime?.ToUniversalTime() > CreatedAfter)) return false;
            if (CreatedBefore != null && !(media.CreationTime?.ToUniversalTime() < CreatedBefore)) return false;
            return true;
        }

        /// <summary>VOD's comma-separated tags as a list.</summary>
        public static IReadOnlyList<string> SplitTags(string? tags) =>
            (tags ?? string.Empty).Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

        /// <summary>
        /// The longest run of plain characters in a PowerShell wildcard (`*`, `?`, `[...]` are the wildcards, a backtick
        /// escapes), without quotes: what VOD's fuzzy Title search is given. Null when the pattern has no plain character.
        /// </summary>
        public static string? LongestLiteral(string wildcard)
        {
            string? best = null;
            var run = new StringBuilder();
            void EndRun()
            {
                var text = run.ToString().Trim();
                if (text.Length > 0 && (best == null || text.Length > best.Length)) best = text;
                run.Clear();
            }

            for (var i = 0; i < wildcard.Length; i++)
            {
                var c = wildcard[i];
                if (c == '`' && i + 1 < wildcard.Length) c = wildcard[++i];
                else if (c == '*' || c == '?') { EndRun(); continue; }
                else if (c == '[')
                {
                    EndRun();
                    var close = wildcard.IndexOf(']', i + 1);
                    i = close < 0 ? wildcard.Length : close;
                    continue;
                }
                if (c == '\'') { EndRun(); continue; } // the protocol documents no escape for a quote
                run.Append(c);
            }
            EndRun();
            return best;
        }

        /// <summary>The bucket host of a storage location given as a host or as a bucket name (then in <paramref name="regionId"/>).</summary>
        public static string StorageLocationOf(string bucketOrHost, string regionId) =>
            bucketOrHost.Contains(".") ? bucketOrHost.ToLowerInvariant() : bucketOrHost + ".oss-" + regionId + ".aliyuncs.com";

        private static string Quote(string value, string what)
        {
            if (value.IndexOf('\'') >= 0)
                throw new ValidationException("VodSearchValueInvalid", $"The {what} '{value}' contains a single quote, which VOD's search takes as the end of the value.", what);
            return "'" + value + "'";
        }

        private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static DateTime Floor(DateTime t) => new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        private static DateTime Ceiling(DateTime t) => t.Ticks % TimeSpan.TicksPerSecond == 0 ? Floor(t) : Floor(t).AddSeconds(1);
    }
}
