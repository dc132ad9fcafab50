using System;
using System.Collections.Generic;

namespace VodTools.Api
{
    /// <summary>
    /// VOD's per-account QPS limit of each action, each action its own budget, as the "QPS limits on API operations" page
    /// and each operation's API reference publish them (CreateUploadVideo/RefreshUploadVideo/CreateUploadImage: 80 in
    /// Beijing, Shanghai, Shenzhen and Singapore, 40 elsewhere). Where no figure is published the earlier group figure
    /// stays (marked "unpublished"); an action in neither list gets 30, VOD's old "other" figure. An account whose quota
    /// Alibaba raised, or a figure we got wrong, is set with the environment variable VODTOOLS_VOD_QPS
    /// ("SubmitTranscodeJobs=60,ListTranscodeTask=30"; "*=N" for every action not named), read once per process.
    /// </summary>
    /// <remarks>Deliberately independent of the emulator's <c>QuotaLimiter</c> table (both read from the same pages); HandCopiedTablesTests names every difference.</remarks>
    public static class VodQuota
    {
        public const int Unlisted = 30;

        /// <summary>The environment variable that overrides the figures.</summary>
        public const string OverrideVariable = "VODTOOLS_VOD_QPS";

        private static readonly Lazy<IReadOnlyDictionary<string, int>> Overrides =
            new Lazy<IReadOnlyDictionary<string, int>>(() => ParseOverrides(Environment.GetEnvironmentVariable(OverrideVariable)));

        private static readonly HashSet<string> FastUploadRegions = new HashSet<string>(StringComparer.Ordinal) { "cn-beijing", "cn-shanghai", "cn-shenzhen", "ap-southeast-1" };

        private static readonly Dictionary<string, int> PerSecond = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["RegisterMedia"] = 50,
            ["GetURLUploadInfos"] = 100,
            ["GetVideoInfo"] = 100,
            ["GetVideoInfos"] = 100,            // unpublished
            ["GetMezzanineInfo"] = 100,         // unpublished
            ["UpdateVideoInfo"] = 100,
            ["SearchMedia"] = 50,
            ["AddCategory"] = 30,
            ["DeleteCategory"] = 10,
            ["GetCategories"] = 50,
            ["GetPlayInfo"] = 360,
            ["GetVideoPlayAuth"] = 360,
            ["DeleteVideo"] = 30,
            ["SubmitTranscodeJobs"] = 30,
            ["SubmitSnapshotJob"] = 30,
            ["GetTranscodeTask"] = 15,          // unpublished on its own page; the figure of its siblings
            ["ListTranscodeTask"] = 15,
            ["GetTranscodeSummary"] = 15,
            ["ListJobInfo"] = 15,
            ["AddTranscodeTemplateGroup"] = 5,
            ["ListTranscodeTemplateGroup"] = 10, // unpublished: the old configuration group's figure
            ["GetTranscodeTemplateGroup"] = 10,  // unpublished
            ["SetDefaultTranscodeTemplateGroup"] = 10, // unpublished
            ["AddVodDomain"] = 10,               // unpublished
            ["DescribeVodDomainDetail"] = 10,    // unpublished
            ["DeleteVodDomain"] = 10,            // unpublished
            ["AddVodStorageForApp"] = 10,        // unpublished
            ["GetAppInfos"] = 10,                // unpublished
        };

        private static readonly Dictionary<string, int> RegionalUpload = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["CreateUploadVideo"] = 80,
            ["RefreshUploadVideo"] = 80,
            ["CreateUploadImage"] = 80,
        };

        /// <summary>The actions with a figure of their own (published or kept), for comparison with other tables.</summary>
        public static IEnumerable<string> Actions => new List<string>(PerSecond.Keys) { "CreateUploadVideo", "RefreshUploadVideo", "CreateUploadImage" };

        /// <summary>Calls per second for <paramref name="action"/> in <paramref name="regionId"/> (null: a region of the higher upload figure).</summary>
        public static int Of(string action, string? regionId) => Of(action, regionId, Overrides.Value);

        internal static int Of(string action, string? regionId, IReadOnlyDictionary<string, int> overrides)
        {
            if (overrides.TryGetValue(action, out var set) || overrides.TryGetValue("*", out set)) return set;
            if (RegionalUpload.TryGetValue(action, out var upload)) return regionId == null || FastUploadRegions.Contains(regionId) ? upload : upload / 2;
            return PerSecond.TryGetValue(action, out var limit) ? limit : Unlisted;
        }

        /// <summary>
        /// "Action=N" pairs separated by commas; a pair that does not read as a positive whole number is ignored, as a
        /// mistyped setting must not stop every VOD call.
        /// </summary>
        internal static IReadOnlyDictionary<string, int> ParseOverrides(string? text)
        {
            var overrides = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pair in (text ?? string.Empty).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=');
                if (parts.Length == 2 && int.TryParse(parts[1].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
                    overrides[parts[0].Trim()] = n;
            }
            return overrides;
        }

        /// <summary>The region of a public VOD endpoint (vod.&lt;region&gt;.aliyuncs.com, vod-vpc too), null for any other host.</summary>
        public static string? RegionOf(Uri endpoint)
        {
            var labels = endpoint.Host.Split('.');
            return labels.Length == 4 && labels[0].StartsWith("vod", StringComparison.Ordinal) && labels[2] == "aliyuncs" && labels[3] == "com" ? labels[1] : null;
        }
    }
}
