using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes a custom RAM policy.</para>
    /// <para type="description">RAM refuses to delete a policy that has non-default versions (DeleteConflict.Policy.Version) unless
    /// -DeleteVersions, which deletes them too (CascadingDelete). A policy still attached to a role cannot be deleted; detach it
    /// first with Remove-RamRolePolicy. Asks for confirmation (ConfirmImpact High; -Force or -Confirm:$false skips it).
    /// Failures are non-terminating errors with RAM's code.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "RamPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRamPolicyCommand : RamCmdletBase
    {
        /// <summary>The custom policy to delete.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CustomPolicyCompleter))]
        public string PolicyName { get; set; } = string.Empty;

        /// <summary>Delete the policy's non-default versions too (RAM refuses to delete a policy that has any).</summary>
        [Parameter]
        public SwitchParameter DeleteVersions { get; set; }

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!this.Confirm(PolicyName, DeleteVersions ? "Delete the RAM policy and all its versions" : "Delete the RAM policy", Force)) return;
            try
            {
                Await(Session.Ram.DeletePolicyAsync(PolicyName, DeleteVersions, Cancellation));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "RamPolicyNotRemoved", PolicyName,
                    HasCode(e, "DeleteConflict.Policy.Version") ? $"Run Remove-RamPolicy {PolicyName} -DeleteVersions, which deletes its other versions with it." : null);
            }
        }
    }
}
