using System.Collections.Generic;
using System;

namespace VodTools.Model
{
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
}
