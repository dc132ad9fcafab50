using System;

namespace VodTools.Services.Ram
{
    /// <summary>One version of a custom policy.</summary>
    public sealed class RamPolicyVersion
    {
        public string VersionId { get; set; } = string.Empty;
        public bool IsDefaultVersion { get; set; }
        public string? PolicyDocument { get; set; }
        public DateTime? CreationTime { get; set; }
    }
}
