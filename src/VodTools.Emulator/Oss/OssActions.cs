using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Oss;

/// <summary>The RAM action of an OSS request (OSS "RAM Policy" action list): multipart writes count as oss:PutObject,
/// a HEAD of an object as oss:GetObject, of a bucket as oss:GetBucketInfo.</summary>
internal static class OssActions
{
    public static string Of(IncomingRequest request, OssAddress address)
    {
        string method = request.Method;
        bool upload = request.QueryValue("uploadId") != null;
        if (address.Bucket == null) return "oss:ListBuckets";
        if (address.Key == null)
        {
            return method switch
            {
                "PUT" => request.HasQuery("acl") ? "oss:PutBucketAcl" : "oss:PutBucket",
                "DELETE" => "oss:DeleteBucket",
                "POST" => "oss:DeleteObject",
                _ when request.HasQuery("location") => "oss:GetBucketLocation",
                _ when request.HasQuery("acl") => "oss:GetBucketAcl",
                _ when request.HasQuery("uploads") => "oss:ListMultipartUploads",
                "GET" when !request.HasQuery("bucketInfo") => "oss:ListObjects",
                _ => "oss:GetBucketInfo",
            };
        }
        return method switch
        {
            "GET" when upload => "oss:ListParts",
            "GET" or "HEAD" => "oss:GetObject",
            "DELETE" => upload ? "oss:AbortMultipartUpload" : "oss:DeleteObject",
            _ => "oss:PutObject",
        };
    }
}
