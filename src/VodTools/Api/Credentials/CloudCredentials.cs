using System;

namespace VodTools.Api.Credentials
{
    /// <summary>An access key, with its STS token and expiry when temporary. Immutable; never prints the secret.</summary>
    public sealed class CloudCredentials
    {
        public CloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? expiration = null)
        {
            AccessKeyId = accessKeyId;
            AccessKeySecret = accessKeySecret;
            SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
            Expiration = expiration;
        }

        public string AccessKeyId { get; }
        public string AccessKeySecret { get; }
        public string? SecurityToken { get; }
        public DateTimeOffset? Expiration { get; }

        public override string ToString() => AccessKeyId + (SecurityToken != null ? " (STS)" : string.Empty);
    }
}
