namespace VodTools.Api.Signing
{
    /// <summary>The intermediate strings and result of an OSS V4 signature.</summary>
    public sealed class OssV4Signature
    {
        public OssV4Signature(string canonicalRequest, string stringToSign, string scope, string additionalHeaders, string signature, string authorization)
        {
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Scope = scope;
            AdditionalHeaders = additionalHeaders;
            Signature = signature;
            Authorization = authorization;
        }

        public string CanonicalRequest { get; }
        public string StringToSign { get; }
        public string Scope { get; }
        /// <summary>The ';'-joined AdditionalHeaders list, empty when none.</summary>
        public string AdditionalHeaders { get; }
        /// <summary>64 lower-case hex characters.</summary>
        public string Signature { get; }
        /// <summary>The value of the Authorization header (header signing only).</summary>
        public string Authorization { get; }
    }
}
