namespace VodTools.Api.Signing
{
    /// <summary>The intermediate string and result of an OSS V1 signature.</summary>
    public sealed class OssV1Signature
    {
        public OssV1Signature(string stringToSign, string signature, string authorization)
        {
            StringToSign = stringToSign;
            Signature = signature;
            Authorization = authorization;
        }

        public string StringToSign { get; }
        /// <summary>Base64 HMAC-SHA1.</summary>
        public string Signature { get; }
        /// <summary><c>OSS &lt;AccessKeyId&gt;:&lt;Signature&gt;</c>.</summary>
        public string Authorization { get; }
    }
}
