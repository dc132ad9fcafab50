using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System.Xml.Linq;
using System;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Formats;
using VodTools.Services.Vod;

namespace VodTools.Services.Upload
{
    /// <summary>
    /// Uploads a file to the OSS location VOD gave (OSS API reference: PutObject, multipart upload): one PutObject when it fits in one part,
    /// else a multipart upload with several parts in flight, resumable: each part OSS acknowledges is written to the
    /// checkpoint, and a checkpoint's upload is confirmed with ListParts so only the parts OSS does not hold are sent.
    /// Every body's CRC-64 is checked against OSS's answer (a damaged one is sent again, never committed), and the whole
    /// object's after CompleteMultipartUpload, from the parts' CRCs, as the official OSS SDKs do.
    /// </summary>
    public sealed class OssUploadService
    {
        public const long MinPartSize = 100 * 1024;
        public const long MaxPartSize = 5L * 1024 * 1024 * 1024;
        public const int MaxParts = 10000;
        private const int ListPartsPage = 1000;

        /// <summary>
        /// How often, at most, the checkpoint is written while parts complete: each write holds every part so far (up to
        /// 10,000), so writing it after each part would cost more than it saves. A part done since the last write is
        /// simply sent again after a kill.
        /// </summary>
        public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

        private readonly Func<UploadTarget, OssClient> _clientFor;

        /// <param name="clientFor">An OSS client for a target's endpoint, region and credentials.</param>
        public OssUploadService(Func<UploadTarget, OssClient> clientFor) => _clientFor = clientFor;

        /// <summary>The part size to use: the one asked for, grown so the file fits in 10,000 parts.</summary>
        public static long PartSizeFor(long fileSize, long partSize) =>
            Math.Min(MaxPartSize, Math.Max(partSize, (fileSize + MaxParts - 1) / MaxParts));

        /// <summary>The parts of a file: numbers from 1, offsets and lengths (the last one shorter).</summary>
        public static IReadOnlyList<(int Number, long Offset, long Length)> PlanParts(long fileSize, long partSize)
        {
            var parts = new List<(int, long, long)>();
            for (var (number, offset) = (1, 0L); offset < fileSize; number++, offset += partSize) parts.Add((number, offset, Math.Min(partSize, fileSize - offset)));
            return parts;
        }

