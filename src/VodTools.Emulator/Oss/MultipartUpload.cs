namespace VodTools.Emulator.Oss;

/// <summary>A multipart upload in progress (InitiateMultipartUpload until Complete or Abort) and the parts it holds.</summary>
internal sealed class MultipartUpload
{
    /// <summary>The store's kind for uploads in progress (documents keyed by upload id).</summary>
    public const string Kind = "oss-upload";

    public string UploadId { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public Dictionary<string, string> Metadata { get; set; } = [];
    public DateTimeOffset Initiated { get; set; }
    public SortedDictionary<int, UploadedPart> Parts { get; set; } = [];
}

/// <summary>One uploaded part: its body file and what ListParts and CompleteMultipartUpload check it by.</summary>
internal sealed record UploadedPart(string ETag, long Size, string BodyId, DateTimeOffset LastModified, string Md5Hex);
