using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Builds the providers that profiles and the environment describe, checking what each needs.</summary>
    internal sealed class CredentialProviderFactory
    {
        private readonly CredentialChainOptions _options;

        public CredentialProviderFactory(CredentialChainOptions options)
        {
            _options = options;
        }

        /// <summary>A fixed key. In every method <paramref name="where"/> names the profile or source for error messages.</summary>
        public ICredentialProvider AccessKey(string? accessKeyId, string? accessKeySecret, string? securityToken, string where, string errorId = CredentialsErrorId.ProfileInvalid)
        {
            if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(accessKeySecret))
            {
                throw new CredentialsException(errorId, $"An access key id and an access key secret are both needed ({where}).");
            }

            foreach (var (value, name, show) in new[] { (accessKeyId!, "AccessKey ID", true), (accessKeySecret!, "AccessKey secret", false), (securityToken ?? string.Empty, "security token", false) })
            {
                var problem = AccessKeyText.Problem(value, name, show);
                if (problem != null) throw new CredentialsException(CredentialsErrorId.CredentialsMalformed, $"{problem} ({where})");
            }

            var credentials = new CloudCredentials(accessKeyId!, accessKeySecret!, securityToken);
            return new StaticCredentialProvider(credentials, "access key " + credentials);
        }

        public ICredentialProvider AssumeRole(
            ICredentialProvider source, string? roleArn, string? sessionName, int durationSeconds, string? policy, string? externalId, string? stsRegion, bool? stsVpc, string where)
        {
            if (string.IsNullOrEmpty(roleArn))
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"A role ARN is needed ({where}).");
            }

            var assumeRole = _options.AssumeRole
                ?? throw NotConfigured(where, "AssumeRole");
            var duration = durationSeconds == 0 ? AssumeRoleParameters.DefaultDurationSeconds : durationSeconds;
            return Checked(where, () => new RamRoleArnCredentialProvider(
                source, new AssumeRoleParameters(roleArn!, sessionName, duration, policy, externalId, StsRegion(stsRegion), StsVpc(stsVpc)), assumeRole, _options.UtcNow));
        }

        public ICredentialProvider OidcRole(
            string? roleArn, string? oidcProviderArn, string? tokenFilePath, string? sessionName, int durationSeconds, string? policy, string? stsRegion, bool? stsVpc, string where)
        {
            if (string.IsNullOrEmpty(roleArn) || string.IsNullOrEmpty(oidcProviderArn) || string.IsNullOrEmpty(tokenFilePath))
            {
                throw new CredentialsException(
                    CredentialsErrorId.ProfileInvalid, $"A role ARN, an OIDC provider ARN and an OIDC token file are all needed ({where}).");
            }

            var assumeRoleWithOidc = _options.AssumeRoleWithOidc
                ?? throw NotConfigured(where, "AssumeRoleWithOIDC");
            var duration = durationSeconds == 0 ? AssumeRoleParameters.DefaultDurationSeconds : durationSeconds;
            return Checked(where, () => new OidcRoleCredentialProvider(
                new AssumeRoleWithOidcParameters(roleArn!, oidcProviderArn!, sessionName, duration, policy, StsRegion(stsRegion), StsVpc(stsVpc)), tokenFilePath!, assumeRoleWithOidc, _options.UtcNow));
        }

        public ICredentialProvider EcsRamRole(string? roleName) =>
            new EcsRamRoleCredentialProvider(
                _options.HttpClient,
                roleName,
                _options.EcsMetadataBaseAddress,
                _options.Environment.IsTrue(EnvironmentVariableNames.ImdsV1Disabled),
                _options.EcsMetadataTimeout,
                _options.UtcNow);

        public ICredentialProvider CredentialsUri(string? uri, string where)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"An absolute http or https credentials URI is needed ({where}).");
            }

            return new CredentialsUriProvider(_options.HttpClient, parsed, utcNow: _options.UtcNow);
        }

        // As credentials-csharp builds the STS host: the profile's sts_region, else ALIBABA_CLOUD_STS_REGION; the profile's VPC
        // switch, else ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true.
        private string? StsRegion(string? fromProfile) => fromProfile ?? _options.Environment.Get(EnvironmentVariableNames.StsRegion);

        private bool StsVpc(bool? fromProfile) => fromProfile ?? _options.Environment.IsTrue(EnvironmentVariableNames.VpcEndpointEnabled);

        private static CredentialsException NotConfigured(string where, string action) =>
            new CredentialsException(
                CredentialsErrorId.AssumeRoleNotConfigured, $"No STS {action} handler is configured, but {where} assumes a role.");

        // The STS limits are checked when the provider is built, so a bad profile fails before any call.
        private static ICredentialProvider Checked(string where, Func<ICredentialProvider> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException e)
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"Invalid {where}: {e.Message}", e);
            }
        }
    }
}
