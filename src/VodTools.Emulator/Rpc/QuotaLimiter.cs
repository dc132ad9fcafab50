namespace VodTools.Emulator.Rpc;

/// <summary>
/// VOD's per-account limit of each action, every action its own budget, counted in fixed one-second windows of the
/// emulator clock (VOD's "QPS limits on API operations" page and the operations' own reference pages). The upload
/// actions are limited by region: 80 in Beijing, Shanghai, Shenzhen and Singapore, 40 in the others; the region is
/// read from a vod.&lt;region&gt;.aliyuncs.com Host, and a loopback host counts as the emulator's home, cn-shanghai.
/// Actions without a published figure keep the earlier group figure; VOD actions named nowhere get 30; RAM and STS
/// are not limited.
/// </summary>
/// <remarks>Deliberately independent of the module's <c>VodQuota</c> table (HandCopiedTablesTests names every difference): written apart from the same sources, no code shared, so that a mistake in one shows against the other.</remarks>
internal sealed class QuotaLimiter(TimeProvider clock)
{
    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        ["RegisterMedia"] = 50,
        ["CreateUploadVideo"] = 80, ["RefreshUploadVideo"] = 80, ["CreateUploadImage"] = 80,
        ["GetURLUploadInfos"] = 100,
        ["GetVideoInfo"] = 100, ["GetVideoInfos"] = 100, ["GetMezzanineInfo"] = 100, ["UpdateVideoInfo"] = 100,
        ["SearchMedia"] = 50,
        ["AddCategory"] = 30, ["DeleteCategory"] = 10, ["GetCategories"] = 50,
        ["GetPlayInfo"] = 360, ["GetVideoPlayAuth"] = 360,
        ["DeleteVideo"] = 30, ["SubmitTranscodeJobs"] = 30, ["SubmitSnapshotJob"] = 30,
        ["GetTranscodeTask"] = 15, ["ListTranscodeTask"] = 15, ["GetTranscodeSummary"] = 15, ["ListJobInfo"] = 15,
        ["AddTranscodeTemplateGroup"] = 5,
        ["ListTranscodeTemplateGroup"] = 10, ["GetTranscodeTemplateGroup"] = 10, ["SetDefaultTranscodeTemplateGroup"] = 10,
        ["AddVodDomain"] = 10, ["DescribeVodDomainDetail"] = 10, ["DeleteVodDomain"] = 10,
        ["AddVodStorageForApp"] = 10, ["GetAppInfos"] = 10,
    };

    private static readonly HashSet<string> RegionalActions = new(StringComparer.Ordinal) { "CreateUploadVideo", "RefreshUploadVideo", "CreateUploadImage" };
    private static readonly HashSet<string> HigherUploadRegions = new(StringComparer.Ordinal) { "cn-beijing", "cn-shanghai", "cn-shenzhen", "ap-southeast-1" };

    private readonly Dictionary<string, (long Second, int Count)> _windows = new();

    /// <summary>VOD's limit of one action at a host, in calls per second.</summary>
    internal static int LimitOf(string action, string host)
    {
        int limit = Limits.GetValueOrDefault(action, 30);
        if (!RegionalActions.Contains(action)) return limit;
        string region = RpcEndpoint.RegionOf(host, "vod") ?? "cn-shanghai";
        return HigherUploadRegions.Contains(region) ? limit : limit / 2;
    }

    /// <summary>False when a VOD action has used up this second's budget; RAM and STS pass.</summary>
    public bool TryAcquire(string product, string action, string host)
    {
        if (!string.Equals(product, "vod", StringComparison.OrdinalIgnoreCase)) return true;
        int limit = LimitOf(action, host);
        long second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_windows)
        {
            var window = _windows.TryGetValue(action, out var w) && w.Second == second ? w : (Second: second, Count: 0);
            if (window.Count >= limit) return false;
            _windows[action] = (second, window.Count + 1);
            return true;
        }
    }
}
