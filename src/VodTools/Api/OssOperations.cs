namespace VodTools.Api
{
    /// <summary>
    /// The OSS operations the module calls, named as the OSS API reference names them: what -Verbose and errors show, and
    /// what the emulator counts (oss.NAME) and its fault rules target (Set-VodEmulatorFault -Action NAME).
    /// </summary>
    internal static class OssOperations
    {
        public const string ListBuckets = nameof(ListBuckets);
        public const string GetBucketInfo = nameof(GetBucketInfo);
        public const string ListObjectsV2 = nameof(ListObjectsV2);
        public const string HeadObject = nameof(HeadObject);
        public const string DeleteObject = nameof(DeleteObject);
        public const string PutObject = nameof(PutObject);
        public const string InitiateMultipartUpload = nameof(InitiateMultipartUpload);
        public const string UploadPart = nameof(UploadPart);
        public const string ListParts = nameof(ListParts);
        public const string CompleteMultipartUpload = nameof(CompleteMultipartUpload);
    }
}
