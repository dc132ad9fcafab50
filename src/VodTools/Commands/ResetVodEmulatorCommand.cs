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
        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            if (!this.Confirm(EmulatorName, "Delete every bucket, object, media, role and job", Force)) return;
            Run(() => Admin.Reset(), EmulatorUrl);
        }
    }
}
