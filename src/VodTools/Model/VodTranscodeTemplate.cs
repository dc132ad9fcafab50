namespace VodTools.Model
{
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
}
