using System.IO;
using System.Net.Http;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// What the chain reads: the cmdlet's parameters, the environment and the home folder, all injectable
    /// so tests never touch the real ones. Used once to build a provider; the provider keeps no reference to it.
    /// </summary>
    public sealed class CredentialChainOptions
    {
        public CredentialChainOptions(CredentialEnvironment environment, string homeDirectory, HttpClient httpClient)
        {
            Environment = environment ?? throw new ArgumentNullException(nameof(environment));
            HomeDirectory = homeDirectory ?? throw new ArgumentNullException(nameof(homeDirectory));
            HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        }

        /// <summary>The process environment and the user's home folder.</summary>
        public static CredentialChainOptions ForCurrentUser(HttpClient httpClient) =>
            new CredentialChainOptions(
                CredentialEnvironment.FromProcess(), System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), httpClient);

        public CredentialEnvironment Environment { get; }

        public string HomeDirectory { get; }

        /// <summary>For the ECS metadata service and credentials URIs.</summary>
        public HttpClient HttpClient { get; }

        /// <summary>The explicit key or profile, if any (parameters over session context); the region is the resolver's.</summary>
        public ConnectionSettings Settings { get; set; } = ConnectionSettings.Empty;

        /// <summary>Calls STS AssumeRole; needed by the RamRoleArn, ChainableRamRoleArn and ram_role_arn profiles.</summary>
        public AssumeRoleHandler? AssumeRole { get; set; }

        /// <summary>Calls STS AssumeRoleWithOIDC; needed by the OIDC environment variables, the OIDC and oidc_role_arn profiles.</summary>
        public AssumeRoleWithOidcHandler? AssumeRoleWithOidc { get; set; }

        public Uri EcsMetadataBaseAddress { get; set; } = EcsRamRoleCredentialProvider.DefaultBaseAddress;

        public TimeSpan EcsMetadataTimeout { get; set; } = EcsRamRoleCredentialProvider.DefaultTimeout;

        /// <summary>The clock the refreshing providers use; the system clock when null.</summary>
        public Func<DateTimeOffset>? UtcNow { get; set; }

        public string CliConfigPath =>
            Environment.Get(EnvironmentVariableNames.ConfigFile) ?? Path.Combine(HomeDirectory, ".aliyun", "config.json");

        public string CredentialsFilePath =>
            Environment.Get(EnvironmentVariableNames.CredentialsFile) ?? Path.Combine(HomeDirectory, ".alibabacloud", "credentials");

        /// <summary>True when <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED</c> or <c>ALIBABA_CLOUD_IGNORE_PROFILE</c> turn the CLI config off.</summary>
        public bool CliConfigDisabled =>
            Environment.IsTrue(EnvironmentVariableNames.CliProfileDisabled) || Environment.IsTrue(EnvironmentVariableNames.IgnoreProfile);
    }
}
