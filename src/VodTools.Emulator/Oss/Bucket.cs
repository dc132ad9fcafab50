namespace VodTools.Emulator.Oss;

/// <summary>An OSS bucket as the emulator keeps it.</summary>
internal sealed class Bucket
{
    /// <summary>The store's kind for buckets (documents keyed by name).</summary>
    public const string Kind = "oss-bucket";
    public const string DefaultRegion = "cn-shanghai";

    public string Name { get; set; } = "";
    public string Region { get; set; } = DefaultRegion;
    public DateTimeOffset CreationDate { get; set; }
    public string StorageClass { get; set; } = "Standard";
    public string Acl { get; set; } = "private";

    /// <summary>Its public endpoint host, e.g. oss-cn-shanghai.aliyuncs.com.</summary>
    public string Endpoint => $"oss-{Region}.aliyuncs.com";
}
