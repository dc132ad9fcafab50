namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The request of STS AssumeRoleWithOIDC (STS API reference) but for the OIDC token, which is read
    /// afresh for every call and handed to the <see cref="AssumeRoleWithOidcHandler"/> beside these.
    /// </summary>
    public sealed class AssumeRoleWithOidcParameters
    {
        public AssumeRoleWithOidcParameters(
            string roleArn,
            string oidcProviderArn,
            string? roleSessionName = null,
            int durationSeconds = AssumeRoleParameters.DefaultDurationSeconds,
            string? policy = null,
            string? stsRegion = null,
            bool stsVpc = false)
        {
            RoleArn = StsSessionRules.RoleArn(roleArn, nameof(roleArn));
            OidcProviderArn = StsSessionRules.Optional(oidcProviderArn) ?? throw new System.ArgumentException("The OIDC provider ARN is empty.", nameof(oidcProviderArn));
            RoleSessionName = StsSessionRules.SessionName(roleSessionName, nameof(roleSessionName));
            DurationSeconds = StsSessionRules.DurationSeconds(durationSeconds, nameof(durationSeconds));
            Policy = StsSessionRules.Optional(policy);
            StsRegion = StsSessionRules.Optional(stsRegion);
            StsVpc = StsRegion != null && stsVpc;
        }

        public string RoleArn { get; }

        public string OidcProviderArn { get; }

        public string RoleSessionName { get; }

        public int DurationSeconds { get; }

        public string? Policy { get; }

        /// <summary>The region whose STS endpoint to call; null means the global <c>sts.aliyuncs.com</c>.</summary>
        public string? StsRegion { get; }

        /// <summary>Call the region's VPC endpoint (<c>sts-vpc.&lt;region&gt;.aliyuncs.com</c>); never without a region, as in credentials-csharp.</summary>
        public bool StsVpc { get; }
    }
}
