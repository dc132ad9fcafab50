using System.Security.Cryptography;
using System.Text;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>A VOD media item: registered from an OSS object (RegisterMedia) or created for an upload (CreateUploadVideo,
/// UploadMediaByURL, where the object appears later). It knows where its file is kept, the limits of its descriptive
/// fields, and its status at a time.</summary>
internal sealed class Video
{
    public const string Kind = "vod-video";

    /// <summary>"The title can be up to 128 bytes in length" (CreateUploadVideo, RegisterMedia, UploadMediaByURL and
    /// UpdateVideoInfo references).</summary>
    private const int MaxTitleBytes = 128;
    private const int MaxDescriptionBytes = 1024;
    private const int MaxTags = 16;

    /// <summary>Extensions VOD registers as audio/video (images and other files go to FailedFileURLs).</summary>
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".mov", ".m3u8", ".flv", ".f4v", ".avi", ".wmv", ".asf", ".mkv", ".webm", ".ts", ".3gp", ".mpg", ".mpeg",
        ".m4v", ".rm", ".rmvb", ".mxf", ".vob", ".mp3", ".m4a", ".wav", ".aac", ".flac", ".ogg", ".wma", ".ape",
    };

    private static readonly HashSet<string> AudioExtensions = new(StringComparer.OrdinalIgnoreCase) { ".mp3", ".m4a", ".wav", ".aac", ".flac", ".ogg", ".wma", ".ape" };

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

    public static bool IsMediaFile(string extension) => MediaExtensions.Contains(extension);

    /// <summary>"audio" for an audio file, else "video" (SearchMedia's MediaType).</summary>
    public string MediaType => AudioExtensions.Contains(Path.GetExtension(Key)) ? "audio" : "video";

    public static bool TitleFits(string title) => Encoding.UTF8.GetByteCount(title) <= MaxTitleBytes;

    public static RpcException TitleTooLong() => new(400, "LengthExceededMax", $"The length of Title has exceeded {MaxTitleBytes} bytes.");

    public static bool DescriptionFits(string description) => Encoding.UTF8.GetByteCount(description) <= MaxDescriptionBytes;

    public static RpcException DescriptionTooLong() => new(400, "LengthExceededMax", $"The length of Description has exceeded {MaxDescriptionBytes} bytes.");

    /// <summary>At most 16 comma-separated tags.</summary>
    public static bool TagsFit(string tags) => tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Length <= MaxTags;

    public static RpcException TooManyTags() => new(400, "TagsExceededMax", $"The count of tags has exceeded {MaxTags}.");

    /// <summary>The storage location of its file, e.g. bucket.oss-cn-shanghai.aliyuncs.com.</summary>
    public string StorageLocation => StorageLocations.Of(Bucket, Region);

    /// <summary>The URL of an object in its storage (its streams and snapshots live beside its file).</summary>
    public string UrlOf(string key) => StorageLocations.Url(Bucket, Region, key);

    /// <summary>Where VOD keeps a file it receives (an upload or a URL pull) in its storage: sv/&lt;name&gt;/&lt;name&gt;&lt;ext&gt;, the
    /// name unrelated to the VideoId, as in a real CreateUploadVideo answer ("FileName":
    /// "sv/23867cb3-1739af2345b/23867cb3-1739af2345b.mp4" for VideoId b1022c54e6a9433b9ab238f90b716c62), so nothing may
    /// read an id out of a key.</summary>
    public void KeepFileInVodStorage(string extension)
    {
        string name = $"{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()[..11]}";
        Key = $"sv/{name}/{name}{extension.ToLowerInvariant()}";
        FileURL = UrlOf(Key);
    }

    /// <summary>Its status at <paramref name="now"/>: Uploading until its source exists, then UploadSucc; Transcoding while its
    /// latest task runs, then Normal (or TranscodeFail when every job failed). VOD_NO_TRANSCODE media are Normal.</summary>
    /// <param name="sourcePresent">its file is in the bucket</param>
    /// <param name="latestTask">its most recent transcode task, if any</param>
    public string StatusAt(DateTimeOffset now, bool sourcePresent, TranscodeTask? latestTask, JobDuration jobs)
    {
        if (!sourcePresent && !MezzanineDeleted) return "Uploading";
        if (latestTask == null) return NoTranscode ? "Normal" : "UploadSucc";
        return latestTask.StatusAt(now, jobs) switch
        {
            "Processing" => "Transcoding",
            "CompleteAllFail" => "TranscodeFail",
            _ => "Normal",
        };
    }

    /// <summary>Transcoding and snapshots need the source in place and no task running.</summary>
    public static bool Processable(string status) => status is "UploadSucc" or "Normal" or "Checking" or "TranscodeFail";
}
