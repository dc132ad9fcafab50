using System.Collections.Generic;
using System;
using VodTools.Model;

namespace VodTools.Services.Vod
{
    /// <summary>One page of the account's VOD domains.</summary>
    public sealed class VodDomainPage
    {
        public IReadOnlyList<VodDomain> Domains { get; set; } = Array.Empty<VodDomain>();
        public long TotalCount { get; set; }
    }
}
