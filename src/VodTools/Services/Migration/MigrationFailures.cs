using System;
using VodTools.Api.Http;

namespace VodTools.Services.Migration
{
    /// <summary>
    /// Which failures a plain rerun takes up again: those whose cause lies outside the file and can go away (access not
    /// granted yet, the bucket not yet VOD storage, throttling, a 5xx, an outage, a write whose outcome is unknown, which
    /// the rerun reconciles). A failure of the file itself (InvalidVideo.Damaged, a template it cannot take, a key VOD
    /// cannot register) would fail again, and a transcode is billed: only -RetryFailed takes it up.
    /// </summary>
    internal static class MigrationFailures
    {
        /// <summary>The code VodService gives a file RegisterMedia listed in FailedFileURLs (VOD says no reason).</summary>
        public const string RegisterRefusedCode = "FailedFileURL";

        /// <summary>Whether <paramref name="error"/> (with the cloud's <paramref name="errorCode"/>, e.g. a failed task's job code) can go away.</summary>
        public static bool IsRetryable(Exception error, string? errorCode)
        {
            switch (error)
            {
                case OutcomeUnknownException _:
                    return true;
                case ValidationException _:
                    return false;
                case CloudException cloud:
                    return cloud.IsTransportFailure || cloud.HttpStatus >= 500 || IsRetryableCode(cloud.Code);
                default:
                    return errorCode != null && IsRetryableCode(errorCode);
            }
        }

        private static bool IsRetryableCode(string code) =>
            code.StartsWith("Throttling", StringComparison.Ordinal) || code == "AccessDenied" || code == "NoPermission"
            || code.StartsWith("Forbidden", StringComparison.Ordinal)            // RAM refusals; Forbidden.IllegalStatus: the media is busy
            || code.StartsWith("InvalidStorage", StringComparison.Ordinal)       // the storage is not set up (yet)
            || code.StartsWith("InvalidTranscodeTemplateGroup", StringComparison.Ordinal)
            || code == "ServiceUnavailable" || code == "ServiceUnAvailable" || code == "InternalError";
    }
}
