using System.Management.Automation;
using VodTools.Services.Ram;

namespace VodTools.Commands.Common
{
    /// <summary>The parameters that name one attachment of a policy to a role; they bind from Get-RamPolicy's and Get-RamRole's output.</summary>
    public abstract class RamAttachmentCmdletBase : RamCmdletBase
    {
        /// <summary>The role.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string RoleName { get; set; } = string.Empty;

        /// <summary>The policy.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CustomPolicyCompleter))]
        public string PolicyName { get; set; } = string.Empty;

        /// <summary>Custom (default) or System.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(RamService.CustomPolicyType, RamService.SystemPolicyType)]
        public string PolicyType { get; set; } = RamService.CustomPolicyType;
    }
}
