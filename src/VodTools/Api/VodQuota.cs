using System;
using System.Collections.Generic;

namespace VodTools.Api
{
    /// <summary>
    /// VOD's per-account QPS limit of each action, each action its own budget, as the "QPS limits on API operations" page
    /// and each operation's API reference publish them (CreateUploadVideo/RefreshUploadVideo/CreateUploadImage: 80 in
    /// Beijing, Shanghai, Shenzhen and Singapore, 40 elsewhere). Where no figure is published the earlier group figure
    /// stays (marked "unpublished"); an action in neither list gets 30, VOD's old "other" figure.
    /// </summary>
    public static class VodQuota
    {
        public const int Unlisted = 30;

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
            ["GetPlayInfo"] = 360,
            ["GetVideoPlayAuth"] = 360,
            ["DeleteVideo"] = 30,
            ["SubmitTranscodeJobs"] = 30,
            ["SubmitSnapshotJob"] = 30,
            ["GetTranscodeTask"] = 15,          // unpublished on its own page; the figure of its siblings
            ["ListTranscodeTask"] = 15,
            ["GetTranscodeSummary"] = 15,
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
        public static int Of(string action, string? regionId)
        {
            if (RegionalUpload.TryGetValue(action, out var upload)) return regionId == null || FastUploadRegions.Contains(regionId) ? upload : upload / 2;
            return PerSecond.TryGetValue(action, out var limit) ? limit : Unlisted;
        }

        /// <summary>The region of a public VOD endpoint (vod.&lt;region&gt;.aliyuncs.com, vod-vpc too), null for any other host.</summary>
        public static string? RegionOf(Uri endpoint)
        {
            var labels = endpoint.Host.Split('.');
            return labels.Length == 4 && labels[0].StartsWith("vod", StringComparison.Ordinal) && labels[2] == "aliyuncs" && labels[3] == "com" ? labels[1] : null;
        }
    }
}
