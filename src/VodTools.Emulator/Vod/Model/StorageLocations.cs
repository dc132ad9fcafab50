namespace VodTools.Emulator.Vod;

/// <summary>How VOD names a place in OSS: a storage location is a bucket's public host, bucket.oss-REGION.aliyuncs.com.</summary>
internal static class StorageLocations
{
    public static string Of(string bucket, string region) => $"{bucket}.oss-{region}.aliyuncs.com";

    public static string Url(string bucket, string region, string key) => $"https://{Of(bucket, region)}/{key}";
}
