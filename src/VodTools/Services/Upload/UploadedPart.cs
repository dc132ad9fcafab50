namespace VodTools.Services.Upload
{
    /// <summary>One part of a multipart upload that OSS has acknowledged: its number, size, ETag and CRC-64.</summary>
    public sealed class UploadedPart
    {
        public int Number { get; set; }
        public long Size { get; set; }
        public string ETag { get; set; } = string.Empty;
        /// <summary>OSS's CRC-64 of the part, as it answered (unsigned decimal); null when it sent none.</summary>
        public string? Crc64 { get; set; }
    }
}
