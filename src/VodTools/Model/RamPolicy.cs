using System;

namespace VodTools.Model
{
    /// <summary>A RAM policy. <see cref="PolicyName"/> and <see cref="PolicyType"/> bind to the policy parameters.</summary>
    public sealed class RamPolicy
    {
        public string PolicyName { get; set; } = string.Empty;
        /// <summary><c>System</c> or <c>Custom</c>.</summary>
        public string PolicyType { get; set; } = "Custom";
        public string? Description { get; set; }
        public string? DefaultVersion { get; set; }
        /// <summary>The default version's document, when the call returned it.</summary>
        public string? PolicyDocument { get; set; }
        public int? AttachmentCount { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? ModificationTime { get; set; }
        /// <summary>When listed for a role: when it was attached.</summary>
        public DateTime? AttachTime { get; set; }
        /// <summary>When listed for a role (Get-RamPolicy -RoleName): the role, so the output pipes to Remove-RamRolePolicy.</summary>
        public string? RoleName { get; set; }

        public override string ToString() => PolicyName;
    }
}
