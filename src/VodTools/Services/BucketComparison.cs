using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>A media of the bucket's storage location and the key of its source file.</summary>
    public sealed class MediaFile
    {
        public MediaFile(string key, string mediaId, string? status, long? size)
        {
            Key = key;
            MediaId = mediaId;
            Status = status;
            Size = size;
        }

        public string Key { get; }
        public string MediaId { get; }
        public string? Status { get; }
        public long? Size { get; }
    }

    /// <summary>OSS's listing order: keys compared as UTF-8 bytes, which is Unicode code point order (not .NET's UTF-16 ordinal).</summary>
    public sealed class Utf8KeyOrder : IComparer<string>
    {
        public static readonly Utf8KeyOrder Instance = new Utf8KeyOrder();

        public int Compare(string? x, string? y)
        {
            if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                var a = char.IsSurrogatePair(x, i) ? char.ConvertToUtf32(x, i) : x[i];
                var b = char.IsSurrogatePair(y, j) ? char.ConvertToUtf32(y, j) : y[j];
                if (a != b) return a < b ? -1 : 1;
                i += a > 0xFFFF ? 2 : 1;
                j += b > 0xFFFF ? 2 : 1;
            }
            return (x.Length - i).CompareTo(y.Length - j);
        }
    }

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

    /// <summary>
    /// Joins the bucket's files, in listing order, with the media sorted by key: a sorted merge, holding one file and one
    /// media at a time. Feed each file as it is listed; <see cref="Finish"/> gives the media past the last file.
    /// </summary>
    public sealed class BucketMerge : IDisposable
    {
        private readonly IEnumerator<MediaFile> _media;
        private readonly string _bucket;
        private readonly string _region;
        private bool _hasMedia;

        public BucketMerge(IEnumerable<MediaFile> mediaByKey, string bucket, string region)
        {
            _media = mediaByKey.GetEnumerator();
            _hasMedia = _media.MoveNext();
            _bucket = bucket;
            _region = region;
        }

        /// <summary>The entries up to and including this file: media whose key sorts before it (their file is gone), then the file itself.</summary>
        public IEnumerable<VodBucketEntry> Feed(string key, long size)
        {
            var order = Utf8KeyOrder.Instance;
            while (_hasMedia && order.Compare(_media.Current.Key, key) < 0) yield return Missing(Next());
            var registered = false;
            while (_hasMedia && _media.Current.Key == key)
            {
                registered = true;
                var media = Next();
                yield return Entry(VodBucketState.Registered, key, size, media.MediaId, media.Status);
            }
            if (!registered) yield return Entry(VodBucketState.NotRegistered, key, size, null, null);
        }

        /// <summary>The media left once every file has been fed: their files are gone.</summary>
        public IEnumerable<VodBucketEntry> Finish()
        {
            while (_hasMedia) yield return Missing(Next());
        }

        /// <summary>Closes the sorted runs, also when the pipeline stopped before the end.</summary>
        public void Dispose() => _media.Dispose();

        private MediaFile Next()
        {
            var media = _media.Current;
            _hasMedia = _media.MoveNext();
            return media;
        }

        private VodBucketEntry Missing(MediaFile media) => Entry(VodBucketState.SourceMissing, media.Key, media.Size, media.MediaId, media.Status);

        private VodBucketEntry Entry(VodBucketState state, string key, long? size, string? mediaId, string? status) => new VodBucketEntry
        {
            State = state,
            Bucket = _bucket,
            Key = key,
            Size = size,
            MediaId = mediaId,
            Status = status,
            FileUrl = OssFileUrl.Build(_bucket, _region, key),
        };
    }
}
