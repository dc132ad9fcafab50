using System.IO;
using System.Management.Automation;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes the report on a migration journal of Invoke-VodMigration as one self-contained HTML file.</para>
    /// <para type="description">Reads the journal only (no call to the cloud), also while Invoke-VodMigration runs on it, and
    /// writes what Get-VodMigration reports as one HTML file a manager can open anywhere: the counts by state, each stage's
    /// files per second with a throughput chart, the time left, and the failures grouped by ErrorId, with nothing fetched
    /// from the network. A file that exists is replaced only with -Force; -WhatIf shows what would be written. -PassThru
    /// emits the file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "VodMigrationReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = FilePaths.PathSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportVodMigrationReportCommand : PSCmdlet
    {
        /// <summary>The journal Invoke-VodMigration wrote, taken as written (no wildcards). Binds from Get-VodMigration's report.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; } = string.Empty;

        /// <summary>The HTML file to write, e.g. report.html. A wildcard pattern names the one file it matches, if any.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FilePaths.PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Path { get; set; } = string.Empty;

        /// <summary>The HTML file to write the report to, taken as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FilePaths.LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Replace a report file that exists, without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the report file once written. By default nothing is emitted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == FilePaths.LiteralPathSet;
            var path = this.NewFile(literal ? LiteralPath : Path, literal, Force, "VodMigrationReportFileExists");
            var journal = this.OpenJournal(JournalPath);
            if (journal == null) return;
            using (journal)
            {
                if (!this.Confirm(path, $"Write the report on the migration journal {journal.Path}", Force)) return;
                JournalReading.WriteHtml(JournalReading.Report(journal), path);
            }
            if (PassThru) this.WriteFileItem(path);
        }
    }
}
