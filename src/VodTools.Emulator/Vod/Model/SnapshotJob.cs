namespace VodTools.Emulator.Vod;

/// <summary>A snapshot job (SubmitSnapshotJob): it runs as long as a transcode job, then its images exist (named, not
/// stored) unless the source could not be read.</summary>
internal sealed class SnapshotJob
{
    public const string Kind = "vod-snapshot";

    public string JobId { get; set; } = "";
    public string VideoId { get; set; } = "";
    public int Count { get; set; } = 1;
    /// <summary>Normal or Sprite: NormalSnapshot or SpriteSnapshot.</summary>
    public string Regular { get; set; } = "";
    /// <summary>SubmitSnapshotJob's UserData: its Extend goes back in SnapshotComplete.</summary>
    public string UserData { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public bool SourceBroken { get; set; }
    /// <summary>Snapshotting could not read the source (no role grants its bucket): the job fails.</summary>
    public string? NoAccess { get; set; }

    /// <summary>Why it fails (ErrorCode, ErrorMessage), or null when it succeeds.</summary>
    public (string Code, string Message)? Failure =>
        NoAccess != null ? ("AccessDenied", NoAccess) : SourceBroken ? ("InvalidVideo.Damaged", "The source file cannot be decoded.") : null;

    /// <summary>Finished by <paramref name="now"/>, and successfully.</summary>
    public bool SucceededBy(DateTimeOffset now, JobDuration jobs) => jobs.DoneAt(CreationTime, now) && Failure == null;

    /// <summary>The name of its images with a {SnapshotCount} placeholder for the five-digit number (SnapshotComplete's
    /// SnapshotFormat), beside the video's file.</summary>
    public string NameFormat(Video video) => $"snapshot/{video.VideoId}/{JobId}/{{SnapshotCount}}.jpg";

    /// <summary>The URL of its image number <paramref name="index"/> (from 1).</summary>
    public string ImageUrl(Video video, int index) => video.UrlOf(NameFormat(video).Replace("{SnapshotCount}", index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
}
