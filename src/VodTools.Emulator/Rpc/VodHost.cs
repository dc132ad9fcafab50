namespace VodTools.Emulator.Rpc;

/// <summary>What a Host header says about VOD's region: vod.&lt;region&gt;.aliyuncs.com and vod-vpc.&lt;region&gt;.aliyuncs.com name
/// one; anything else (127.0.0.1, localhost, a custom name) names none.</summary>
internal static class VodHost
{
    /// <summary>The region a VOD host name names, or null.</summary>
    public static string? RegionOf(string host)
    {
        var labels = host.Split(':')[0].ToLowerInvariant().Split('.');
        return labels.Length == 4 && labels[0] is "vod" or "vod-vpc" && labels[2] == "aliyuncs" && labels[3] == "com" ? labels[1] : null;
    }
}
