using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;

namespace VodTools.Commands.Pipeline
{
    /// <summary>
    /// Runs async work with the concurrency an <see cref="InFlightLimit"/> decides and hands its results back to the
    /// pipeline thread in input order. Workers never touch PowerShell: they complete slots with an action, and
    /// <see cref="Drain"/> (pipeline thread only) runs the ready actions — WriteObject, WriteError — in slot order.
    /// </summary>
    internal sealed class OrderedWork : IDisposable
    {
        private readonly InFlightLimit _limit;
        private readonly Dictionary<long, Action> _ready = new Dictionary<long, Action>();
        private readonly List<Task> _running = new List<Task>();
        private long _issued;
        private long _next;

        /// <param name="limit">Decides how much runs at once; disposed with this.</param>
        public OrderedWork(InFlightLimit limit) => _limit = limit;

        /// <summary>What decides how much runs at once.</summary>
        public InFlightLimit Limit => _limit;

        /// <summary>Slots reserved but not yet written.</summary>
        public long Pending => Interlocked.Read(ref _issued) - Interlocked.Read(ref _next);

        /// <summary>Reserves the next output position (pipeline thread).</summary>
        public long Reserve() => _issued++;

        /// <summary>Fills a slot with what to write for it; callable from any thread.</summary>
        public void Complete(long slot, Action write)
        {
            lock (_ready) _ready[slot] = write;
        }

        /// <summary>Starts work when a concurrency slot is free. The work must complete its output slots itself, even on failure.</summary>
        public void Start(Func<Task> work, CancellationToken cancellationToken)
        {
            var task = Task.Run(() => _limit.RunAsync(work, cancellationToken), cancellationToken);
            lock (_running)
            {
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(task);
            }
        }

        /// <summary>True while more work is queued than can run, so the caller should wait before taking more input.</summary>
        public bool IsSaturated
        {
            get
            {
                lock (_running)
                {
                    _running.RemoveAll(t => t.IsCompleted);
                    return _running.Count >= _limit.Limit * 2;
                }
            }
        }

        /// <summary>Writes every result that is next in order (pipeline thread only).</summary>
        public void Drain()
        {
            while (true)
            {
                Action? write;
                lock (_ready)
                {
                    if (!_ready.TryGetValue(_next, out write)) return;
                    _ready.Remove(_next);
                }
                Interlocked.Increment(ref _next);
                write();
            }
        }

        /// <summary>A task that completes when all started work has finished.</summary>
        public Task WhenAllStarted()
        {
            lock (_running) return Task.WhenAll(_running.ToArray());
        }

        public void Dispose() => _limit.Dispose();
    }
}
