using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Attaches a RAM policy to a role.</para>
    /// <para type="description">A policy that is already attached is a success, not an error; -Verbose says so and nothing
    /// is written. Policies piped from Get-RamPolicy bind by PolicyName and PolicyType.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "RamRolePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RamPolicy))]
    public sealed class AddRamRolePolicyCommand : RamAttachmentCmdletBase
    {
        /// <summary>Emit the policy as attached to the role.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                if (Access.EnsureAttachment(RoleName, PolicyName, PolicyType, lookUp: true) != null && PassThru)
                    WriteObject(Access.FindAttachment(RoleName, PolicyName, PolicyType));
            }
            catch (Exception e) when (!Confirmation.EndsScript(e))
            {
                WriteItemError(e, "RamRolePolicyNotAttached", RoleName + "/" + PolicyName);
            }
        }
    }
}
