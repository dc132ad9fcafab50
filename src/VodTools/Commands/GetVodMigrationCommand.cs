using System.IO;
using System.Management.Automation;
using System;
using VodTools.Model;
using VodTools.Services.Migration;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Reports on a migration journal of Invoke-VodMigration: counts, rates, time left, failures; or its failed files.</para>
    /// <para type="description">Reads the journal only (no call to the cloud), also while Invoke-VodMigration runs on it.
    /// The report counts the files by state, gives each stage's files per second, the time the runs took and the time
    /// left at the slowest stage's rate, and groups the failures by ErrorId with three examples each. -Failed emits the
    /// failed files instead, which pipe into Invoke-VodMigration (to retry them) or Register-VodMedia. -AsHtml also writes the
    /// report as one self-contained HTML file (a throughput chart and the failure table, nothing fetched from the network).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodMigration", DefaultParameterSetName = ReportSet)]
    [OutputType(typeof(MigrationReport), ParameterSetName = new[] { ReportSet, HtmlSet })]
    [OutputType(typeof(MigrationFile), ParameterSetName = new[] { FailedSet })]
    public sealed class GetVodMigrationCommand : PSCmdlet
    {
        private const string ReportSet = "Report";
        private const string FailedSet = "Failed";
        private const string HtmlSet = "Html";

        /// <summary>The journal Invoke-VodMigration wrote, taken as written (no wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; } = string.Empty;

        /// <summary>Emit the failed files (with their ErrorId, ErrorCode, RequestId and message) instead of the report.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FailedSet)]
        public SwitchParameter Failed { get; set; }

        /// <summary>Also write the report to this HTML file (overwritten).</summary>
        [Parameter(Mandatory = true, ParameterSetName = HtmlSet)]
        [ValidateNotNullOrEmpty]
        public string AsHtml { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(JournalPath);
            MigrationJournal journal;
            try
            {
                journal = MigrationJournal.Open(path, create: false);
            }
            catch (Exception e) when (e is ValidationException || e is PlatformNotSupportedException)
            {
                var id = e is ValidationException invalid ? invalid.ErrorId : "VodMigrationJournalUnavailable";
                WriteError(new ErrorRecord(e, id, e is ValidationException ? ErrorCategory.ObjectNotFound : ErrorCategory.NotInstalled, path));
                return;
            }
            using (journal)
            {
                if (Failed)
                {
                    foreach (var file in journal.Failed()) WriteObject(file);
                    return;
                }
                var report = journal.Report(slices: 60);
                if (ParameterSetName == HtmlSet) File.WriteAllText(GetUnresolvedProviderPathFromPSPath(AsHtml), MigrationReportHtml.Render(report, DateTime.UtcNow));
                WriteObject(report);
            }
        }
    }
}
