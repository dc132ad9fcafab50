namespace VodTools.Api.Signing
{
    /// <summary>The intermediate strings and result of an RPC V1 (HMAC-SHA1) signature.</summary>
    public sealed class RpcV1Signature
    {
        public RpcV1Signature(string canonicalizedQuery, string stringToSign, string signature)
        {
            CanonicalizedQuery = canonicalizedQuery;
            StringToSign = stringToSign;
            Signature = signature;
        }

        public string CanonicalizedQuery { get; }
        public string StringToSign { get; }
        /// <summary>Base64 HMAC-SHA1; percent-encode it before it goes in a URL or form.</summary>
        public string Signature { get; }
    }
}
