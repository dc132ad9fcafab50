using VodTools.Emulator.Oss;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Where VOD keeps media: its own bucket (outin-&lt;account&gt;, made on first use), the buckets added to an app's
/// storage (AddVodStorageForApp), and whether its transcoding may read a file in a user's bucket.</summary>
/// <param name="authorizer">the guide's rules (app storage, the transcoding role); null with --lenient, where every bucket counts</param>
internal sealed class VodStorage(VodState state, IOssBuckets buckets, string accountId, Authorizer? authorizer)
{
    /// <summary>The account's VOD-managed bucket, created on first upload.</summary>
    public string ManagedBucket => "outin-" + accountId;

    /// <summary>The VOD-managed bucket, created if missing, and its region.</summary>
    public (string Bucket, string Region) Managed() => (ManagedBucket, buckets.Ensure(ManagedBucket));

    /// <summary>The bucket an upload goes to: the StorageLocation given (a bucket host the emulator holds), the app's first
    /// storage, or the account's VOD-managed bucket; 404 InvalidStorage.NotFound for a location that is no bucket.</summary>
    public (string Bucket, string Region) ForUpload(string? location, string appId)
    {
        location ??= state.FindApp(appId)?.StorageLocations.FirstOrDefault();
        return location == null ? Managed() : Parse(location) ?? throw NotFound();
    }

    public static RpcException NotFound() => new(404, "InvalidStorage.NotFound", "The storage location does not exist.");

    /// <summary>"bucket.oss-cn-shanghai.aliyuncs.com" → (bucket, region) when the emulator holds that bucket.</summary>
    public (string Bucket, string Region)? Parse(string location)
    {
        string bucket = location.Split('.')[0];
        return buckets.RegionOf(bucket) is { } region ? (bucket, region) : null;
    }

    /// <summary>
    /// RegisterMedia takes files only from the app's storage: VOD's own bucket, or a bucket added with AddVodStorageForApp
    /// (the guide "Add a user-created OSS bucket to ApsaraVideo VOD"); any other file goes to FailedFileURLs, which the API
    /// reference describes as "the URLs of the media files that failed to be registered". With --lenient every bucket counts.
    /// </summary>
    public bool OfApp(string appId, string bucket, string region) =>
        authorizer == null || bucket == ManagedBucket || (state.FindApp(appId)?.StorageLocations.Contains(StorageLocations.Of(bucket, region)) ?? false);

    /// <summary>
    /// Why VOD's transcoding cannot read a user-bucket file, or null: the guide has a RAM role trusted by the transcoding
    /// service hold a policy granting the bucket; without one the job fails. The code and message are the emulator's own:
    /// no source documents what such a job reports (AccessDenied is what OSS answers the service).
    /// </summary>
    public string? AccessProblem(Video video) =>
        authorizer == null || video.Bucket == ManagedBucket || authorizer.TranscodingRoleFor(accountId, video.Bucket, video.Region, video.Key) != null ? null
        : $"ApsaraVideo VOD cannot read oss://{video.Bucket}/{video.Key}: no RAM role trusted by {string.Join(" or ", Authorizer.TranscodingServices)} "
          + "holds a policy that grants this bucket.";
}
