using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes a RAM role.</para>
    /// <para type="description">RAM refuses to delete a role with policies attached (DeleteConflict.Role.Policy, reported as a
    /// non-terminating error). -DetachPolicies detaches every attached policy first. Asks for confirmation (ConfirmImpact
    /// High; -Force or -Confirm:$false skips it).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "RamRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveRamRoleCommand : RamCmdletBase
    {
        /// <summary>The role to delete.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string RoleName { get; set; } = string.Empty;

        /// <summary>Detach every policy attached to the role first (RAM refuses to delete a role that has any).</summary>
        [Parameter]
        public SwitchParameter DetachPolicies { get; set; }

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!this.Confirm(RoleName, DetachPolicies ? "Detach every policy and delete the RAM role" : "Delete the RAM role", Force)) return;
            try
            {
                if (DetachPolicies)
                {
                    foreach (var policy in Await(Session.Ram.ListPoliciesForRoleAsync(RoleName, Cancellation)))
                        Await(Session.Ram.DetachPolicyFromRoleAsync(policy.PolicyName, policy.PolicyType, RoleName, Cancellation));
                }
                Await(Session.Ram.DeleteRoleAsync(RoleName, Cancellation));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "RamRoleNotRemoved", RoleName,
                    HasCode(e, "DeleteConflict.Role.Policy") ? $"Detach its policies first, or run Remove-RamRole {RoleName} -DetachPolicies, which detaches them and deletes the role." : null);
            }
        }
    }
}
