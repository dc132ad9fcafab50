using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes fault rules from a running emulator: the ones named by id, or all of them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "VodEmulatorFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ClearVodEmulatorFaultCommand : EmulatorAdminCmdletBase
    {
        private readonly List<int> _ids = new List<int>();

        /// <summary>The ids of the rules to remove (Get-VodEmulatorFault shows them). Default: every rule.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null) _ids.AddRange(Id);
        }

        protected override void EndProcessing()
        {
            if (_ids.Count == 0)
            {
                if (MyInvocation.ExpectingInput) return; // piped nothing (e.g. no rule matched a filter): remove nothing, not all
                if (!this.Confirm(EmulatorName, "Remove every fault rule", force: false)) return;
                WriteVerbose($"Removed {Run(() => Admin.ClearFaults(), EmulatorUrl)} fault rule(s).");
                return;
            }
            foreach (var id in _ids)
            {
                if (!this.Confirm($"fault rule {id}", "Remove", force: false)) continue;
                if (!Run(() => Admin.RemoveFault(id), id))
                    WriteError(new ErrorRecord(new ArgumentException($"The emulator has no fault rule {id}."), "EmulatorFaultNotFound", ErrorCategory.ObjectNotFound, id));
            }
        }
    }
}
