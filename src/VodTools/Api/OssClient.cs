using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System.Xml.Linq;
using System.Xml;
using System;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api.Signing;

namespace VodTools.Api
{
    /// <summary>
    /// Calls OSS REST: address (virtual-hosted, or path style when the endpoint is an IP or localhost) → sign
    /// (V4 by default) → send → typed error, with retries that re-sign and resend the body. Thread-safe.
    /// </summary>
    public sealed class OssClient
    {
        private readonly Uri _endpoint;
        private readonly ICredentialProvider _credentials;
        private readonly HttpTransport _transport;
        private readonly ClientOptions _options;
        private readonly OssSignatureVersion _signature;
        private readonly AttemptRunner _attempts;

        public OssClient(Uri endpoint, string region, ICredentialProvider credentials, HttpTransport transport, ClientOptions options, OssSignatureVersion signature = OssSignatureVersion.V4)
        {
            _endpoint = endpoint;
            Region = OssV4Signer.StandardRegion(region);
            _credentials = credentials;
            _transport = transport;
            _options = options;
            _signature = signature;
            _attempts = new AttemptRunner("OSS", credentials, options);
            PathStyle = endpoint.HostNameType == UriHostNameType.IPv4 || endpoint.HostNameType == UriHostNameType.IPv6 || endpoint.IsLoopback;
        }

        /// <summary>The V4 region id the signatures are scoped to, e.g. <c>cn-shanghai</c>.</summary>
        public string Region { get; }

        /// <summary>True when buckets go in the path (<c>/bucket/key</c>) because the endpoint is an IP or loopback name.</summary>
        public bool PathStyle { get; }

        /// <summary>
        /// The URL of a bucket or object at this endpoint, key encoded per segment, its dot segments kept. Where the
        /// runtime's <see cref="Uri"/> still rewrites the path (Mono removes "." and ".." segments even escaped), the
        /// key is refused with OssKeyDotSegments rather than sent as another key than the one signed.
        /// </summary>
        public Uri Address(string? bucket, string? key, IEnumerable<KeyValuePair<string, string>>? query = null)
        {
            var builder = new StringBuilder();
            builder.Append(_endpoint.Scheme).Append("://");
            if (bucket != null && !PathStyle) builder.Append(bucket).Append('.');
            builder.Append(_endpoint.Authority);
            var pathStart = builder.Length;
            builder.Append('/');
            if (bucket != null && PathStyle) builder.Append(bucket).Append('/');
            if (key != null) builder.Append(Rfc3986.EncodeKeyForUrl(key));
            var path = builder.ToString(pathStart, builder.Length - pathStart);
            var parameters = (query ?? Array.Empty<KeyValuePair<string, string>>()).ToList();
            if (parameters.Count > 0)
            {
                builder.Append('?').Append(string.Join("&", parameters.Select(p =>
                    Rfc3986.Encode(p.Key) + (string.IsNullOrEmpty(p.Value) ? string.Empty : "=" + Rfc3986.Encode(p.Value)))));
            }
            var address = ExactUri.Create(builder.ToString());
            if (key != null && Uri.UnescapeDataString(address.AbsolutePath) != Uri.UnescapeDataString(path))
                throw new Services.ValidationException("OssKeyDotSegments",
                    $"The key '{key}' has a '.' or '..' segment, and this runtime ({System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}) removes such segments from a URL's path, " +
                    "so the request would reach another object than the one named and signed: it was not sent. PowerShell 7 sends such keys as they are.", "Key");
            return address;
        }

        /// <summary>Sends the request; returns the successful response (the caller disposes it) or throws <see cref="CloudException"/>.</summary>
        public Task<HttpResponseMessage> SendAsync(OssRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            var target = request.Bucket == null ? request.Operation : request.Operation + " " + request.Bucket + (request.Key == null ? string.Empty : "/" + request.Key);
            return _attempts.RunAsync(target, null, async (credentials, now, token) =>
            {
                HttpResponseMessage response;
                var sent = request.VerifyBodyCrc64 ? new Crc64Ecma() : null;
                using (var message = BuildRequest(request, credentials!, now, sent)) // OSS always has a credential provider
                {
                    response = await _transport.SendAsync(message, completion, _options.AttemptTimeout, "OSS", request.Operation, token).ConfigureAwait(false);
                }
                var requestId = Header(response, "x-oss-request-id");
                if (response.IsSuccessStatusCode)
                {
                    if (sent != null) VerifyCrc64(request.Operation, response, sent.Value);
                    return new AttemptResult<HttpResponseMessage>(response, (int)response.StatusCode, requestId);
                }
                using (response) throw await ParseErrorAsync(request, response, requestId).ConfigureAwait(false);
            }, cancellationToken);
        }

        /// <summary>
        /// Checks the answer's <c>x-oss-hash-crc64ecma</c> (an unsigned decimal) against the CRC-64 of what was sent, as the
        /// official OSS SDKs do by default: a different value disposes the answer and throws
        /// <see cref="TransportCodes.CrcMismatch"/>; an answer without the header is not checked.
        /// </summary>
        public static void VerifyCrc64(string operation, HttpResponseMessage response, ulong sent)
        {
            var answered = Header(response, Crc64Header);
            var expected = sent.ToString(CultureInfo.InvariantCulture);
            if (answered == null || answered == expected) return;
            var (status, requestId) = ((int)response.StatusCode, Header(response, "x-oss-request-id"));
            response.Dispose();
            throw new CloudException("OSS", operation, TransportCodes.CrcMismatch,
                $"OSS holds data with CRC-64 {answered}, but what was sent has CRC-64 {expected}: the data was damaged on the way.", status, requestId);
        }

