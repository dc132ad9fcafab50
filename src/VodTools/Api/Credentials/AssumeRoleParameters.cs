using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VodTools.Api.Credentials
{
    /// <summary>The request of STS AssumeRole (spec/rpc-apis.md §7.1), checked before it is sent.</summary>
    public sealed class AssumeRoleParameters
    {
        public const int DefaultDurationSeconds = 3600;
        public const int MinDurationSeconds = 900;
        public const int MaxDurationSeconds = 43200;

        private static readonly Regex SessionNamePattern = new Regex("^[A-Za-z0-9.@_-]{2,64}$", RegexOptions.CultureInvariant);

        public AssumeRoleParameters(
            string roleArn,
            string? roleSessionName = null,
            int durationSeconds = DefaultDurationSeconds,
            string? policy = null,
            string? externalId = null,
            string? stsRegion = null)
        {
            if (string.IsNullOrWhiteSpace(roleArn))
            {
                throw new ArgumentException("The RoleArn is empty.", nameof(roleArn));
            }

            var sessionName = string.IsNullOrEmpty(roleSessionName) ? DefaultSessionName() : roleSessionName!;
            if (!SessionNamePattern.IsMatch(sessionName))
            {
                throw new ArgumentException(
                    $"The RoleSessionName '{sessionName}' must be 2 to 64 letters, digits or the characters . @ - _.", nameof(roleSessionName));
            }

            if (durationSeconds < MinDurationSeconds || durationSeconds > MaxDurationSeconds)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(durationSeconds), durationSeconds, $"DurationSeconds must be between {MinDurationSeconds} and {MaxDurationSeconds}.");
            }

            RoleArn = roleArn;
            RoleSessionName = sessionName;
            DurationSeconds = durationSeconds;
            Policy = string.IsNullOrEmpty(policy) ? null : policy;
            ExternalId = string.IsNullOrEmpty(externalId) ? null : externalId;
            StsRegion = string.IsNullOrEmpty(stsRegion) ? null : stsRegion;
        }

        public string RoleArn { get; }

        public string RoleSessionName { get; }

        public int DurationSeconds { get; }

        public string? Policy { get; }

        public string? ExternalId { get; }

        /// <summary>The region whose STS endpoint to call; null means the global <c>sts.aliyuncs.com</c>.</summary>
        public string? StsRegion { get; }

        // Like credentials-go's "credentials-go-<time>": unique enough to tell sessions apart in ActionTrail.
        private static string DefaultSessionName() =>
            "vodtools-" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }
}
