using System.Collections.Generic;
using System;
using VodTools.Model;

namespace VodTools.Services.Buckets
{
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