        /// <summary>The answer's CRC-64 of the data OSS holds, null when it sent none.</summary>
        public static ulong? Crc64Of(HttpResponseMessage response) =>
            ulong.TryParse(Header(response, Crc64Header), NumberStyles.None, CultureInfo.InvariantCulture, out var crc) ? crc : (ulong?)null;

        private const string Crc64Header = "x-oss-hash-crc64ecma";

        /// <summary>Sends the request and parses the XML answer (namespace-agnostic callers use LocalName).</summary>
        public async Task<XElement> GetXmlAsync(OssRequest request, CancellationToken cancellationToken)
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            try
            {
                return XDocument.Parse(text).Root ?? throw new XmlException("empty document");
            }
            catch (XmlException e)
            {
                throw new CloudException("OSS", request.Operation, "BadResponse", "The answer is not XML: " + e.Message, (int)response.StatusCode, Header(response, "x-oss-request-id"));
            }
        }

        /// <summary>The signed message; <paramref name="sent"/>, when given, receives the body's bytes as they are sent.</summary>
        internal HttpRequestMessage BuildRequest(OssRequest request, CloudCredentials credentials, DateTimeOffset now, Crc64Ecma? sent = null)
        {
            var headers = request.Headers.ToList();
            if (_signature == OssSignatureVersion.V4)
            {
                headers.Add(new KeyValuePair<string, string>("x-oss-date", OssV4Signer.FormatDate(now)));
                headers.Add(new KeyValuePair<string, string>("x-oss-content-sha256", OssV4Signer.UnsignedPayload));
            }
            else
            {
                headers.Add(new KeyValuePair<string, string>("x-oss-date", OssV1Signer.FormatDate(now)));
            }
            if (credentials.SecurityToken != null) headers.Add(new KeyValuePair<string, string>("x-oss-security-token", credentials.SecurityToken));

            var parts = new OssRequestParts(request.Method.Method, request.Bucket, request.Key, request.Query, headers);
            var authorization = _signature == OssSignatureVersion.V4
                ? OssV4Signer.SignHeader(parts, Array.Empty<string>(), Region, now, credentials.AccessKeyId, credentials.AccessKeySecret).Authorization
                : OssV1Signer.SignHeader(parts, credentials.AccessKeyId, credentials.AccessKeySecret).Authorization;

            var message = new HttpRequestMessage(request.Method, Address(request.Bucket, request.Key, request.Query));
            var content = request.Content?.Invoke();
            if (content == null && (request.Method == HttpMethod.Put || request.Method == HttpMethod.Post))
                content = new ByteArrayContent(Array.Empty<byte>());
            message.Content = content;
            foreach (var header in headers)
            {
                if (content != null && IsContentHeader(header.Key))
                {
                    content.Headers.Remove(header.Key);
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                else if (!IsContentHeader(header.Key))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
            if (sent != null && content != null) message.Content = new ObservedContent(content, sent.Append);
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            return message;
        }

        private static bool IsContentHeader(string name) =>
            name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Expires", StringComparison.OrdinalIgnoreCase);

        /// <summary>OSS's error XML, from the body or, on HEAD, from the base64 x-oss-err header (OSS API reference, "Error responses"; alibabacloud-oss-go-sdk-v2 oss/client.go).</summary>
        private async Task<CloudException> ParseErrorAsync(OssRequest request, HttpResponseMessage response, string? requestId)
        {
            var status = (int)response.StatusCode;
            string? xml = null;
            var encoded = Header(response, "x-oss-err");
            if (encoded != null)
            {
                try
                {
                    xml = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                }
                catch (FormatException)
                {
                }
            }
            xml ??= await response.Content.ReadAsStringAsync().ConfigureAwait(false);

            string? code = null, message = null, hostId = null, recommend = null;
            AccessDenial? denial = null;
            try
            {
                var root = XDocument.Parse(xml).Root;
                if (root != null && root.Name.LocalName == "Error")
                {
                    string? Child(string name) => root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                    code = Child("Code");
                    message = Child("Message");
                    requestId = Child("RequestId") ?? requestId;
                    hostId = Child("HostId");
                    recommend = Child("RecommendDoc");
                    denial = AccessDenial.FromXml(root);
                }
            }
            catch (XmlException)
            {
            }
            code ??= status == (int)HttpStatusCode.NotFound && request.Method == HttpMethod.Head ? "NoSuchKey" : "BadErrorResponse";
            message ??= response.ReasonPhrase ?? "The service answered with an error and no readable body.";
            var ec = Header(response, "x-oss-ec");
            if (denial != null) message += " " + denial.Describe();
            return new CloudException("OSS", request.Operation, code, message + (ec != null ? $" (EC {ec})" : string.Empty), status, requestId, hostId, recommend)
            {
                Denial = denial,
                RetryAfter = RetryPolicy.ServerHint(response),
                ServerDate = response.Headers.Date,
            };
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    }
}
