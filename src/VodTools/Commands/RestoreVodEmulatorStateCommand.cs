using System.IO;
using System.Management.Automation;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Replaces a running emulator's state with a snapshot Save-VodEmulatorState wrote.</para>
    /// </summary>
    [Cmdlet(VerbsData.Restore, "VodEmulatorState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RestoreVodEmulatorStateCommand : EmulatorAdminCmdletBase
    {
        /// <summary>The file Save-VodEmulatorState wrote.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string Path { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(path))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"There is no file {path}.", path), "EmulatorStateFileNotFound", ErrorCategory.ObjectNotFound, path));
                return;
            }
            if (!ShouldProcess(Url?.ToString() ?? "the session's emulator", $"Replace the whole state with {path}")) return;
            Run(() => Admin.RestoreState(path), path);
        }
    }
}
