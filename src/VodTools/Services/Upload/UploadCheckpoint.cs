using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using System;

namespace VodTools.Services.Upload
{
    /// <summary>
    /// What a run needs to resume one file's upload after it was killed, as the OSS SDK's resumable upload keeps it
    /// (aliyun-oss-csharp-sdk sdk/Domain/ResumableContext.cs: upload id, parts with ETag and CRC-64, written after each
    /// part): the file as it was (size, last write time), the media, where its file goes, and the parts done. Never the
    /// upload credentials: a resumed run asks VOD for fresh ones (RefreshUploadVideo).
    /// </summary>
    /// <remarks>
    /// The file is JSON lines: the checkpoint itself on the first line, then one line per part done since, appended as
    /// each part completes (<see cref="Append"/>), so recording a part costs one short write however many are done, where
    /// the SDK rewrites the whole context each time (ResumableContext.Dump, File.WriteAllText after every part, which a
    /// kill mid-write can leave empty). A kill in the middle of a line leaves a line that does not parse, which is passed
    /// over. The SDK trusts its context on a rerun (OssClient.LoadResumableUploadContext lists nothing); a rerun here
    /// also keeps the parts OSS holds that the checkpoint missed (<see cref="OssUploadService"/>). Format 1 was the
    /// first line alone.
    /// </remarks>
    public sealed class UploadCheckpoint
    {
        public const string Extension = ".vodupload";
        private const int FormatVersion = 2;

        public int Version { get; set; } = FormatVersion;
        public long FileSize { get; set; }
        /// <summary>The file's last write time (UTC ticks) when its upload began.</summary>
        public long FileWriteTimeUtc { get; set; }
        public string MediaId { get; set; } = string.Empty;
        public string ReferenceId { get; set; } = string.Empty;
        public string Endpoint { get; set; } = string.Empty;
        public string Bucket { get; set; } = string.Empty;
        public string Key { get; set; } = string.Empty;
        public long PartSize { get; set; }
        /// <summary>The multipart upload's id once initiated; null for a file sent in one PutObject or not begun.</summary>
        public string? UploadId { get; set; }
        public List<UploadedPart> Parts { get; set; } = new List<UploadedPart>();

        /// <summary>Where a file's checkpoint lives: beside it (<c>clip.mp4.vodupload</c>), or in <paramref name="folder"/>
        /// named after the file and a hash of its full path, so files of the same name in different folders do not meet.</summary>
        public static string PathFor(string file, string? folder)
        {
            if (folder == null) return file + Extension;
            var full = System.IO.Path.GetFullPath(file);
            return System.IO.Path.Combine(folder, System.IO.Path.GetFileName(full) + "." + Hash(full).Substring(0, 12) + Extension);
        }

        /// <summary>
        /// The ReferenceId the media of this file is created with (VOD keeps it unique per account, 6 to 64 letters, digits,
        /// hyphens, underscores): the same file, unchanged, sent as the same media (<paramref name="media"/>: its title, app
        /// and storage) always gives the same one, so a rerun finds its media.
        /// </summary>
        public static string ReferenceFor(string file, long size, DateTime writeTimeUtc, params string?[] media) =>
            "vodtools-" + Hash(string.Join("|", new[] { System.IO.Path.GetFullPath(file), size.ToString(CultureInfo.InvariantCulture), writeTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) }
                .Concat(media.Select(m => m ?? string.Empty)))).Substring(0, 40);

        /// <summary>True when the file is as it was when this checkpoint was written.</summary>
        public bool Describes(long size, DateTime writeTimeUtc) => FileSize == size && FileWriteTimeUtc == writeTimeUtc.Ticks;

        /// <summary>True for a checkpoint file (or one being written), which a folder's upload passes over.</summary>
        public static bool IsCheckpoint(string path) =>
            path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) || path.EndsWith(Extension + ".partial", StringComparison.OrdinalIgnoreCase);

        /// <summary>The bytes of the parts done.</summary>
        public long BytesDone => Parts.Sum(p => p.Size);

        /// <summary>
        /// Reads a checkpoint with the parts appended to it; null when there is none or its first line cannot be read (then
        /// the upload starts over).
        /// </summary>
        public static UploadCheckpoint? Load(string path)
        {
            try
            {
                var lines = File.ReadAllLines(path, Encoding.UTF8);
                var checkpoint = lines.Length == 0 ? null : JsonSerializer.Deserialize<UploadCheckpoint>(lines[0]);
                if (checkpoint == null || checkpoint.Version < 1 || checkpoint.Version > FormatVersion || checkpoint.MediaId.Length == 0) return null;
                foreach (var line in lines.Skip(1))
                {
                    var part = ReadPart(line);
                    if (part == null) continue;
                    checkpoint.Parts.RemoveAll(p => p.Number == part.Number);
                    checkpoint.Parts.Add(part);
                }
                checkpoint.Version = FormatVersion;
                return checkpoint;
            }
            catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Writes the checkpoint whole, on one line: to a temporary name, then renamed over the old one, so a kill leaves one or the other.</summary>
        public void Save(string path)
        {
            var partial = path + ".partial";
            File.WriteAllText(partial, JsonSerializer.Serialize(this) + "\n", new UTF8Encoding(false));
            if (File.Exists(path)) File.Replace(partial, path, null);
            else File.Move(partial, path);
        }

        /// <summary>Records one more part done at the end of the checkpoint file (one line; the file must exist).</summary>
        public static void Append(string path, UploadedPart part)
        {
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(part) + "\n");
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(line, 0, line.Length);
        }

        /// <summary>A part line; null for one a kill cut short, or any other line that is not a part.</summary>
        private static UploadedPart? ReadPart(string line)
        {
            try
            {
                var part = JsonSerializer.Deserialize<UploadedPart>(line);
                return part != null && part.Number > 0 && part.Size > 0 ? part : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public static void Delete(string path)
        {
            File.Delete(path);
            File.Delete(path + ".partial");
        }

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }
}
