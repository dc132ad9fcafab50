using System.Management.Automation;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Empties a running emulator's state (buckets, objects, media, roles, jobs); it keeps its process, port and fault rules.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "VodEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ResetVodEmulatorCommand : EmulatorAdminCmdletBase
    {
        protected override void EndProcessing()
        {
            if (!ShouldProcess(Url?.ToString() ?? "the session's emulator", "Delete every bucket, object, media, role and job")) return;
            Run(() => Admin.Reset(), Url);
        }
    }
}
