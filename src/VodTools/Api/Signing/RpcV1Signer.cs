using System.Collections.Generic;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>RPC signature V1 (<c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>), as the RPC signature page (help.aliyun.com/zh/sdk/product-overview/rpc-mechanism) defines it.</summary>
    /// <remarks>Deliberately independent of the emulator's <c>RpcVerifier</c> (both written from the same sources, no code shared), so that a mistake in one shows against the other.</remarks>
    public static class RpcV1Signer
    {
        public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

        /// <summary>
        /// Signs the union of query and form parameters (everything but <c>Signature</c>).
        /// The method is the real upper-case HTTP method: GET and POST give different signatures.
        /// </summary>
        public static RpcV1Signature Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
        {
            var canonical = string.Join("&", parameters
                .Where(p => p.Key != "Signature")
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => Rfc3986.Encode(p.Key) + "=" + Rfc3986.Encode(p.Value ?? string.Empty)));
            var stringToSign = method + "&" + Rfc3986.Encode("/") + "&" + Rfc3986.Encode(canonical);
            var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
            var signature = Convert.ToBase64String(Crypto.HmacSha1(key, stringToSign));
            return new RpcV1Signature(canonical, stringToSign, signature);
        }
    }
}
