using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>A run stopped because <see cref="MigrationCircuit.Threshold"/> files in a row failed alike; the last failure is the inner exception.</summary>
    public sealed class MigrationCircuitException : Exception
    {
        public const string ErrorId = "VodMigrationCircuitBroken";

        internal MigrationCircuitException(MigrationFile file, string bucket, Exception cause)
            : base($"Stopped: {MigrationCircuit.Threshold} files in a row failed alike at the {file.FailedStage} stage ({file.ErrorId}" +
                (file.ErrorCode == null ? string.Empty : ", " + file.ErrorCode) + $"), e.g. {file.Key}: {cause.Message} " +
                "That is one cause, not a fault of each file: the run stopped, and those files are left pending (not failed) for the next run.", cause)
        {
            Stage = file.FailedAt!.Value;
            FailureErrorId = file.ErrorId!;
            ErrorCode = file.ErrorCode;
            Remedy = RemedyFor(file, bucket);
        }

        internal MigrationStage Stage { get; }
        /// <summary>The ErrorId the files failed with.</summary>
        public string FailureErrorId { get; }
        public string? ErrorCode { get; }
        /// <summary>What to do before the next run.</summary>
        public string Remedy { get; }

        private static string RemedyFor(MigrationFile file, string bucket)
        {
            var code = file.ErrorCode ?? string.Empty;
            const string Again = " Then run the same command again: it takes them up.";
            if (code == MigrationFailures.RegisterRefusedCode)
                return $"VOD registers a file only from the app's storage and only with a media extension, and says no more: add the bucket as storage (Add-VodStorage -Bucket {bucket}, or in the VOD console), and give -Include for the media files (e.g. *.mp4) if the bucket holds others." + Again;
            if (code == "AccessDenied" || code == "NoPermission" || code.StartsWith("Forbidden", StringComparison.Ordinal))
                return file.FailedAt == MigrationStage.Register
                    ? "Grant the caller the VOD permissions the migration uses (e.g. the AliyunVODFullAccess policy)." + Again
                    : $"VOD's transcoding cannot read the bucket: Initialize-VodBucketAccess -Bucket {bucket} creates the role VOD's transcoding assumes and grants it the bucket (Test-VodBucket -Bucket {bucket} checks)." + Again;
            if (code.StartsWith("Throttling", StringComparison.Ordinal))
                return "Other work uses this account's VOD quota: run again later, or with a lower -ThrottleLimit.";
            return "The service failed this way for every file: run again later (the journal keeps every file); if it goes on failing, check the service's status and the endpoint (Get-VodContext).";
        }
    }
}
