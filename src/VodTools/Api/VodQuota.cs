using System.Collections.Generic;
using System;

namespace VodTools.Api
{
    /// <summary>
    /// VOD's per-second limits by API group (spec rpc-apis.md §5.7). RegisterMedia has its own, lower,
    /// limit in its newer doc; anything not listed is in the "other" group.
    /// </summary>
    public static class VodQuota
    {
        private static readonly Dictionary<string, (string Group, int PerSecond)> Groups = new Dictionary<string, (string, int)>(StringComparer.Ordinal)
        {
            ["RegisterMedia"] = ("RegisterMedia", 50),
            ["CreateUploadVideo"] = ("MediaUpload", 100),
            ["RefreshUploadVideo"] = ("MediaUpload", 100),
            ["CreateUploadImage"] = ("MediaUpload", 100),
            ["UploadMediaByURL"] = ("MediaUpload", 100),
            ["GetVideoInfo"] = ("Query", 100),
            ["GetVideoInfos"] = ("Query", 100),
            ["GetMezzanineInfo"] = ("Query", 100),
            ["SearchMedia"] = ("Query", 100),
            ["GetPlayInfo"] = ("Playback", 300),
            ["GetVideoPlayAuth"] = ("Playback", 300),
            ["ListTranscodeTemplateGroup"] = ("Configuration", 10),
            ["GetTranscodeTemplateGroup"] = ("Configuration", 10),
            ["AddTranscodeTemplateGroup"] = ("Configuration", 10),
            ["SetDefaultTranscodeTemplateGroup"] = ("Configuration", 10),
            ["AddVodDomain"] = ("Configuration", 10),
            ["DescribeVodDomainDetail"] = ("Configuration", 10),
            ["DeleteVodDomain"] = ("Configuration", 10),
            ["AddVodStorageForApp"] = ("Configuration", 10),
            ["GetAppInfos"] = ("Configuration", 10),
        };

        public static (string Group, int PerSecond) Of(string action) =>
            Groups.TryGetValue(action, out var group) ? group : ("Other", 30);
    }
}
