using System.Collections.Generic;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The variables the chain reads. Where several names are listed, the official <c>ALIBABA_CLOUD_*</c>
    /// name comes first and the legacy names aliyun-cli also reads follow in its order (aliyun-cli config/profile.go).
    /// </summary>
    public static class EnvironmentVariableNames
    {
        public static readonly IReadOnlyList<string> AccessKeyId =
            new[] { "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ACCESS_KEY_ID" };

        public static readonly IReadOnlyList<string> AccessKeySecret =
            new[] { "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET", "ACCESS_KEY_SECRET" };

        public static readonly IReadOnlyList<string> SecurityToken =
            new[] { "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "SECURITY_TOKEN" };

        public static readonly IReadOnlyList<string> RegionId =
            new[] { "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "REGION_ID", "REGION" };

        public static readonly IReadOnlyList<string> Profile =
            new[] { "ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE" };

        public const string ConfigFile = "ALIBABA_CLOUD_CONFIG_FILE";
        public const string CliProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
        public const string IgnoreProfile = "ALIBABA_CLOUD_IGNORE_PROFILE";
        public const string CredentialsFile = "ALIBABA_CLOUD_CREDENTIALS_FILE";
        public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
        public const string EcsMetadataRoleName = "ALIBABA_CLOUD_ECS_METADATA";
        public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";
        public const string CredentialsUri = "ALIBABA_CLOUD_CREDENTIALS_URI";
        public const string OidcRoleArn = "ALIBABA_CLOUD_ROLE_ARN";
        public const string OidcProviderArn = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
        public const string OidcTokenFile = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
        public const string RoleSessionName = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
        public const string StsRegion = "ALIBABA_CLOUD_STS_REGION";
        public const string VpcEndpointEnabled = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
    }
}
