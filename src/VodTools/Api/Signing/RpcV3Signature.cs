namespace VodTools.Api.Signing
{
    /// <summary>The intermediate strings and result of an ACS3-HMAC-SHA256 signature.</summary>
    public sealed class RpcV3Signature
    {
        public RpcV3Signature(string canonicalRequest, string stringToSign, string signedHeaders, string signature, string authorization)
        {
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            SignedHeaders = signedHeaders;
            Signature = signature;
            Authorization = authorization;
        }

        public string CanonicalRequest { get; }
        public string StringToSign { get; }
        public string SignedHeaders { get; }
        public string Signature { get; }
        /// <summary>The value of the Authorization header.</summary>
        public string Authorization { get; }
    }
}
