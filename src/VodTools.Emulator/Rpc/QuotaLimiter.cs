namespace VodTools.Emulator.Rpc;

/// <summary>The per-second VOD API limits of spec/rpc-apis.md §5.7, counted per group in fixed
/// one-second windows of the emulator clock. Actions not listed are not limited.</summary>
internal sealed class QuotaLimiter(TimeProvider clock)
{
    private static readonly Dictionary<string, (string Group, int PerSecond)> Groups = BuildGroups();
    private readonly Dictionary<string, (long Second, int Count)> _windows = new();

    /// <summary>False when the action's group has used up this second's budget.</summary>
    public bool TryAcquire(string action)
    {
        if (!Groups.TryGetValue(action, out var limit)) return true;
        long second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_windows)
        {
            var window = _windows.TryGetValue(limit.Group, out var w) && w.Second == second ? w : (Second: second, Count: 0);
            if (window.Count >= limit.PerSecond) return false;
            _windows[limit.Group] = (second, window.Count + 1);
            return true;
        }
    }

    private static Dictionary<string, (string, int)> BuildGroups()
    {
        var groups = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        void Add(string group, int perSecond, params string[] actions)
        {
            foreach (var a in actions) groups[a] = (group, perSecond);
        }
        Add("register", 50, "RegisterMedia");
        Add("upload", 100, "CreateUploadVideo", "RefreshUploadVideo");
        Add("query", 100, "GetVideoInfo", "GetVideoInfos", "GetMezzanineInfo");
        Add("configuration", 10, "AddTranscodeTemplateGroup", "SetDefaultTranscodeTemplateGroup", "ListTranscodeTemplateGroup",
            "GetTranscodeTemplateGroup", "AddVodDomain", "DeleteVodDomain", "DescribeVodDomainDetail", "AddVodStorageForApp", "GetAppInfos");
        Add("other", 30, "SubmitTranscodeJobs", "SubmitSnapshotJob", "DeleteVideo", "UpdateVideoInfo", "DeleteMezzanines", "GetTranscodeTask", "ListTranscodeTask",
            "GetTranscodeSummary", "ListSnapshots");
        return groups;
    }
}
