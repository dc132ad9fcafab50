namespace VodTools.Emulator.Vod;

/// <summary>A VOD media item: registered from an OSS object (RegisterMedia) or created for an upload
/// (CreateUploadVideo, where the object appears later).</summary>
internal sealed class Video
{
    public string VideoId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Tags { get; set; } = "";
    public string CoverURL { get; set; } = "";
    public long CateId { get; set; } = -1;
    public string FileURL { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
    public string Region { get; set; } = "";
    public string AppId { get; set; } = "";
    public string TemplateGroupId { get; set; } = "";
    public string UserData { get; set; } = "";
    /// <summary>The caller's own id of the media (CreateUploadVideo), unique per account; empty when none was given.</summary>
    public string ReferenceId { get; set; } = "";
    public bool NoTranscode { get; set; }
    /// <summary>DeleteMezzanines removed the source on purpose: the media is not "Uploading" again.</summary>
    public bool MezzanineDeleted { get; set; }
    /// <summary>The source's size when it was registered: VOD keeps it although the object may go later.</summary>
    public long SourceSize { get; set; }
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset ModificationTime { get; set; }
}

/// <summary>A transcode task: one job per template of its group. Its state is derived from the clock
/// (see VodApi.Progress), so nothing has to run in the background.</summary>
internal sealed class TranscodeTask
{
    public string TranscodeTaskId { get; set; } = "";
    public string VideoId { get; set; } = "";
    public string TemplateGroupId { get; set; } = "";
    public string Trigger { get; set; } = "Manual";
    public DateTimeOffset CreationTime { get; set; }
    /// <summary>The source could not be "decoded" (zero bytes): every job fails.</summary>
    public bool SourceBroken { get; set; }
    /// <summary>Transcoding could not read the source (no role grants its bucket): every job fails with this message.</summary>
    public string? NoAccess { get; set; }
    public List<TranscodeJob> Jobs { get; set; } = [];
}

internal sealed class TranscodeJob
{
    public string JobId { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public string Definition { get; set; } = "";
    public string Format { get; set; } = "mp4";
    public int Priority { get; set; } = 6;
    public bool Fails { get; set; }
}

internal sealed class SnapshotJob
{
    public string JobId { get; set; } = "";
    public string VideoId { get; set; } = "";
    public int Count { get; set; } = 1;
    public string Regular { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public bool SourceBroken { get; set; }
    /// <summary>Snapshotting could not read the source (no role grants its bucket): the job fails.</summary>
    public string? NoAccess { get; set; }
}

internal sealed class TemplateGroup
{
    public string TranscodeTemplateGroupId { get; set; } = "";
    public string Name { get; set; } = "";
    public string AppId { get; set; } = VodApi.DefaultAppId;
    public bool Locked { get; set; }
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset ModifyTime { get; set; }
    /// <summary>Each template as the JSON object the caller sent, plus TranscodeTemplateId.</summary>
    public List<string> Templates { get; set; } = [];
}

internal sealed class VodDomain
{
    public string DomainName { get; set; } = "";
    public string Sources { get; set; } = "[]";
    public string Scope { get; set; } = "domestic";
    public DateTimeOffset Created { get; set; }
}

internal sealed class VodApp
{
    public string AppId { get; set; } = "";
    public string AppName { get; set; } = "";
    public string Type { get; set; } = "System";
    public string Description { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public List<string> StorageLocations { get; set; } = [];
}

/// <summary>Account-wide VOD settings (the default template group).</summary>
internal sealed class VodSettings
{
    public string DefaultTemplateGroupId { get; set; } = "";
}

/// <summary>An index entry: a SessionId → its task, or a bucket/key → its video.</summary>
internal sealed record IndexEntry(string Id, DateTimeOffset Created);

/// <summary>A media category (AddCategory): three levels at most, 100 subcategories each; names need not be unique.</summary>
internal sealed class Category
{
    public long CateId { get; set; }
    public string CateName { get; set; } = "";
    public long ParentId { get; set; } = -1;
    public int Level { get; set; }
    public string Type { get; set; } = "default";
    public DateTimeOffset CreationTime { get; set; }
}
