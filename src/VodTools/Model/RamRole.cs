using System;

namespace VodTools.Model
{
    /// <summary>A RAM role. <see cref="RoleName"/> binds to the RoleName parameters.</summary>
    public sealed class RamRole
    {
        public string RoleName { get; set; } = string.Empty;
        public string? RoleId { get; set; }
        public string? Arn { get; set; }
        public string? Description { get; set; }
        /// <summary>The trust policy, a JSON document.</summary>
        public string? AssumeRolePolicyDocument { get; set; }
        public int? MaxSessionDuration { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? ModificationTime { get; set; }

        public override string ToString() => RoleName;
    }
}
