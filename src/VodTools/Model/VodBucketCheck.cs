namespace VodTools.Model
{
    /// <summary>One precondition of adding a bucket to VOD, checked by reading only (Test-VodBucket).</summary>
    public sealed class VodBucketCheck
    {
        public VodBucketCheck(string bucket, string check, VodCheckStatus status, string detail, string? remedy = null)
        {
            Bucket = bucket;
            Check = check;
            Status = status;
            Detail = detail;
            Remedy = remedy;
        }

        public string Bucket { get; }
        /// <summary>The check's stable name, e.g. <c>BucketAccess</c> or <c>ServiceRole</c>.</summary>
        public string Check { get; }
        public VodCheckStatus Status { get; }
        /// <summary>What was found, in a sentence.</summary>
        public string Detail { get; }
        /// <summary>What to do about a Warn or Fail; null on a Pass.</summary>
        public string? Remedy { get; }

        public override string ToString() => $"{Check}: {Status}";
    }
}
