namespace VodTools.Api.Credentials
{
    /// <summary>One entry of <c>profiles</c> in the aliyun CLI config.json (aliyun-cli config/profile.go); only the keys VodTools uses.</summary>
    public sealed class AliyunCliProfile
    {
        public string Name { get; internal set; } = string.Empty;

        /// <summary>As written in the file; compare case-insensitively, as the CLI does.</summary>
        public string Mode { get; internal set; } = string.Empty;

        public string? AccessKeyId { get; internal set; }

        public string? AccessKeySecret { get; internal set; }

        public string? StsToken { get; internal set; }

        public string? StsRegion { get; internal set; }

        /// <summary>The credentials libraries' <c>enable_vpc</c> (the CLI itself never writes it): the STS VPC endpoint; null when absent.</summary>
        public bool? EnableVpc { get; internal set; }

        public string? RamRoleName { get; internal set; }

        public string? RamRoleArn { get; internal set; }

        public string? RamSessionName { get; internal set; }

        /// <summary>The role session's duration; 0 when the file leaves it out.</summary>
        public int ExpiredSeconds { get; internal set; }

        public string? SourceProfile { get; internal set; }

        public string? ExternalId { get; internal set; }

        public string? RegionId { get; internal set; }

        public string? CredentialsUri { get; internal set; }

        public string? OidcProviderArn { get; internal set; }

        public string? OidcTokenFile { get; internal set; }
    }
}