        /// <summary>
        /// Sends the file; <paramref name="checkpoint"/> says what is done already (its PartSize decides the parts) and is
        /// passed to <paramref name="save"/> once the upload id is known, as parts complete (at most once a
        /// <see cref="CheckpointInterval"/>) and when they end. On failure nothing is aborted: the parts stay for a rerun.
        /// </summary>
        public async Task UploadAsync(
            string path, UploadCheckpoint checkpoint, UploadCredentials credentials, int partsInFlight, TransferProgress progress,
            Action<UploadCheckpoint> save, CancellationToken cancellationToken)
        {
            var size = checkpoint.FileSize;
            if (size <= checkpoint.PartSize)
            {
                var read = Counter(progress);
                await credentials.RunAsync(async target =>
                {
                    var put = new OssRequest(OssOperations.PutObject, HttpMethod.Put, target.Bucket, target.Key)
                    {
                        Content = () => new StreamContent(new FileSegmentStream(path, 0, size, read)),
                        VerifyBodyCrc64 = true,
                    };
                    using var _ = await _clientFor(target).SendAsync(put, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (checkpoint.UploadId != null) await ConfirmPartsAsync(checkpoint, credentials, cancellationToken).ConfigureAwait(false);
            if (checkpoint.UploadId == null)
            {
                checkpoint.UploadId = await credentials.RunAsync(async target =>
                {
                    var initiate = new OssRequest(OssOperations.InitiateMultipartUpload, HttpMethod.Post, target.Bucket, target.Key).WithQuery("uploads", string.Empty);
                    return (await _clientFor(target).GetXmlAsync(initiate, cancellationToken).ConfigureAwait(false)).Text("UploadId")
                        ?? throw new InvalidDataException("InitiateMultipartUpload answered no UploadId.");
                }, cancellationToken).ConfigureAwait(false);
                checkpoint.Parts.Clear();
                save(checkpoint);
            }
            progress.AddHeld(checkpoint.BytesDone);

            var done = new HashSet<int>(checkpoint.Parts.Select(p => p.Number));
            var saved = DateTime.UtcNow;
            var missing = new ConcurrentQueue<(int Number, long Offset, long Length)>(PlanParts(size, checkpoint.PartSize).Where(p => !done.Contains(p.Number)));
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Exception? firstFailure = null;
                async Task Worker()
                {
                    while (!failed.IsCancellationRequested && missing.TryDequeue(out var part))
                    {
                        try
                        {
                            var uploaded = await SendPartAsync(path, checkpoint.UploadId!, part, credentials, progress, failed.Token).ConfigureAwait(false);
                            lock (checkpoint)
                            {
                                checkpoint.Parts.Add(uploaded);
                                if (DateTime.UtcNow - saved >= CheckpointInterval)
                                {
                                    save(checkpoint);
                                    saved = DateTime.UtcNow;
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            // the first failure ends the file; the others only stop because of it
                            Interlocked.CompareExchange(ref firstFailure, e, null);
                            failed.Cancel();
                        }
                    }
                }
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Math.Min(partsInFlight, missing.Count))).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
                save(checkpoint); // every part done, for the rerun of a failed upload
                if (firstFailure != null) ExceptionDispatchInfo.Capture(firstFailure).Throw();
            }
            await CompleteAsync(checkpoint, credentials, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A part sent, its CRC-64 checked by SendAsync against what was sent (a damaged copy is sent again).</summary>
        private async Task<UploadedPart> SendPartAsync(
            string path, string uploadId, (int Number, long Offset, long Length) part, UploadCredentials credentials, TransferProgress progress, CancellationToken cancellationToken)
        {
            var read = Counter(progress);
            try
            {
                return await credentials.RunAsync(async target =>
                {
                    var request = new OssRequest(OssOperations.UploadPart, HttpMethod.Put, target.Bucket, target.Key) { VerifyBodyCrc64 = true }
                        .WithQuery("partNumber", part.Number.ToString(CultureInfo.InvariantCulture)).WithQuery("uploadId", uploadId);
                    request.Content = () => new StreamContent(new FileSegmentStream(path, part.Offset, part.Length, read));
                    using var response = await _clientFor(target).SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    return new UploadedPart
                    {
                        Number = part.Number,
                        Size = part.Length,
                        ETag = response.Headers.ETag?.Tag ?? string.Empty,
                        Crc64 = OssClient.Crc64Of(response)?.ToString(CultureInfo.InvariantCulture),
                    };
                }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                read(0);
                throw;
            }
        }

        /// <summary>
        /// Keeps the checkpoint's parts that OSS lists with the same ETag and size (ListParts); the others are sent again.
        /// An upload OSS no longer knows (NoSuchUpload: completed or aborted meanwhile) is started afresh.
        /// </summary>
        private async Task ConfirmPartsAsync(UploadCheckpoint checkpoint, UploadCredentials credentials, CancellationToken cancellationToken)
        {
            var listed = new Dictionary<int, (string ETag, long Size)>();
            try
            {
                for (string? marker = "0"; marker != null;)
                {
                    var page = await credentials.RunAsync(target =>
                    {
                        var list = new OssRequest(OssOperations.ListParts, HttpMethod.Get, target.Bucket, target.Key).WithQuery("uploadId", checkpoint.UploadId)
                            .WithQuery("max-parts", ListPartsPage.ToString(CultureInfo.InvariantCulture)).WithQuery("part-number-marker", marker);
                        return _clientFor(target).GetXmlAsync(list, cancellationToken);
                    }, cancellationToken).ConfigureAwait(false);
                    foreach (var part in page.Elements().Where(e => e.Name.LocalName == "Part"))
                    {
                        if (int.TryParse(part.Text("PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                            && long.TryParse(part.Text("Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var partSize))
                            listed[number] = (part.Text("ETag") ?? string.Empty, partSize);
                    }
                    marker = page.Text("IsTruncated") == "true" ? page.Text("NextPartNumberMarker") : null;
                }
            }
            catch (CloudException e) when (e.Code == "NoSuchUpload")
            {
                checkpoint.UploadId = null;
                return;
            }
            checkpoint.Parts.RemoveAll(p => !listed.TryGetValue(p.Number, out var held) || held.Size != p.Size || !SameETag(held.ETag, p.ETag));
        }

        private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.OrdinalIgnoreCase);

        private async Task CompleteAsync(UploadCheckpoint checkpoint, UploadCredentials credentials, CancellationToken cancellationToken)
        {
            var parts = checkpoint.Parts.OrderBy(p => p.Number).ToList();
            ulong? objectCrc = 0; // the parts' CRCs combined; null once a part's answer had none (then nothing to check)
            foreach (var part in parts)
                objectCrc = objectCrc != null && ulong.TryParse(part.Crc64, NumberStyles.None, CultureInfo.InvariantCulture, out var partCrc)
                    ? Crc64Ecma.Combine(objectCrc.Value, partCrc, part.Size) : (ulong?)null;
            var body = Encoding.UTF8.GetBytes(new XElement("CompleteMultipartUpload",
                parts.Select(p => new XElement("Part", new XElement("PartNumber", p.Number), new XElement("ETag", p.ETag)))).ToString(SaveOptions.DisableFormatting));
            await credentials.RunAsync(async target =>
            {
                var complete = new OssRequest(OssOperations.CompleteMultipartUpload, HttpMethod.Post, target.Bucket, target.Key)
                    .WithQuery("uploadId", checkpoint.UploadId).WithHeader("Content-Type", "application/xml");
                complete.Content = () => new ByteArrayContent(body);
                using var completed = await _clientFor(target).SendAsync(complete, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                // Not retried: the upload is complete and gone. The object is left for the caller's next run to overwrite.
                if (objectCrc != null) OssClient.VerifyCrc64(complete.Operation, completed, objectCrc.Value);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Counts a body's bytes in progress as its stream reports positions; shared by the attempts of one body, so a resend,
        /// whose stream starts again from 0, takes back what the failed attempt had counted; 0 takes it all back.
        /// </summary>
        private static Action<long> Counter(TransferProgress progress)
        {
            long counted = 0;
            return position =>
            {
                progress.Add(position - Interlocked.Exchange(ref counted, position));
            };
        }

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
