using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Detaches a RAM policy from a role.</para>
    /// <para type="description">A policy that is not attached is a non-terminating error with RAM's code EntityNotExist.Role.Policy.
    /// Pipe Get-RamPolicy -RoleName output in to detach several.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "RamRolePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRamRolePolicyCommand : RamAttachmentCmdletBase
    {
        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!this.Confirm(RoleName, $"Detach the {PolicyType} policy {PolicyName}", Force)) return;
            try
            {
                Await(Session.Ram.DetachPolicyFromRoleAsync(PolicyName, PolicyType, RoleName, Cancellation));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "RamRolePolicyNotDetached", RoleName + "/" + PolicyName);
            }
        }
    }
}
