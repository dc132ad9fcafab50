using System.Collections.Generic;
using System;

namespace VodTools.Model
{
    /// <summary>A transcode template group. <see cref="TemplateGroupId"/> binds to the TemplateGroupId parameters.</summary>
    public sealed class VodTranscodeTemplateGroup
    {
        /// <summary>VOD's TranscodeTemplateGroupId.</summary>
        public string TemplateGroupId { get; set; } = string.Empty;
        public string? Name { get; set; }
        /// <summary>True for the account's default group (IsDefault "Default").</summary>
        public bool IsDefault { get; set; }
        /// <summary>True when the group is locked against changes (Locked "Enabled").</summary>
        public bool IsLocked { get; set; }
        public string? AppId { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? ModificationTime { get; set; }
        /// <summary>The templates; filled by Get-VodTranscodeTemplateGroup -TemplateGroupId (GetTranscodeTemplateGroup), empty in a listing.</summary>
        public IReadOnlyList<VodTranscodeTemplate> Templates { get; set; } = Array.Empty<VodTranscodeTemplate>();

        public override string ToString() => TemplateGroupId;
    }
}
