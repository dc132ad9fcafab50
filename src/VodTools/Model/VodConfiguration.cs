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

    /// <summary>One template of a group: one output definition. Nested settings are JSON text, as VOD returns them.</summary>
    public sealed class VodTranscodeTemplate
    {
        public string TemplateId { get; set; } = string.Empty;
        public string? TemplateName { get; set; }
        /// <summary>e.g. <c>FHD</c>, <c>HD</c>, <c>SD</c>, <c>LD</c>, <c>OD</c>.</summary>
        public string? Definition { get; set; }
        /// <summary><c>Normal</c>, <c>VideoPackage</c> or <c>SubtitlePackage</c>.</summary>
        public string? Type { get; set; }
        public string? Container { get; set; }
        public string? Video { get; set; }
        public string? Audio { get; set; }

        public override string ToString() => TemplateName ?? TemplateId;
    }

    /// <summary>A CDN domain for VOD (DescribeVodDomainDetail). <see cref="DomainName"/> binds to the DomainName parameters.</summary>
    public sealed class VodDomain
    {
        public string DomainName { get; set; } = string.Empty;
        /// <summary>Point the domain's DNS CNAME record here.</summary>
        public string? Cname { get; set; }
        /// <summary><c>online</c>, <c>offline</c>, <c>configuring</c>, <c>configure_failed</c>, <c>checking</c>, <c>check_failed</c>.</summary>
        public string? DomainStatus { get; set; }
        /// <summary><c>domestic</c>, <c>overseas</c> or <c>global</c>.</summary>
        public string? Scope { get; set; }
        public DateTime? CreationTime { get; set; }
        public DateTime? ModificationTime { get; set; }
        public string? Description { get; set; }
        public IReadOnlyList<VodDomainSource> Sources { get; set; } = Array.Empty<VodDomainSource>();

        public override string ToString() => DomainName;
    }

    /// <summary>One origin of a VOD domain.</summary>
    public sealed class VodDomainSource
    {
        /// <summary>The origin: an IP, a domain or an OSS bucket domain.</summary>
        public string? Content { get; set; }
        /// <summary><c>ipaddr</c>, <c>domain</c> or <c>oss</c>.</summary>
        public string? Type { get; set; }
        public int? Port { get; set; }
        /// <summary><c>20</c> primary, <c>30</c> standby.</summary>
        public string? Priority { get; set; }

        public override string ToString() => $"{Type}:{Content}:{Port}";
    }

    /// <summary>A storage location bound to a VOD app (AddVodStorageForApp).</summary>
    public sealed class VodStorage
    {
        public string AppId { get; set; } = string.Empty;
        /// <summary><c>user_oss_bucket</c> or <c>vod_oss_bucket</c>.</summary>
        public string StorageType { get; set; } = string.Empty;
        /// <summary>The bucket's OSS domain, e.g. <c>media-archive.oss-cn-shanghai.aliyuncs.com</c>.</summary>
        public string StorageLocation { get; set; } = string.Empty;
        public string? Bucket { get; set; }

        public override string ToString() => StorageLocation;
    }
}
