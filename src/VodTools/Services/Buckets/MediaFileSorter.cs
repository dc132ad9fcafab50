using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System;

namespace VodTools.Services.Buckets
{
    /// <summary>
    /// Sorts media by key in bounded memory: VOD lists media by creation time only (SearchMedia sorts on CreationTime or
    /// ModificationTime), OSS lists keys in byte order, so one side must be sorted before the two can be merged. Media are
    /// held <see cref="RunLength"/> at a time, each full run is written sorted to a temporary file, and <see cref="Sorted"/>
    /// merges the runs. A temporary file rather than a database: the data is written once and read once, in order.
    /// </summary>
    public sealed class MediaFileSorter : IDisposable
    {
        private readonly int _runLength;
        private readonly List<MediaFile> _run = new List<MediaFile>();
        private readonly List<string> _runFiles = new List<string>();
        private string? _folder;

        public MediaFileSorter(int runLength = 50_000) => _runLength = runLength;

        public int RunLength => _runLength;

        public long Count { get; private set; }

        public void Add(MediaFile media)
        {
            _run.Add(media);
            Count++;
            if (_run.Count >= _runLength) Spill();
        }

        /// <summary>Every media added, in key order (then by id); call once, after the last Add.</summary>
        public IEnumerable<MediaFile> Sorted()
        {
            if (_runFiles.Count == 0)
            {
                foreach (var media in _run.OrderBy(m => m.Key, Utf8KeyOrder.Instance).ThenBy(m => m.MediaId, StringComparer.Ordinal)) yield return media;
                yield break;
            }
            if (_run.Count > 0) Spill();
            var readers = _runFiles.Select(f => new BinaryReader(File.OpenRead(f), Encoding.UTF8)).ToList();
            try
            {
                var heads = readers.Select(Read).ToList();
                while (true)
                {
                    var next = -1;
                    for (var r = 0; r < heads.Count; r++)
                        if (heads[r] != null && (next < 0 || Before(heads[r]!, heads[next]!))) next = r;
                    if (next < 0) yield break;
                    yield return heads[next]!;
                    heads[next] = Read(readers[next]);
                }
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }

        private static bool Before(MediaFile a, MediaFile b)
        {
            var byKey = Utf8KeyOrder.Instance.Compare(a.Key, b.Key);
            return byKey < 0 || (byKey == 0 && string.CompareOrdinal(a.MediaId, b.MediaId) < 0);
        }

        private void Spill()
        {
            _folder ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vodtools-compare-" + Guid.NewGuid().ToString("N"))).FullName;
            var path = Path.Combine(_folder, _runFiles.Count + ".run");
            using (var writer = new BinaryWriter(File.Create(path), Encoding.UTF8))
            {
                foreach (var media in _run.OrderBy(m => m.Key, Utf8KeyOrder.Instance).ThenBy(m => m.MediaId, StringComparer.Ordinal))
                {
                    writer.Write(media.Key);
                    writer.Write(media.MediaId);
                    writer.Write(media.Status ?? string.Empty);
                    writer.Write(media.Size ?? -1);
                }
            }
            _runFiles.Add(path);
            _run.Clear();
        }

        private static MediaFile? Read(BinaryReader reader)
        {
            if (reader.BaseStream.Position >= reader.BaseStream.Length) return null;
            var key = reader.ReadString();
            var id = reader.ReadString();
            var status = reader.ReadString();
            var size = reader.ReadInt64();
            return new MediaFile(key, id, status.Length == 0 ? null : status, size < 0 ? (long?)null : size);
        }

        public void Dispose()
        {
            if (_folder == null) return;
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // a reader still open (enumeration abandoned without dispose): the temp folder is left for the system
            }
        }
    }
}
