namespace VodTools.Model
{
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
}
