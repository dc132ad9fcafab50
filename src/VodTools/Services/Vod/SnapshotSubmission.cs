using System.Collections.Generic;

namespace VodTools.Services.Vod
{
    /// <summary>The parameters of one SubmitSnapshotJob call; with a template id VOD ignores the rest.</summary>
    public sealed class SnapshotSubmission
    {
        public string MediaId { get; set; } = string.Empty;
        public string? SnapshotTemplateId { get; set; }
        public long? OffsetTime { get; set; }
        public IReadOnlyList<long>? OffsetTimes { get; set; }
        public int? Count { get; set; }
        public int? Interval { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
        public string? SpriteConfig { get; set; }
        public string? UserData { get; set; }
    }
}
