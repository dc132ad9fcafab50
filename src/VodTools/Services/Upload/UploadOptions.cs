namespace VodTools.Services.Upload
{
    /// <summary>How to send files: bytes per part, the most parts in flight per file, where checkpoints go (null: beside each file).</summary>
    public sealed class UploadOptions
    {
        public long PartSize { get; set; } = 8 * 1024 * 1024;
        public int PartsInFlight { get; set; } = 16;
        public string? CheckpointFolder { get; set; }
    }
}
