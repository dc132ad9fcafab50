using System;
using VodTools.Model;

namespace VodTools.Services.Migration
{
    /// <summary>What a run reports to its caller: a file it finished or failed (with the error), or a line for -Verbose.</summary>
    public sealed class MigrationEvent
    {
        public MigrationEvent(MigrationFile? file, Exception? error, string? verbose)
        {
            File = file;
            Error = error;
            Verbose = verbose;
        }

        public MigrationFile? File { get; }
        public Exception? Error { get; }
        public string? Verbose { get; }
    }
}
