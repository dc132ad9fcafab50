using System.IO;
using System.Management.Automation;
using System;
using VodTools.Model;
using VodTools.Services.Migration;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>What Get-VodMigration and Export-VodMigrationReport share: a journal opened for reading, and the report as HTML.</summary>
    internal static class JournalReading
    {
        /// <summary>The journal at a path taken as written, or null with a non-terminating error that says why it cannot be read.</summary>
        public static MigrationJournal? OpenJournal(this PSCmdlet cmdlet, string journalPath)
        {
            var path = cmdlet.GetUnresolvedProviderPathFromPSPath(journalPath);
            try
            {
                return MigrationJournal.Open(path, create: false);
            }
            catch (Exception e) when (e is ValidationException || e is PlatformNotSupportedException)
            {
                var id = e is ValidationException invalid ? invalid.ErrorId : "VodMigrationJournalUnavailable";
                cmdlet.WriteError(new ErrorRecord(e, id, e is ValidationException ? ErrorCategory.ObjectNotFound : ErrorCategory.NotInstalled, path));
                return null;
            }
        }

        /// <summary>The journal's report, with 60 slices of throughput for the chart.</summary>
        public static MigrationReport Report(MigrationJournal journal) => journal.Report(slices: 60);

        /// <summary>Writes the report as one self-contained HTML file (a throughput chart and the failure table, nothing fetched from the network).</summary>
        public static void WriteHtml(MigrationReport report, string path) => File.WriteAllText(path, MigrationReportHtml.Render(report, DateTime.UtcNow));
    }
}
