namespace VodTools.Emulator.Oss;

/// <summary>The RAM action of an OSS operation (OSS "RAM Policy" action list): multipart writes count as oss:PutObject,
/// a HEAD of an object as oss:GetObject, of a bucket as oss:GetBucketInfo, a multiple delete as oss:DeleteObject.</summary>
internal static class OssActions
{
    public static string Of(string operation) => operation switch
    {
        "InitiateMultipartUpload" or "UploadPart" or "CompleteMultipartUpload" => "oss:PutObject",
        "HeadObject" => "oss:GetObject",
        "HeadBucket" => "oss:GetBucketInfo",
        "DeleteMultipleObjects" => "oss:DeleteObject",
        _ => "oss:" + operation,
    };
}
