namespace VodTools.Api.Credentials
{
    /// <summary>One entry of <c>profiles</c> in the aliyun CLI config.json (spec/rpc-apis.md §7.3); only the keys VodTools uses.</summary>
    public sealed class AliyunCliProfile
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>As written in the file; compare case-insensitively, as the CLI does.</summary>
        public string Mode { get; set; } = string.Empty;

        public string? AccessKeyId { get; set; }

        public string? AccessKeySecret { get; set; }

        public string? StsToken { get; set; }

        public string? StsRegion { get; set; }

        public string? RamRoleName { get; set; }

        public string? RamRoleArn { get; set; }

        public string? RamSessionName { get; set; }

        /// <summary>The role session's duration; 0 when the file leaves it out.</summary>
        public int ExpiredSeconds { get; set; }

        public string? SourceProfile { get; set; }

        public string? ExternalId { get; set; }

        public string? RegionId { get; set; }

        public string? CredentialsUri { get; set; }
    }
}
