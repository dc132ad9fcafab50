namespace VodTools.Emulator.Oss;

/// <summary>An OSS error answer: status, code, message, and the extra elements some codes carry
/// (BucketName, Key, StringToSign, ...).</summary>
internal sealed class OssException(int status, string code, string message, params (string Name, string Value)[] extra) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<(string Name, string Value)> Extra { get; } = extra;
    /// <summary>A refusal's AccessDeniedDetail element.</summary>
    public System.Xml.Linq.XElement? AccessDeniedDetail { get; init; }
    /// <summary>The EC code of this error when it is not the one its Code always has.</summary>
    public string? Ec { get; init; }

    public static OssException NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", "The specified bucket does not exist.", ("BucketName", bucket));

    public static OssException NoSuchKey(string key) =>
        new(404, "NoSuchKey", "The specified key does not exist.", ("Key", key));

    public static OssException NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            ("UploadId", uploadId));

    public static OssException FileAlreadyExists() =>
        new(409, "FileAlreadyExists", "The object you specified already exists and can not be overwritten.");

    public static OssException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    public static OssException InvalidArgument(string message) => new(400, "InvalidArgument", message);

    public static OssException MalformedXml() =>
        new(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
}
