using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Oss;

/// <summary>One OSS request an operation handles, once its signature and permission have been checked.</summary>
/// <param name="Bucket">the bucket it addresses ("" for the service)</param>
/// <param name="Key">the object it addresses ("" for a bucket or the service)</param>
/// <param name="CorruptData">store the data of this write with one byte changed (the <c>corrupt</c> fault)</param>
internal sealed record OssCall(HttpContext Context, IncomingRequest Request, string Bucket, string Key, bool CorruptData)
{
    /// <summary>The multipart upload it names (uploadId), for the operations of one.</summary>
    public string UploadId => Request.QueryValue("uploadId") ?? "";

    /// <summary>encoding-type=url: names in the answer are percent-encoded.</summary>
    public bool UrlEncoded => Request.QueryValue("encoding-type") == "url";

    /// <summary>The object's user metadata (x-oss-meta-* headers, names lower-cased), for PutObject and InitiateMultipartUpload.</summary>
    public Dictionary<string, string> UserMetadata =>
        Request.Headers.Where(h => h.Key.StartsWith("x-oss-meta-", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);
}
