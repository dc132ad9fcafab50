using System.Collections.Generic;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>RPC signature V3 (<c>ACS3-HMAC-SHA256</c>), as "Request syntax and signature method V3" (Alibaba Cloud SDK docs) and darabonba-openapi-util define it.</summary>
    /// <remarks>Deliberately independent of the emulator's <c>RpcVerifier</c> (both written from the same sources, no code shared), so that a mistake in one shows against the other.</remarks>
    public static class RpcV3Signer
    {
        public const string Algorithm = "ACS3-HMAC-SHA256";
        public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

        /// <summary>
        /// Signs a request. <paramref name="headers"/> are the request's headers: <c>host</c>,
        /// <c>content-type</c> and every <c>x-acs-*</c> among them are signed, any others ignored.
        /// <paramref name="payloadHash"/> is the lower-case hex SHA-256 of the body bytes.
        /// </summary>
        public static RpcV3Signature Sign(
            string method,
            IEnumerable<KeyValuePair<string, string>> query,
            IEnumerable<KeyValuePair<string, string>> headers,
            string payloadHash,
            string accessKeyId,
            string accessKeySecret)
        {
            var canonicalQuery = string.Join("&", query
                .Select(p => new KeyValuePair<string, string>(Rfc3986.Encode(p.Key), Rfc3986.Encode(p.Value ?? string.Empty)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));

            var signed = headers
                .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), (h.Value ?? string.Empty).Trim()))
                .Where(h => h.Key == "host" || h.Key == "content-type" || h.Key.StartsWith("x-acs-", StringComparison.Ordinal))
                .GroupBy(h => h.Key)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(",", g.Select(h => h.Value).OrderBy(v => v, StringComparer.Ordinal))))
                .ToList();

            var canonicalHeaders = new StringBuilder();
            foreach (var header in signed) canonicalHeaders.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            var signedHeaders = string.Join(";", signed.Select(h => h.Key));

            var canonicalRequest = method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
            var stringToSign = Algorithm + "\n" + Crypto.Sha256Hex(canonicalRequest);
            var signature = Crypto.ToHex(Crypto.HmacSha256(Encoding.UTF8.GetBytes(accessKeySecret), stringToSign));
            var authorization = Algorithm + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
            return new RpcV3Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
        }
    }
}
