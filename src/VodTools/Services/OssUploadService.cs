using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System.Xml.Linq;
using System;
using VodTools.Api;

namespace VodTools.Services
{
    /// <summary>Bytes sent of a transfer; written by the upload, read by whoever shows progress.</summary>
    public sealed class TransferProgress
    {
        private long _sent;

        public TransferProgress(long total) => Total = total;

        public long Total { get; }
        public long Sent => Interlocked.Read(ref _sent);

        internal void Report(long sent) => Interlocked.Exchange(ref _sent, sent);
    }

    /// <summary>
    /// Uploads a file to the OSS location VOD gave (spec oss-api.md §4.5, §4.7): one PutObject when it fits in one part,
    /// else a multipart upload, part by part, asking VOD for fresh credentials before a part when they are about to expire.
    /// Every body's CRC-64 is checked against OSS's answer (a damaged one is sent again), and the whole object's after
    /// CompleteMultipartUpload, from the parts' CRCs, as the official OSS SDKs do.
    /// </summary>
    public sealed class OssUploadService
    {
        public const long MinPartSize = 100 * 1024;
        public const long MaxPartSize = 5L * 1024 * 1024 * 1024;
        public const int MaxParts = 10000;

        /// <summary>Credentials with less than this left are refreshed before the next request.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        private readonly Func<UploadTarget, OssClient> _clientFor;

        /// <param name="clientFor">An OSS client for a target's endpoint, region and credentials.</param>
        public OssUploadService(Func<UploadTarget, OssClient> clientFor) => _clientFor = clientFor;

        /// <summary>The part size to use: the one asked for, grown so the file fits in 10,000 parts.</summary>
        public static long PartSizeFor(long fileSize, long partSize) =>
            Math.Min(MaxPartSize, Math.Max(partSize, (fileSize + MaxParts - 1) / MaxParts));

        public async Task UploadAsync(
            string path, UploadTarget target, Func<CancellationToken, Task<UploadTarget>> refresh, long partSize, TransferProgress progress, CancellationToken cancellationToken)
        {
            var size = progress.Total;
            partSize = PartSizeFor(size, partSize);
            async Task<OssClient> Current()
            {
                if (target.Expires - DateTimeOffset.UtcNow < RefreshMargin) target = await refresh(cancellationToken).ConfigureAwait(false);
                return _clientFor(target);
            }

            if (size <= partSize)
            {
                var put = new OssRequest("PutObject", HttpMethod.Put, target.Bucket, target.Key) { Content = () => Segment(path, 0, size, progress), VerifyBodyCrc64 = true };
                using var _ = await (await Current().ConfigureAwait(false)).SendAsync(put, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                return;
            }

            var initiate = new OssRequest("InitiateMultipartUpload", HttpMethod.Post, target.Bucket, target.Key).WithQuery("uploads", string.Empty);
            var uploadId = (await (await Current().ConfigureAwait(false)).GetXmlAsync(initiate, cancellationToken).ConfigureAwait(false)).Text("UploadId")
                ?? throw new InvalidDataException("InitiateMultipartUpload answered no UploadId.");
            try
            {
                var parts = new List<XElement>();
                ulong? objectCrc = 0; // the parts' CRCs combined; null once a part's answer had none (then nothing to check)
                for (var (number, offset) = (1, 0L); offset < size; number++, offset += partSize)
                {
                    var part = new OssRequest("UploadPart", HttpMethod.Put, target.Bucket, target.Key) { VerifyBodyCrc64 = true }
                        .WithQuery("partNumber", number.ToString(CultureInfo.InvariantCulture)).WithQuery("uploadId", uploadId);
                    var (start, length) = (offset, Math.Min(partSize, size - offset));
                    part.Content = () => Segment(path, start, length, progress);
                    using var response = await (await Current().ConfigureAwait(false)).SendAsync(part, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    parts.Add(new XElement("Part", new XElement("PartNumber", number), new XElement("ETag", response.Headers.ETag?.Tag)));
                    var partCrc = OssClient.Crc64Of(response); // checked against what was sent by SendAsync
                    objectCrc = objectCrc != null && partCrc != null ? Crc64Ecma.Combine(objectCrc.Value, partCrc.Value, length) : null;
                }
                var body = Encoding.UTF8.GetBytes(new XElement("CompleteMultipartUpload", parts).ToString(SaveOptions.DisableFormatting));
                var complete = new OssRequest("CompleteMultipartUpload", HttpMethod.Post, target.Bucket, target.Key)
                    .WithQuery("uploadId", uploadId).WithHeader("Content-Type", "application/xml");
                complete.Content = () => new ByteArrayContent(body);
                using var completed = await (await Current().ConfigureAwait(false)).SendAsync(complete, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                // Not retried: the upload is complete and gone. The object is left for the caller's next run to overwrite.
                if (objectCrc != null) OssClient.VerifyCrc64(complete.Operation, completed, objectCrc.Value);
            }
            catch
            {
                var abort = new OssRequest("AbortMultipartUpload", HttpMethod.Delete, target.Bucket, target.Key).WithQuery("uploadId", uploadId);
                try
                {
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    using var _ = await _clientFor(target).SendAsync(abort, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Best effort: the upload has failed already. Parts left behind stay until a lifecycle rule removes them.
                }
                throw;
            }
        }

        private static HttpContent Segment(string path, long offset, long length, TransferProgress progress) =>
            new StreamContent(new FileSegmentStream(path, offset, length, position => progress.Report(offset + position)));

        /// <summary>A read-only window on a file that reports how far it has been read.</summary>
        private sealed class FileSegmentStream : Stream
        {
            private readonly FileStream _file;
            private readonly long _offset;
            private readonly long _length;
            private readonly Action<long> _read;

            public FileSegmentStream(string path, long offset, long length, Action<long> read)
            {
                _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                _file.Position = offset;
                _offset = offset;
                _length = length;
                _read = read;
            }

            public override bool CanRead => true;
            public override bool CanSeek => true;
            public override bool CanWrite => false;
            public override long Length => _length;

            public override long Position
            {
                get => _file.Position - _offset;
                set => _file.Position = _offset + Math.Max(0, Math.Min(value, _length));
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = _file.Read(buffer, offset, (int)Math.Min(count, _length - Position));
                _read(Position);
                return n;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                var n = await _file.ReadAsync(buffer, offset, (int)Math.Min(count, _length - Position), cancellationToken).ConfigureAwait(false);
                _read(Position);
                return n;
            }

            public override long Seek(long offset, SeekOrigin origin) =>
                Position = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? Position + offset : _length + offset;

            public override void Flush()
            {
            }

            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _file.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
