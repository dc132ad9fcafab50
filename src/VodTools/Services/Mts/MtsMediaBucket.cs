namespace VodTools.Services.Mts
{
    /// <summary>An OSS bucket bound to Media Processing (MPS) as an input or output media bucket.</summary>
    public sealed class MtsMediaBucket
    {
        public string Bucket { get; set; } = string.Empty;
        /// <summary><c>Input</c> or <c>Output</c>.</summary>
        public string? Type { get; set; }
    }
}
