using System.Globalization;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// An access key (optionally an STS token with its expiry). Immutable, so one instance can be
    /// shared by every runspace in the process.
    /// </summary>
    public sealed class CloudCredentials
    {
        public CloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? expiration = null)
        {
            if (string.IsNullOrWhiteSpace(accessKeyId))
            {
                throw new ArgumentException("The AccessKeyId is empty.", nameof(accessKeyId));
            }

            if (string.IsNullOrWhiteSpace(accessKeySecret))
            {
                throw new ArgumentException("The AccessKeySecret is empty.", nameof(accessKeySecret));
            }

            AccessKeyId = accessKeyId;
            AccessKeySecret = accessKeySecret;
            SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
            Expiration = expiration;
        }

        public string AccessKeyId { get; }

        public string AccessKeySecret { get; }

        /// <summary>The STS token, or null for a long-term access key.</summary>
        public string? SecurityToken { get; }

        /// <summary>When temporary credentials expire; null when they do not.</summary>
        public DateTimeOffset? Expiration { get; }

        /// <summary>Shows the first and last four characters only; short values are hidden completely.</summary>
        public static string Mask(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            return value!.Length <= 8 ? "****" : value.Substring(0, 4) + "****" + value.Substring(value.Length - 4);
        }

        /// <summary>A display form such as <c>LTAI****abcd (STS, expires 2026-01-01T00:00:00Z)</c>; never the secret or token.</summary>
        public override string ToString()
        {
            var text = Mask(AccessKeyId);
            if (SecurityToken != null)
            {
                text += Expiration.HasValue
                    ? " (STS, expires " + Expiration.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ")"
                    : " (STS)";
            }

            return text;
        }
    }
}
