using System;

namespace VodTools.Model
{
    /// <summary>
    /// An object (or, with -Delimiter, a common prefix) in an OSS bucket. <see cref="Bucket"/>, <see cref="Key"/>
    /// and <see cref="FileUrl"/> bind by name to Register-VodMedia and Remove-OssObject.
    /// </summary>
    public sealed class OssObject
    {
        public string Bucket { get; set; } = string.Empty;
        public string Key { get; set; } = string.Empty;
        public long Size { get; set; }
        public DateTime? ModificationTime { get; set; }
        /// <summary>Quoted, as OSS gives it; an MD5 only for objects made by PutObject.</summary>
        public string? ETag { get; set; }
        public string? StorageClass { get; set; }
        /// <summary><c>Normal</c>, <c>Multipart</c>, <c>Appendable</c> or <c>Symlink</c>.</summary>
        public string? Type { get; set; }
        public string Region { get; set; } = string.Empty;
        /// <summary>True for a common prefix listed with -Delimiter (a "folder"); its size is 0.</summary>
        public bool IsPrefix { get; set; }

        /// <summary>The object's public OSS URL, the form VOD's RegisterMedia wants.</summary>
        public string FileUrl => OssFileUrl.Build(Bucket, Region, Key);

        public override string ToString() => "oss://" + Bucket + "/" + Key;
    }
}
