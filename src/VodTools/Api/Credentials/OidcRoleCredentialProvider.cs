using System.IO;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Assumes a RAM role with an OIDC token read from a file (RRSA in Kubernetes). The file is read again on
    /// every refresh because the platform rotates the token in place.
    /// </summary>
    public sealed class OidcRoleCredentialProvider : RefreshingCredentialProvider
    {
        private readonly AssumeRoleWithOidcParameters _parameters;
        private readonly string _tokenFilePath;
        private readonly AssumeRoleWithOidcHandler _assumeRoleWithOidc;

        public OidcRoleCredentialProvider(
            AssumeRoleWithOidcParameters parameters, string tokenFilePath, AssumeRoleWithOidcHandler assumeRoleWithOidc, Func<DateTimeOffset>? utcNow = null)
            : base(utcNow)
        {
            _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            _tokenFilePath = StsSessionRules.Optional(tokenFilePath) ?? throw new ArgumentException("The OIDC token file is empty.", nameof(tokenFilePath));
            _assumeRoleWithOidc = assumeRoleWithOidc ?? throw new ArgumentNullException(nameof(assumeRoleWithOidc));
            Description = $"role {parameters.RoleArn} (session '{parameters.RoleSessionName}') assumed through STS with the OIDC token in {_tokenFilePath} from {parameters.OidcProviderArn}";
        }

        public override string Description { get; }

        protected override Task<CloudCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            string token;
            try
            {
                token = File.ReadAllText(_tokenFilePath).Trim();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The OIDC token file {_tokenFilePath} cannot be read: {e.Message}", e);
            }

            if (token.Length == 0)
            {
                throw new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The OIDC token file {_tokenFilePath} is empty.");
            }

            return _assumeRoleWithOidc(_parameters, token, cancellationToken);
        }
    }
}
