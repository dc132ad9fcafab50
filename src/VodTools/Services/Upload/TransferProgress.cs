using System.Threading;

namespace VodTools.Services.Upload
{
    /// <summary>Bytes sent of a transfer, parts in flight included; written by the upload, read by whoever shows progress.</summary>
    public sealed class TransferProgress
    {
        private long _sent;
        private long _held;

        public TransferProgress(long total) => Total = total;

        public long Total { get; }
        /// <summary>Bytes OSS holds or is receiving, those of parts sent by an earlier run included.</summary>
        public long Sent => Interlocked.Read(ref _sent);
        /// <summary>Bytes of parts sent by an earlier run: not part of this run's rate.</summary>
        public long Held => Interlocked.Read(ref _held);

        internal void Add(long bytes) => Interlocked.Add(ref _sent, bytes);

        internal void AddHeld(long bytes)
        {
            Interlocked.Add(ref _held, bytes);
            Add(bytes);
        }
    }
}
