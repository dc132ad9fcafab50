using System.Collections.Generic;
using System;

namespace VodTools.Model
{
    /// <summary>The failures of one ErrorId and class, with a few examples.</summary>
    public sealed class MigrationFailureGroup
    {
        public string ErrorId { get; set; } = string.Empty;
        public long Count { get; set; }
        /// <summary>The first stage they failed at, in words.</summary>
        public string? Stage { get; set; }
        public string? ErrorCode { get; set; }
        /// <summary>True when the next run takes these files up again by itself (a cause that can go away).</summary>
        public bool Retryable { get; set; }
        public string? Message { get; set; }
        /// <summary>Up to three of the files' keys, one a line (a list would sit too deep for ConvertTo-Json's default depth).</summary>
        public string Examples => string.Join("\n", ExampleKeys);

        internal IReadOnlyList<string> ExampleKeys { get; set; } = Array.Empty<string>();

        public override string ToString() => $"{ErrorId}: {Count}";
    }
}
