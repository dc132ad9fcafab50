using System.IO;
using System.Management.Automation;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves a consistent snapshot of a running emulator's state (its database and object bodies) to a file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "VodEmulatorState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = FilePaths.PathSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveVodEmulatorStateCommand : EmulatorAdminCmdletBase
    {
        /// <summary>The file to write (a zip archive), e.g. before-migration.zip. A wildcard pattern names the one file it matches, if any.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FilePaths.PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Path { get; set; } = string.Empty;

        /// <summary>The archive to write, taken as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FilePaths.LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Replace an archive that exists, without asking.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the archive once written, to pipe into Restore-VodEmulatorState. By default nothing is emitted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var literal = ParameterSetName == FilePaths.LiteralPathSet;
            var path = this.NewFile(literal ? LiteralPath : Path, literal, Force, "EmulatorStateFileExists");
            if (!this.Confirm(path, "Save the emulator's state", Force)) return;
            long size = Run(() => Admin.SaveState(path), path);
            WriteVerbose($"Saved the emulator's state to {path} ({size} bytes).");
            if (PassThru) this.WriteFileItem(path);
        }
    }
}
