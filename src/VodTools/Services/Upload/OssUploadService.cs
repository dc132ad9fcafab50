using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
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
    /// else a multipart upload with several parts in flight (more the longer the round trip, see <see cref="InFlightLimit.ForTransfer"/>),
    /// resumable: each part OSS acknowledges is recorded in the checkpoint as it completes, and a rerun keeps every part
    /// OSS lists (ListParts) that holds the same bytes as the file, whatever the checkpoint says, so a kill costs at most
    /// the parts that were in flight. Every body's CRC-64 is checked against OSS's answer (a damaged one is sent again,
    /// never committed), and the whole object's after CompleteMultipartUpload, from the parts' CRCs, as the official OSS
    /// SDKs do.
    /// </summary>
    public sealed class OssUploadService
    {
        public const long MinPartSize = 100 * 1024;
        public const long MaxPartSize = 5L * 1024 * 1024 * 1024;
        public const int MaxParts = 10000;
        /// <summary>The most parts one ListParts answer holds (OSS API reference: ListParts, max-parts, at most 1,000); the next page starts after part-number-marker.</summary>
        private const int ListPartsPage = 1000;

        /// <summary>
        /// Parts in flight that keep a near link busy (the OSS SDK for .NET uploads with 3 threads); a longer round trip
        /// gets more, up to the ceiling asked for.
        /// </summary>
        public const int PartsNearby = 4;

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
        /// passed to <paramref name="save"/> once the upload id is known and when the parts end; each part is passed to
        /// <paramref name="recordPart"/> as soon as OSS has it. At most <paramref name="partsInFlight"/> parts at once. On
        /// failure nothing is aborted: the parts stay for a rerun. Returns how many parts OSS held that the checkpoint did
        /// not name and that were kept because they match the file.
        /// </summary>
        public async Task<int> UploadAsync(
            string path, UploadCheckpoint checkpoint, UploadCredentials credentials, int partsInFlight, TransferProgress progress,
            Action<UploadCheckpoint> save, Action<UploadedPart> recordPart, CancellationToken cancellationToken)
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
                return 0;
            }

            var plan = PlanParts(size, checkpoint.PartSize);
            // the time of a call without a body just before the parts (ListParts or InitiateMultipartUpload): the round trip
            var (found, roundTrip) = checkpoint.UploadId != null ? await ConfirmPartsAsync(path, plan, checkpoint, credentials, cancellationToken).ConfigureAwait(false) : (0, TimeSpan.Zero);
            if (checkpoint.UploadId == null)
            {
                var initiating = Stopwatch.StartNew();
                checkpoint.UploadId = await credentials.RunAsync(async target =>
                {
                    var initiate = new OssRequest(OssOperations.InitiateMultipartUpload, HttpMethod.Post, target.Bucket, target.Key).WithQuery("uploads", string.Empty);
                    return (await _clientFor(target).GetXmlAsync(initiate, cancellationToken).ConfigureAwait(false)).Text("UploadId")
                        ?? throw new InvalidDataException("InitiateMultipartUpload answered no UploadId.");
                }, cancellationToken).ConfigureAwait(false);
                roundTrip = initiating.Elapsed;
                checkpoint.Parts.Clear();
            }
            save(checkpoint); // the upload id, and the parts kept, before any part is sent
            progress.AddHeld(checkpoint.BytesDone);

            var done = new HashSet<int>(checkpoint.Parts.Select(p => p.Number));
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var slots = InFlightLimit.ForTransfer(Math.Min(PartsNearby, partsInFlight), roundTrip, partsInFlight))
            {
                Exception? firstFailure = null;
                var sending = new List<Task>();
                foreach (var part in plan.Where(p => !done.Contains(p.Number)))
                {
                    try
                    {
                        await slots.WaitAsync(failed.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (failed.IsCancellationRequested)
                    {
                        break;
                    }
                    sending.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var uploaded = await SendPartAsync(path, checkpoint.UploadId!, part, credentials, progress, failed.Token).ConfigureAwait(false);
                            lock (checkpoint)
                            {
                                checkpoint.Parts.Add(uploaded);
                                recordPart(uploaded);
                            }
                        }
                        catch (Exception e)
                        {
                            // the first failure ends the file; the others only stop because of it
                            Interlocked.CompareExchange(ref firstFailure, e, null);
                            failed.Cancel();
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }));
                }
                await Task.WhenAll(sending).ConfigureAwait(false);
                save(checkpoint); // every part done, in one line again
                if (firstFailure != null) ExceptionDispatchInfo.Capture(firstFailure).Throw();
                cancellationToken.ThrowIfCancellationRequested();
            }
            await CompleteAsync(checkpoint, credentials, cancellationToken).ConfigureAwait(false);
            return found;
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
        /// Sets the checkpoint's parts to those OSS lists (ListParts) that hold the file's bytes: a part the checkpoint
        /// recorded with the same ETag and size, or any other of the planned size whose CRC-64 (HashCrc64ecma, when listed)
        /// or else MD5 (a part's ETag, OSS API reference: UploadPart) is that of its range of the file. OSS's ListParts page
        /// advises against building the part list from its answer alone, as a part may have been overwritten or damaged on
        /// the way; each part kept here is checked against the file instead. Every other part is sent again. An upload OSS no
        /// longer knows (NoSuchUpload: completed or aborted meanwhile) is started afresh. Returns how many parts were kept
        /// that the checkpoint did not name, and how long the first ListParts call took.
        /// </summary>
        private async Task<(int Found, TimeSpan FirstCall)> ConfirmPartsAsync(string path, IReadOnlyList<(int Number, long Offset, long Length)> plan, UploadCheckpoint checkpoint,
            UploadCredentials credentials, CancellationToken cancellationToken)
        {
            var listed = new List<(int Number, string ETag, long Size, string? Crc64)>();
            var firstCall = TimeSpan.Zero;
            try
            {
                for (string? marker = "0"; marker != null;)
                {
                    var calling = Stopwatch.StartNew();
                    var page = await credentials.RunAsync(target =>
                    {
                        var list = new OssRequest(OssOperations.ListParts, HttpMethod.Get, target.Bucket, target.Key).WithQuery("uploadId", checkpoint.UploadId)
                            .WithQuery("max-parts", ListPartsPage.ToString(CultureInfo.InvariantCulture)).WithQuery("part-number-marker", marker);
                        return _clientFor(target).GetXmlAsync(list, cancellationToken);
                    }, cancellationToken).ConfigureAwait(false);
                    if (firstCall == TimeSpan.Zero) firstCall = calling.Elapsed;
                    foreach (var part in page.Elements().Where(e => e.Name.LocalName == "Part"))
                    {
                        if (int.TryParse(part.Text("PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                            && long.TryParse(part.Text("Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var partSize))
                            listed.Add((number, part.Text("ETag") ?? string.Empty, partSize, part.Text("HashCrc64ecma")));
                    }
                    marker = page.Text("IsTruncated") == "true" ? page.Text("NextPartNumberMarker") : null;
                }
            }
            catch (CloudException e) when (e.Code == "NoSuchUpload")
            {
                checkpoint.UploadId = null;
                return (0, firstCall);
            }
            var recorded = checkpoint.Parts.GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.Last());
            var planned = plan.ToDictionary(p => p.Number);
            var kept = new List<UploadedPart>();
            var found = 0;
            foreach (var part in listed)
            {
                if (!planned.TryGetValue(part.Number, out var range) || range.Length != part.Size) continue;
                if (recorded.TryGetValue(part.Number, out var known) && known.Size == part.Size && SameETag(known.ETag, part.ETag))
                {
                    kept.Add(known);
                    continue;
                }
                var (md5, crc) = await HashAsync(path, range.Offset, range.Length, cancellationToken).ConfigureAwait(false);
                var matches = part.Crc64 != null
                    ? ulong.TryParse(part.Crc64, NumberStyles.None, CultureInfo.InvariantCulture, out var listedCrc) && listedCrc == crc
                    : SameETag(part.ETag, md5);
                if (!matches) continue;
                kept.Add(new UploadedPart { Number = part.Number, Size = part.Size, ETag = part.ETag, Crc64 = crc.ToString(CultureInfo.InvariantCulture) });
                found++;
            }
            checkpoint.Parts = kept;
            return (found, firstCall);
        }

        /// <summary>The MD5 (upper-case hex, as OSS writes ETags) and CRC-64 of a range of the file.</summary>
        private static async Task<(string Md5, ulong Crc64)> HashAsync(string path, long offset, long length, CancellationToken cancellationToken)
        {
            using var md5 = MD5.Create();
            var crc = new Crc64Ecma();
            var buffer = new byte[81920];
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, buffer.Length, useAsync: true))
            {
                file.Position = offset;
                for (var left = length; left > 0;)
                {
                    var n = await file.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, left), cancellationToken).ConfigureAwait(false);
                    if (n == 0) throw new EndOfStreamException($"'{path}' ended before the part that starts at byte {offset}.");
                    md5.TransformBlock(buffer, 0, n, null, 0);
                    crc.Append(buffer, 0, n);
                    left -= n;
                }
            }
            md5.TransformFinalBlock(buffer, 0, 0);
            return (string.Concat(md5.Hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))), crc.Value);
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
