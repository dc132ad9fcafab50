using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System.Xml.Linq;
using System;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api.Signing;

namespace VodTools.Api
{
    /// <summary>
    /// Calls one RPC product (VOD, RAM or STS): build → sign → send → parse → typed error, with retries
    /// (each attempt re-signed with a fresh nonce and timestamp) and the account's QPS budget.
    /// Thread-safe: one instance serves concurrent calls.
    /// </summary>
    public sealed class RpcClient
    {
        private readonly RpcService _service;
        private readonly Uri _endpoint;
        private readonly ICredentialProvider? _credentials;
        private readonly HttpTransport _transport;
        private readonly ClientOptions _options;
        private readonly RpcSignatureVersion _signature;
        private readonly AttemptRunner _attempts;

        // credentials: null only with RpcSignatureVersion.Anonymous.
        public RpcClient(RpcService service, Uri endpoint, ICredentialProvider? credentials, HttpTransport transport, ClientOptions options, RpcSignatureVersion? signature = null)
        {
            if (credentials == null && signature != RpcSignatureVersion.Anonymous) throw new ArgumentNullException(nameof(credentials), "Only anonymous calls go without credentials.");
            _service = service;
            _endpoint = endpoint;
            _credentials = credentials;
            _transport = transport;
            _options = options;
            _signature = signature ?? service.DefaultSignature;
            _attempts = new AttemptRunner(service.Name, credentials, options);
        }

        public RpcService Service => _service;
        public Uri Endpoint => _endpoint;

        /// <summary>
        /// Calls <paramref name="action"/>; returns the response body's JSON object, or throws <see cref="CloudException"/>.
        /// The <paramref name="history"/>, when given, says on success whether an earlier attempt's answer was lost.
        /// </summary>
        public Task<JsonElement> CallAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken, AttemptHistory? history = null) =>
            Call(action, parameters, cancellationToken, repeatable: true, history);

        /// <summary>
        /// Calls a write that is not safe to repeat (it creates something each time): retried only after failures that
        /// prove nothing was done; otherwise its <see cref="CloudException"/> says whether it may have acted.
        /// </summary>
        public Task<JsonElement> CallUnsafeAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
            Call(action, parameters, cancellationToken, repeatable: false, history: null);

        private Task<JsonElement> Call(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken, bool repeatable, AttemptHistory? history) =>
            _attempts.RunAsync(action, WaitForQuota(action), async (credentials, now, token) =>
            {
                using var request = BuildRequest(action, parameters, credentials, now);
                using var response = await _transport.SendAsync(request, HttpCompletionOption.ResponseContentRead, _options.AttemptTimeout, _service.Name, action, token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var requestId = HeaderValue(response, "x-acs-request-id");
                if (!response.IsSuccessStatusCode) throw ParseError(action, response, body, requestId);
                var result = ParseSuccess(action, body, (int)response.StatusCode, requestId);
                return new AttemptResult<JsonElement>(result, (int)response.StatusCode, result.TryGetProperty("RequestId", out var id) ? id.GetString() : requestId);
            }, cancellationToken, repeatable, history);

        /// <summary>The calls per second <paramref name="action"/> may make (VOD's quota), whether or not the QPS budget keeps to it.</summary>
        public int QuotaOf(string action) => _service.QuotaOf?.Invoke(action, _endpoint) ?? VodQuota.Unlisted;

        /// <summary>
        /// The calls in flight of a fan-out paced by <paramref name="action"/>: enough to reach its quota over the round trip
        /// measured as they go, at most <paramref name="ceiling"/>; each rise past the highest so far is a diagnostic line.
        /// </summary>
        public InFlightLimit CallsInFlight(string action, int ceiling)
        {
            var quota = QuotaOf(action);
            var limit = InFlightLimit.ForQuota(quota, ceiling);
            var log = _options.Log;
            if (log != null)
                limit.Raised = (count, typical) => log(string.Format(CultureInfo.InvariantCulture,
                    "{0}: {1} calls in flight, as a call takes {2:0} ms and the quota is {3} a second", action, count, typical.TotalMilliseconds, quota));
            return limit;
        }

        /// <summary>VOD's calls wait for a permit of the account's per-action QPS budget; other products have none.</summary>
        private Func<CloudCredentials?, CancellationToken, Task>? WaitForQuota(string action)
        {
            if (!_options.UseQpsBudget || _service.QuotaOf == null) return null;
            var perSecond = _service.QuotaOf(action, _endpoint);
            return (credentials, token) => QpsBudget.AcquireAsync($"{_service.Name}|{credentials?.AccessKeyId}|{_endpoint.Authority}|{action}", perSecond, token);
        }

        /// <summary>Builds and signs one attempt's request. Pure but for the nonce.</summary>
        internal HttpRequestMessage BuildRequest(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CloudCredentials? credentials, DateTimeOffset now)
        {
            var nonce = Guid.NewGuid().ToString("N");
            if (_signature == RpcSignatureVersion.Anonymous || credentials == null) return BuildAnonymous(action, parameters, now);
            return _signature == RpcSignatureVersion.V3
                ? BuildV3(action, parameters, credentials, now, nonce)
                : BuildV1(action, parameters, credentials, now, nonce);
        }

        private HttpRequestMessage BuildAnonymous(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, DateTimeOffset now)
        {
            // As credentials-go calls AssumeRoleWithOIDC: the common parameters in the query, the rest in a form body, no signature.
            var common = new[]
            {
                new KeyValuePair<string, string>("Action", action),
                new KeyValuePair<string, string>("Format", "JSON"),
                new KeyValuePair<string, string>("Version", _service.Version),
                new KeyValuePair<string, string>("Timestamp", now.UtcDateTime.ToString(RpcV1Signer.TimestampFormat, CultureInfo.InvariantCulture)),
            };
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/?" + QueryString(common)))
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(QueryString(parameters))),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            AddCommonHeaders(request);
            return request;
        }

