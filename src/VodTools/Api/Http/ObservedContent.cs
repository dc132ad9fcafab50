using System.IO;
using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// A request body sent exactly as the content it wraps would send it, with each chunk shown to an observer once it
    /// has been written: what the inactivity timeout and the CRC-64 of an upload are built on. Headers are copied
    /// from the wrapped content, which must be complete when this is made.
    /// </summary>
    internal sealed class ObservedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Action<byte[], int, int> _written;

        public ObservedContent(HttpContent inner, Action<byte[], int, int> written)
        {
            _inner = inner;
            _written = written;
            foreach (var header in inner.Headers)
            {
                // the length comes from TryComputeLength, so that it stays the wrapped content's
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _inner.CopyToAsync(new ObservingStream(stream, _written));

        protected override bool TryComputeLength(out long length)
        {
            var known = _inner.Headers.ContentLength;
            length = known ?? 0;
            return known.HasValue;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>Writes through to the connection's stream, then reports what was written.</summary>
        private sealed class ObservingStream : Stream
        {
            private readonly Stream _target;
            private readonly Action<byte[], int, int> _written;

            public ObservingStream(Stream target, Action<byte[], int, int> written)
            {
                _target = target;
                _written = written;
            }

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                _target.Write(buffer, offset, count);
                _written(buffer, offset, count);
            }

            public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                await _target.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                _written(buffer, offset, count);
            }

            public override void Flush() => _target.Flush();
            public override Task FlushAsync(CancellationToken cancellationToken) => _target.FlushAsync(cancellationToken);
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
