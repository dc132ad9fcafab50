using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The RAM role of the ECS instance, from its metadata service (credentials-go providers/ecs_ram_role.go; credentials-csharp EcsRamRoleCredentialProvider):
    /// an IMDSv2 token first, plain v1 requests when the token cannot be had (unless v1 is disabled).
    /// </summary>
    public sealed class EcsRamRoleCredentialProvider : RefreshingCredentialProvider
    {
        public static readonly Uri DefaultBaseAddress = new Uri("http://100.100.100.200");

        /// <summary>The official clients give the metadata service 1 s to connect and 1 s to read.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

        private const string TokenPath = "latest/api/token";
        private const string CredentialsPath = "latest/meta-data/ram/security-credentials/";
        private const string TokenHeader = "X-aliyun-ecs-metadata-token";
        private const string TokenTtlHeader = "X-aliyun-ecs-metadata-token-ttl-seconds";
        private const string TokenTtlSeconds = "21600";

        private readonly HttpClient _httpClient;
        private readonly string? _roleName;
        private readonly Uri _baseAddress;
        private readonly bool _imdsV1Disabled;
        private readonly TimeSpan _timeout;

        /// <summary>
        /// A null <paramref name="roleName"/> asks the metadata service for the instance's role; a null
        /// <paramref name="baseAddress"/> means <see cref="DefaultBaseAddress"/>; <paramref name="imdsV1Disabled"/>
        /// fails instead of falling back to v1 requests when no IMDSv2 token can be had.
        /// </summary>
        public EcsRamRoleCredentialProvider(
            HttpClient httpClient,
            string? roleName = null,
            Uri? baseAddress = null,
            bool imdsV1Disabled = false,
            TimeSpan? timeout = null,
            Func<DateTimeOffset>? utcNow = null)
            : base(utcNow)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _roleName = string.IsNullOrEmpty(roleName) ? null : roleName;
            _baseAddress = baseAddress ?? DefaultBaseAddress;
            _imdsV1Disabled = imdsV1Disabled;
            _timeout = timeout ?? DefaultTimeout;
            Description = $"ECS instance RAM role {(_roleName == null ? "(discovered)" : "'" + _roleName + "'")} from the metadata service at {_baseAddress.GetLeftPart(UriPartial.Authority)}";
        }

        public override string Description { get; }

        protected override async Task<CloudCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var roleName = _roleName ?? await GetRoleNameAsync(token, cancellationToken).ConfigureAwait(false);
            var body = await GetAsync(CredentialsPath + Uri.EscapeDataString(roleName), token, cancellationToken).ConfigureAwait(false);
            return CredentialsResponseParser.Parse(body, $"the ECS metadata service for role '{roleName}'", requireSuccessCode: true);
        }

        /// <summary>The IMDSv2 token, or null to go on with v1 requests.</summary>
        private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_baseAddress, TokenPath));
            request.Headers.TryAddWithoutValidation(TokenTtlHeader, TokenTtlSeconds);
            try
            {
                var (status, body) = await CredentialHttp.SendAsync(
                    _httpClient, request, _timeout, CredentialsErrorId.EcsMetadataUnavailable, "The ECS metadata token request", cancellationToken).ConfigureAwait(false);
                if (status == HttpStatusCode.OK && body.Length > 0)
                {
                    return body;
                }

                if (_imdsV1Disabled)
                {
                    throw new CredentialsException(
                        CredentialsErrorId.EcsMetadataUnavailable,
                        $"The ECS metadata token request answered HTTP {(int)status} and IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED).");
                }
            }
            catch (CredentialsException) when (!_imdsV1Disabled)
            {
                // Older instances and proxies do not serve tokens; v1 still works there.
            }

            return null;
        }

        private async Task<string> GetRoleNameAsync(string? token, CancellationToken cancellationToken)
        {
            var body = await GetAsync(CredentialsPath, token, cancellationToken).ConfigureAwait(false);
            var roleName = body.Trim();
            if (roleName.Length == 0)
            {
                throw new CredentialsException(CredentialsErrorId.EcsMetadataUnavailable, "The ECS instance has no RAM role attached.");
            }

            return roleName;
        }

        private async Task<string> GetAsync(string path, string? token, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, path));
            if (token != null)
            {
                request.Headers.TryAddWithoutValidation(TokenHeader, token);
            }

            var (status, body) = await CredentialHttp.SendAsync(
                _httpClient, request, _timeout, CredentialsErrorId.EcsMetadataUnavailable, "The ECS metadata service", cancellationToken).ConfigureAwait(false);
            if (status != HttpStatusCode.OK)
            {
                throw new CredentialsException(
                    CredentialsErrorId.EcsMetadataUnavailable, $"The ECS metadata service answered HTTP {(int)status} for /{path}.");
            }

            return body;
        }
    }
}
