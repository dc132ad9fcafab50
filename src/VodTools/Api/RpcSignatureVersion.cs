namespace VodTools.Api
{
    /// <summary>How an RPC client signs its requests.</summary>
    public enum RpcSignatureVersion
    {
        /// <summary>ACS3-HMAC-SHA256, headers only (the current scheme).</summary>
        V3,
        /// <summary>HMAC-SHA1 with the common parameters in the query (the older scheme, still accepted).</summary>
        V1,
        /// <summary>No signature: the few calls whose proof is in their parameters (STS AssumeRoleWithOIDC).</summary>
        Anonymous,
    }
}
