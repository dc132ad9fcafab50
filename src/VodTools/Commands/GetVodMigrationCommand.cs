using System.Management.Automation;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Reports on a migration journal of Invoke-VodMigration: counts, rates, time left, failures; or its failed files.</para>
    /// <para type="description">Reads the journal only (no call to the cloud), also while Invoke-VodMigration runs on it.
    /// The report counts the files by state, gives each stage's files per second, the time the runs took and the time
    /// left at the slowest stage's rate, and groups the failures by ErrorId with three examples each. -Failed emits the
    /// failed files instead, which pipe into Invoke-VodMigration (to retry them) or Register-VodMedia. Export-VodMigrationReport
    /// writes the report as one self-contained HTML file; -AsHtml, which also writes it, is deprecated in its favour.</para>
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

        /// <summary>Deprecated: use Export-VodMigrationReport, which asks before it writes (-WhatIf, -Confirm) and replaces a file only with -Force. Also writes the report to this HTML file, replacing it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HtmlSet)]
        [ValidateNotNullOrEmpty]
        public string AsHtml { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var journal = this.OpenJournal(JournalPath);
            if (journal == null) return;
            using (journal)
            {
                if (Failed)
                {
                    foreach (var file in journal.Failed()) WriteObject(file);
                    return;
                }
                var report = JournalReading.Report(journal);
                if (ParameterSetName == HtmlSet) JournalReading.WriteHtml(report, GetUnresolvedProviderPathFromPSPath(AsHtml));
                WriteObject(report);
            }
        }
    }
}
