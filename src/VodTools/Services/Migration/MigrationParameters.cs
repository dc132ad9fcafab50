using System.Collections.Generic;
using System;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// What a migration is: a journal belongs to one, and a rerun with other parameters is refused. The bucket, region,
    /// prefix, filters and -Snapshot say which files belong to the job and what is done to each, so they cannot change
    /// (another set is another job: another journal). The template group can: it applies to the transcodes submitted from
    /// then on, so a group mistyped at the start can be corrected for the files not yet submitted.
    /// </summary>
    public sealed class MigrationParameters
    {
        public string Bucket { get; set; } = string.Empty;
        public string Region { get; set; } = string.Empty;
        public string? Prefix { get; set; }
        public IReadOnlyList<string> Include { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Exclude { get; set; } = Array.Empty<string>();
        /// <summary>Null until resolved: the app's default group when none is given.</summary>
        public string? TemplateGroupId { get; set; }
        public bool Snapshot { get; set; }

        internal IEnumerable<KeyValuePair<string, string>> ToPairs()
        {
            yield return Pair("bucket", Bucket);
            yield return Pair("region", Region);
            yield return Pair("prefix", Prefix ?? string.Empty);
            yield return Pair("include", string.Join("\n", Include));
            yield return Pair("exclude", string.Join("\n", Exclude));
            yield return Pair("templateGroupId", TemplateGroupId ?? string.Empty);
            yield return Pair("snapshot", Snapshot ? "1" : "0");
        }

        internal static MigrationParameters FromPairs(IReadOnlyDictionary<string, string> pairs)
        {
            string Get(string name) => pairs.TryGetValue(name, out var value) ? value : string.Empty;
            string[] List(string name) => Get(name).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return new MigrationParameters
            {
                Bucket = Get("bucket"),
                Region = Get("region"),
                Prefix = Get("prefix").Length == 0 ? null : Get("prefix"),
                Include = List("include"),
                Exclude = List("exclude"),
                TemplateGroupId = Get("templateGroupId").Length == 0 ? null : Get("templateGroupId"),
                Snapshot = Get("snapshot") == "1",
            };
        }

        /// <summary>How these parameters differ from the journal's, in words; null when they are the same job (the template group may differ).</summary>
        internal string? Differences(MigrationParameters journal)
        {
            var differences = new List<string>();
            void Compare(string name, string mine, string theirs)
            {
                if (!string.Equals(mine, theirs, StringComparison.Ordinal)) differences.Add($"{name} '{theirs}' (this command: '{mine}')");
            }
            Compare("-Bucket", Bucket, journal.Bucket);
            Compare("-Region", Region, journal.Region);
            Compare("-Prefix", Prefix ?? string.Empty, journal.Prefix ?? string.Empty);
            Compare("-Include", string.Join(", ", Include), string.Join(", ", journal.Include));
            Compare("-Exclude", string.Join(", ", Exclude), string.Join(", ", journal.Exclude));
            Compare("-Snapshot", Snapshot ? "present" : "absent", journal.Snapshot ? "present" : "absent");
            return differences.Count == 0 ? null : string.Join("; ", differences);
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
