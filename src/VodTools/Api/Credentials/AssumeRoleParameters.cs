namespace VodTools.Api.Credentials
{
    /// <summary>The request of STS AssumeRole (STS API reference), checked before it is sent.</summary>
    public sealed class AssumeRoleParameters
    {
        public const int DefaultDurationSeconds = 3600;
        public const int MinDurationSeconds = 900;
        public const int MaxDurationSeconds = 43200;

        public AssumeRoleParameters(
            string roleArn,
            string? roleSessionName = null,
            int durationSeconds = DefaultDurationSeconds,
            string? policy = null,
            string? externalId = null,
            string? stsRegion = null,
            bool stsVpc = false)
        {
            RoleArn = StsSessionRules.RoleArn(roleArn, nameof(roleArn));
            RoleSessionName = StsSessionRules.SessionName(roleSessionName, nameof(roleSessionName));
            DurationSeconds = StsSessionRules.DurationSeconds(durationSeconds, nameof(durationSeconds));
            Policy = StsSessionRules.Optional(policy);
            ExternalId = StsSessionRules.Optional(externalId);
            StsRegion = StsSessionRules.Optional(stsRegion);
            StsVpc = StsRegion != null && stsVpc;
        }

        public string RoleArn { get; }

        /// <summary>As given, or <c>vodtools-&lt;unix ms&gt;</c> when none was.</summary>
        public string RoleSessionName { get; }

        public int DurationSeconds { get; }

        public string? Policy { get; }

        public string? ExternalId { get; }

        /// <summary>The region whose STS endpoint to call; null means the global <c>sts.aliyuncs.com</c>.</summary>
        public string? StsRegion { get; }

        /// <summary>Call the region's VPC endpoint (<c>sts-vpc.&lt;region&gt;.aliyuncs.com</c>); never without a region, as in credentials-csharp.</summary>
        public bool StsVpc { get; }
    }
}
