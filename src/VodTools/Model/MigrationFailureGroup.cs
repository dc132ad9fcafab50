using System.Collections.Generic;
using System;

namespace VodTools.Model
{
    /// <summary>The failures of one ErrorId, with a few examples.</summary>
    public sealed class MigrationFailureGroup
    {
        public string ErrorId { get; set; } = string.Empty;
        public long Count { get; set; }
        public MigrationStage? Stage { get; set; }
        public string? ErrorCode { get; set; }
        public string? Message { get; set; }
        public IReadOnlyList<string> Examples { get; set; } = Array.Empty<string>();

        public override string ToString() => $"{ErrorId}: {Count}";
    }
}