        private HttpRequestMessage BuildV3(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CloudCredentials credentials, DateTimeOffset now, string nonce)
        {
            // As the official VOD and RAM SDKs send them: POST, every operation parameter in the query, empty body.
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/?" + QueryString(parameters)));
            var headers = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("host", _endpoint.Authority),
                new KeyValuePair<string, string>("x-acs-action", action),
                new KeyValuePair<string, string>("x-acs-version", _service.Version),
                new KeyValuePair<string, string>("x-acs-date", now.UtcDateTime.ToString(RpcV3Signer.DateFormat, CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("x-acs-signature-nonce", nonce),
                new KeyValuePair<string, string>("x-acs-content-sha256", Crypto.EmptySha256),
            };
            if (credentials.SecurityToken != null)
            {
                headers.Add(new KeyValuePair<string, string>("x-acs-accesskey-id", credentials.AccessKeyId));
                headers.Add(new KeyValuePair<string, string>("x-acs-security-token", credentials.SecurityToken));
            }
            var signature = RpcV3Signer.Sign("POST", parameters, headers, Crypto.EmptySha256, credentials.AccessKeyId, credentials.AccessKeySecret);
            foreach (var header in headers)
            {
                if (header.Key == "host") request.Headers.Host = header.Value;
                else request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
            AddCommonHeaders(request);
            return request;
        }

        private HttpRequestMessage BuildV1(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CloudCredentials credentials, DateTimeOffset now, string nonce)
        {
            // As the new SDKs send V1: common parameters in the query, operation parameters in a form body, both signed.
            var common = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("AccessKeyId", credentials.AccessKeyId),
                new KeyValuePair<string, string>("Action", action),
                new KeyValuePair<string, string>("Format", "JSON"),
                new KeyValuePair<string, string>("SignatureMethod", "HMAC-SHA1"),
                new KeyValuePair<string, string>("SignatureNonce", nonce),
                new KeyValuePair<string, string>("SignatureVersion", "1.0"),
                new KeyValuePair<string, string>("Timestamp", now.UtcDateTime.ToString(RpcV1Signer.TimestampFormat, CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("Version", _service.Version),
            };
            if (credentials.SecurityToken != null) common.Add(new KeyValuePair<string, string>("SecurityToken", credentials.SecurityToken));
            var signature = RpcV1Signer.Sign("POST", common.Concat(parameters), credentials.AccessKeySecret);
            common.Add(new KeyValuePair<string, string>("Signature", signature.Signature));
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/?" + QueryString(common)));
            if (parameters.Count > 0)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(QueryString(parameters)));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            }
            request.Headers.TryAddWithoutValidation("x-acs-action", action);
            request.Headers.TryAddWithoutValidation("x-acs-version", _service.Version);
            AddCommonHeaders(request);
            return request;
        }

        private void AddCommonHeaders(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("accept", "application/json");
            request.Headers.TryAddWithoutValidation("user-agent", _options.UserAgent);
        }

        private static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
            string.Join("&", parameters.Select(p => Rfc3986.Encode(p.Key) + "=" + Rfc3986.Encode(p.Value ?? string.Empty)));

        private JsonElement ParseSuccess(string action, byte[] body, int status, string? requestId)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object) return document.RootElement.Clone();
            }
            catch (JsonException)
            {
            }
            throw new CloudException(_service.Name, action, "BadResponse", "The answer is not a JSON object.", status, requestId, _endpoint.Host);
        }

        /// <summary>The error answer of the RPC APIs (darabonba-openapi main.tea reads Code/code, Message/message): JSON (either casing) or XML &lt;Error&gt;.</summary>
        private CloudException ParseError(string action, HttpResponseMessage response, byte[] body, string? requestId)
        {
            var status = (int)response.StatusCode;
            string? code = null, message = null, hostId = null, recommend = null;
            AccessDenial? denial = null;
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    code = Field(root, "Code");
                    message = Field(root, "Message") ?? Field(root, "Description") ?? Field(root, "Detail");
                    requestId = Field(root, "RequestId") ?? requestId;
                    hostId = Field(root, "HostId");
                    recommend = Field(root, "Recommend");
                    denial = AccessDenial.FromJson(root);
                }
            }
            catch (JsonException)
            {
                try
                {
                    var error = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
                    if (error != null && error.Name.LocalName == "Error")
                    {
                        string? Child(string name) => error.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                        code = Child("Code");
                        message = Child("Message");
                        requestId = Child("RequestId") ?? requestId;
                        hostId = Child("HostId");
                        recommend = Child("Recommend");
                        denial = AccessDenial.FromXml(error);
                    }
                }
                catch (System.Xml.XmlException)
                {
                }
            }
            message ??= response.ReasonPhrase ?? "The service answered with an error and no readable body.";
            if (denial != null) message += " " + denial.Describe();
            return new CloudException(_service.Name, action, code ?? "Http" + status, message, status, requestId, hostId ?? _endpoint.Host, recommend)
            {
                Denial = denial,
                RetryAfter = RetryPolicy.ServerHint(response),
                ServerDate = response.Headers.Date,
            };
        }

        private static string? Field(JsonElement root, string name)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
            return null;
        }

        private static string? HeaderValue(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    }
}
