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

        /// <summary>A fixed key; <paramref name="where"/> names the profile or source in the error when a value is missing.</summary>
        public ICredentialProvider AccessKey(string? accessKeyId, string? accessKeySecret, string? securityToken, string where, string errorId = CredentialsErrorId.ProfileInvalid)
        {
            if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(accessKeySecret))
            {
                throw new CredentialsException(errorId, $"{Capitalize(where)} needs both an access key id and an access key secret.");
            }

            var credentials = new CloudCredentials(accessKeyId!, accessKeySecret!, securityToken);
            return new StaticCredentialProvider(credentials, "access key " + credentials);
        }

        public ICredentialProvider AssumeRole(
            ICredentialProvider source, string? roleArn, string? sessionName, int durationSeconds, string? policy, string? externalId, string? stsRegion, string where)
        {
            if (string.IsNullOrEmpty(roleArn))
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"{Capitalize(where)} needs a role ARN.");
            }

            if (_options.AssumeRole == null)
            {
                throw new CredentialsException(
                    CredentialsErrorId.AssumeRoleNotConfigured, $"{Capitalize(where)} assumes a role, but no STS AssumeRole handler is configured.");
            }

            AssumeRoleParameters parameters;
            try
            {
                parameters = new AssumeRoleParameters(
                    roleArn!, sessionName, durationSeconds == 0 ? AssumeRoleParameters.DefaultDurationSeconds : durationSeconds, policy, externalId, stsRegion);
            }
            catch (ArgumentException e)
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"{Capitalize(where)} is invalid: {e.Message}", e);
            }

            return new RamRoleArnCredentialProvider(source, parameters, _options.AssumeRole, _options.UtcNow);
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
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"{Capitalize(where)} needs an absolute http or https credentials URI.");
            }

            return new CredentialsUriProvider(_options.HttpClient, parsed, utcNow: _options.UtcNow);
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
