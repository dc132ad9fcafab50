using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Oss;

/// <summary>What an OSS request addresses: the service (no bucket), a bucket, or an object.</summary>
internal enum OssScope { Service, Bucket, Object }

/// <summary>
/// One OSS operation, named as the OSS API reference names it: the requests it serves (scope, method and a test of the
/// query), the RAM action that authorises it (OSS "RAM Policy" actions: multipart writes are oss:PutObject, a HEAD of an
/// object oss:GetObject and of a bucket oss:GetBucketInfo, a multiple delete oss:DeleteObject, both listings
/// oss:ListObjects), and its handler. <see cref="All"/> is the one table that routing, the per-operation counters
/// (oss.NAME in /_emulator/stats), fault targets (@NAME) and authorization read.
/// </summary>
internal sealed record OssOperation(string Name, OssScope Scope, string Method, Func<IncomingRequest, bool> Matches, string RamAction,
    Func<OssHandlers, OssCall, Task> Handle)
{
    private static bool Always(IncomingRequest request) => true;
    private static Func<IncomingRequest, bool> With(string subresource) => request => request.HasQuery(subresource);
    private static bool OfAnUpload(IncomingRequest request) => request.QueryValue("uploadId") != null;

    /// <summary>Every operation, in the order a request is matched: the first of its scope and method whose test passes.</summary>
    public static readonly IReadOnlyList<OssOperation> All =
    [
        new("ListBuckets", OssScope.Service, "GET", Always, "oss:ListBuckets", (h, c) => h.Buckets.ListBucketsAsync(c)),

        new("PutBucketAcl", OssScope.Bucket, "PUT", With("acl"), "oss:PutBucketAcl", (h, c) => h.Buckets.PutBucketAsync(c)),
        new("PutBucket", OssScope.Bucket, "PUT", r => r.Query.Count == 0, "oss:PutBucket", (h, c) => h.Buckets.PutBucketAsync(c)),
        new("DeleteBucket", OssScope.Bucket, "DELETE", Always, "oss:DeleteBucket", (h, c) => h.Buckets.DeleteBucketAsync(c)),
        new("HeadBucket", OssScope.Bucket, "HEAD", Always, "oss:GetBucketInfo", (h, c) => h.Buckets.HeadBucketAsync(c)),
        new("GetBucketInfo", OssScope.Bucket, "GET", With("bucketInfo"), "oss:GetBucketInfo", (h, c) => h.Buckets.GetBucketInfoAsync(c)),
        new("GetBucketLocation", OssScope.Bucket, "GET", With("location"), "oss:GetBucketLocation", (h, c) => h.Buckets.GetBucketLocationAsync(c)),
        new("GetBucketAcl", OssScope.Bucket, "GET", With("acl"), "oss:GetBucketAcl", (h, c) => h.Buckets.GetBucketAclAsync(c)),
        new("ListMultipartUploads", OssScope.Bucket, "GET", With("uploads"), "oss:ListMultipartUploads", (h, c) => h.Multipart.ListMultipartUploadsAsync(c)),
        new("ListObjectsV2", OssScope.Bucket, "GET", r => r.QueryValue("list-type") == "2", "oss:ListObjects", (h, c) => h.Buckets.ListObjectsAsync(c)),
        new("ListObjects", OssScope.Bucket, "GET", Always, "oss:ListObjects", (h, c) => h.Buckets.ListObjectsAsync(c)),
        new("DeleteMultipleObjects", OssScope.Bucket, "POST", With("delete"), "oss:DeleteObject", (h, c) => h.Objects.DeleteMultipleObjectsAsync(c)),

        new("UploadPart", OssScope.Object, "PUT", OfAnUpload, "oss:PutObject", (h, c) => h.Multipart.UploadPartAsync(c)),
        new("PutObject", OssScope.Object, "PUT", Always, "oss:PutObject", (h, c) => h.Objects.PutObjectAsync(c)),
        new("ListParts", OssScope.Object, "GET", OfAnUpload, "oss:ListParts", (h, c) => h.Multipart.ListPartsAsync(c)),
        new("GetObject", OssScope.Object, "GET", Always, "oss:GetObject", (h, c) => h.Objects.GetObjectAsync(c)),
        new("HeadObject", OssScope.Object, "HEAD", Always, "oss:GetObject", (h, c) => h.Objects.HeadObjectAsync(c)),
        new("AbortMultipartUpload", OssScope.Object, "DELETE", OfAnUpload, "oss:AbortMultipartUpload", (h, c) => h.Multipart.AbortMultipartUploadAsync(c)),
        new("DeleteObject", OssScope.Object, "DELETE", Always, "oss:DeleteObject", (h, c) => h.Objects.DeleteObjectAsync(c)),
        new("InitiateMultipartUpload", OssScope.Object, "POST", With("uploads"), "oss:PutObject", (h, c) => h.Multipart.InitiateMultipartUploadAsync(c)),
        new("CompleteMultipartUpload", OssScope.Object, "POST", OfAnUpload, "oss:PutObject", (h, c) => h.Multipart.CompleteMultipartUploadAsync(c)),
    ];

    /// <summary>The operation a request asks for, or null when it names none (answered 405 MethodNotAllowed).</summary>
    public static OssOperation? Of(IncomingRequest request, OssAddress address)
    {
        var scope = address.Bucket == null ? OssScope.Service : address.Key == null ? OssScope.Bucket : OssScope.Object;
        return All.FirstOrDefault(o => o.Scope == scope && o.Method == request.Method && o.Matches(request));
    }

    /// <summary>The operation of a request as it arrives (before its signature is checked), for fault targeting.</summary>
    public static OssOperation? Of(HttpContext context, string rawTarget)
    {
        var request = new IncomingRequest(context.Request.Method, rawTarget, [new("host", context.Request.Host.Value ?? "")], []);
        return Of(request, OssAddress.Parse(request.Host, request.RawPath));
    }
}

/// <summary>The handlers the operations of <see cref="OssOperation.All"/> run on.</summary>
internal sealed record OssHandlers(BucketHandler Buckets, ObjectHandler Objects, MultipartHandler Multipart);
