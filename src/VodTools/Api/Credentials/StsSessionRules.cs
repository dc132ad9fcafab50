using System.Globalization;
using System.Text.RegularExpressions;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>The limits STS puts on AssumeRole and AssumeRoleWithOIDC requests (STS API reference, AssumeRole and AssumeRoleWithOIDC), checked before sending.</summary>
    internal static class StsSessionRules
    {
        private static readonly Regex SessionNamePattern = new Regex("^[A-Za-z0-9.@_-]{2,64}$", RegexOptions.CultureInvariant);

        public static string RoleArn(string? roleArn, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(roleArn))
            {
                throw new ArgumentException("The RoleArn is empty.", parameterName);
            }

            return roleArn!;
        }

        /// <summary>The given name, checked, or a generated one when none is given.</summary>
        public static string SessionName(string? roleSessionName, string parameterName)
        {
            // Like credentials-go's "credentials-go-<time>": unique enough to tell sessions apart in ActionTrail.
            var sessionName = string.IsNullOrEmpty(roleSessionName)
                ? "vodtools-" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
                : roleSessionName!;
            if (!SessionNamePattern.IsMatch(sessionName))
            {
                throw new ArgumentException(
                    $"The RoleSessionName '{sessionName}' must be 2 to 64 letters, digits or the characters . @ - _.", parameterName);
            }

            return sessionName;
        }

        public static int DurationSeconds(int durationSeconds, string parameterName)
        {
            if (durationSeconds < AssumeRoleParameters.MinDurationSeconds || durationSeconds > AssumeRoleParameters.MaxDurationSeconds)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    durationSeconds,
                    $"DurationSeconds must be between {AssumeRoleParameters.MinDurationSeconds} and {AssumeRoleParameters.MaxDurationSeconds}.");
            }

            return durationSeconds;
        }

        public static string? Optional(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
