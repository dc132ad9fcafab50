using System;

namespace VodTools.Model
{
    /// <summary>One snapshot image of a media (ListSnapshots).</summary>
    public sealed class VodSnapshot
    {
        public string MediaId { get; set; } = string.Empty;
        /// <summary>The snapshot job that took it.</summary>
        public string? JobId { get; set; }
        /// <summary>Its position in the job's series, from 1.</summary>
        public long Index { get; set; }
        public string Url { get; set; } = string.Empty;
        public DateTime? CreationTime { get; set; }

        public override string ToString() => Url;
    }
}
