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
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(RoleName, $"Detach the {PolicyType} policy {PolicyName}")) return;
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
