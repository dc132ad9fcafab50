using System.IO;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves a consistent snapshot of a running emulator's state (its database and object bodies) to a file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "VodEmulatorState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = FilePaths.PathSet)]
    [OutputType(typeof(void))]
    public sealed class SaveVodEmulatorStateCommand : EmulatorAdminCmdletBase
    {
        /// <summary>The file to write (a zip archive), e.g. before-migration.zip. A wildcard pattern names the one file it matches, if any.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FilePaths.PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Path { get; set; } = string.Empty;

        /// <summary>The file to write, taken as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FilePaths.LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var literal = ParameterSetName == FilePaths.LiteralPathSet;
            string path = string.Empty;
            this.CheckParameters(() => path = this.Target(literal ? LiteralPath : Path, literal));
            if (File.Exists(path) && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"{path} exists; give -Force to replace it."), "EmulatorStateFileExists", ErrorCategory.ResourceExists, path));
                return;
            }
            if (!ShouldProcess(path, "Save the emulator's state")) return;
            long size = Run(() => Admin.SaveState(path), path);
            WriteVerbose($"Saved the emulator's state to {path} ({size} bytes).");
        }
    }
}
