using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Credentials served by a URI (<c>ALIBABA_CLOUD_CREDENTIALS_URI</c>, CLI mode CredentialsURI).</summary>
    public sealed class CredentialsUriProvider : RefreshingCredentialProvider
    {
        /// <summary>No official client documents a timeout for it; the URI is usually a local sidecar, so a short limit keeps failures quick.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

        private readonly HttpClient _httpClient;
        private readonly Uri _uri;
        private readonly TimeSpan _timeout;
        private readonly string _displayUri;

        public CredentialsUriProvider(HttpClient httpClient, Uri uri, TimeSpan? timeout = null, Func<DateTimeOffset>? utcNow = null)
            : base(utcNow)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _uri = uri ?? throw new ArgumentNullException(nameof(uri));
            _timeout = timeout ?? DefaultTimeout;

            // The query string or user info may carry a token, so only scheme, host and path are shown.
            _displayUri = uri.GetLeftPart(UriPartial.Path).Replace(uri.UserInfo + "@", string.Empty);
            Description = $"credentials URI {_displayUri}";
        }

        public override string Description { get; }

        protected override async Task<CloudCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            var what = "the credentials URI " + _displayUri;
            var (status, body) = await CredentialHttp.SendAsync(
                _httpClient, new HttpRequestMessage(HttpMethod.Get, _uri), _timeout, CredentialsErrorId.CredentialsUriFailed, what, cancellationToken)
                .ConfigureAwait(false);
            if (status != HttpStatusCode.OK)
            {
                throw new CredentialsException(CredentialsErrorId.CredentialsUriFailed, $"{what} answered HTTP {(int)status}.");
            }

            return CredentialsResponseParser.Parse(body, what, requireSuccessCode: false);
        }
    }
}
