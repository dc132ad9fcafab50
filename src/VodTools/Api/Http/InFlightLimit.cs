using System.Diagnostics;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// How many pieces of work (calls, batches, parts) a fan-out keeps in flight, decided from what it measures instead of
    /// a fixed count. By Little's law, in flight = rate × the time each piece takes: far from the region each call takes
    /// longer, so more must be in flight for the same rate. The time is measured on every piece that ends: how long it held
    /// its slot, less what it spent waiting for the QPS budget (that wait is the quota at work, not distance; counting it
    /// would feed on itself). The rate is the rule's: an action's quota (<see cref="ForQuota"/>) or enough parts to keep a
    /// link busy (<see cref="ForTransfer"/>). It rises by one as a piece ends, while the pieces find the quota's permits
    /// free, and falls at once. Never more than the ceiling (-ThrottleLimit), never fewer than one.
    /// </summary>
    /// <remarks>
    /// Used like a semaphore (<see cref="WaitAsync"/> then <see cref="Release"/>, or <see cref="RunAsync{T}"/>). A
    /// <see cref="Release"/> is paired with the <see cref="WaitAsync"/> of the same asynchronous flow through an
    /// AsyncLocal, as System.Diagnostics.Activity is: work started after WaitAsync (awaited, or Task.Run) carries it.
    /// </remarks>
    public sealed class InFlightLimit : IDisposable
    {
        /// <summary>The ceiling when none is given: the most calls the fan-out cmdlets kept in flight before.</summary>
        public const int DefaultCeiling = 64;

        /// <summary>The most a user may allow (-ThrottleLimit); the HTTP transport opens as many connections per host.</summary>
        public const int MaxCeiling = 256;

        /// <summary>
        /// More in flight than the law asks for: calls vary in length and the QPS budget lets permits out in steps of a
        /// tenth of a second, and one in flight too many only waits for its permit, while one too few loses rate.
        /// </summary>
        internal const double Headroom = 1.5;

        /// <summary>
        /// Calls in flight near the region, the fixed count the cmdlets used: it reaches every quota on a near link, where a
        /// call takes a few milliseconds, with room for the pipeline's own pace (fewer would leave the quota unused while a
        /// cmdlet waits to take more input).
        /// </summary>
        internal const int Nearby = 8;

        /// <summary>How much each newly measured piece moves the typical time (an exponentially weighted mean).</summary>
        private const double Smoothing = 0.2;

        private static readonly AsyncLocal<Entry?> CurrentEntry = new AsyncLocal<Entry?>();

        private readonly Func<double, double> _wanted;
        private readonly int _ceiling;
        private readonly SemaphoreSlim _slots;
        private readonly object _gate = new object();
        private int _limit;
        private int _owed; // slots to take back as pieces end, after the limit fell below what was handed out
        private int _running;
        private int _peak;
        private int _highest; // the highest limit so far: a rise past it is told to Raised
        private double _typicalSeconds = double.NaN;

        /// <param name="wanted">Pieces wanted in flight for the typical seconds a piece takes.</param>
        /// <param name="initial">Pieces in flight before any has ended.</param>
        /// <param name="ceiling">The most in flight.</param>
        private InFlightLimit(Func<double, double> wanted, int initial, int ceiling)
        {
            if (ceiling < 1) throw new ArgumentOutOfRangeException(nameof(ceiling), "The ceiling is at least 1.");
            _wanted = wanted;
            _ceiling = ceiling;
            _limit = Math.Max(1, Math.Min(initial, ceiling));
            _highest = _limit;
            _slots = new SemaphoreSlim(_limit, int.MaxValue);
        }

        /// <summary>
        /// Calls under a quota of <paramref name="perSecond"/>: in flight = quota × time of a call × <see cref="Headroom"/>,
        /// and never fewer than <see cref="Nearby"/>.
        /// </summary>
        public static InFlightLimit ForQuota(int perSecond, int ceiling) =>
            new InFlightLimit(seconds => Math.Max(Nearby, perSecond * seconds * Headroom), Nearby, ceiling);

        /// <summary>
        /// Parts of a transfer: <paramref name="streams"/> parts keep a near link busy; a part's time is its bytes moving
        /// plus a <paramref name="roundTrip"/> of waiting, so in flight = streams × time of a part ÷ its time moving bytes
        /// keeps as many moving as near the region. Starts at <paramref name="streams"/>.
        /// </summary>
        public static InFlightLimit ForTransfer(int streams, TimeSpan roundTrip, int ceiling) =>
            new InFlightLimit(seconds => streams * seconds / Math.Max(seconds - roundTrip.TotalSeconds, seconds / ceiling), streams, ceiling);

        /// <summary>Always <paramref name="count"/> in flight, whatever is measured.</summary>
        public static InFlightLimit Fixed(int count) => new InFlightLimit(_ => count, count, count);

        /// <summary>Told the limit and the typical time each time the limit rises past the highest it has been (for -Verbose).</summary>
        public Action<int, TimeSpan>? Raised { get; set; }

        /// <summary>The time in Stopwatch ticks (tests set their own).</summary>
        internal Func<long> Clock { get; set; } = Stopwatch.GetTimestamp;

        /// <summary>Pieces allowed in flight now.</summary>
        public int Limit
        {
            get { lock (_gate) return _limit; }
        }

        /// <summary>The most pieces that were in flight at once.</summary>
        public int Peak
        {
            get { lock (_gate) return _peak; }
        }

        /// <summary>How long a piece typically takes (without waits for the QPS budget); zero before one has ended.</summary>
        public TimeSpan TypicalTime
        {
            get { lock (_gate) return double.IsNaN(_typicalSeconds) ? TimeSpan.Zero : TimeSpan.FromSeconds(_typicalSeconds); }
        }

        /// <summary>Waits for a slot. The flow that awaits it (and work it then starts) must call <see cref="Release"/> once.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            var entry = new Entry();
            CurrentEntry.Value = entry; // set here, not in an async method, so it stays with the caller's flow
            return EnterAsync(entry, cancellationToken);
        }

        /// <summary>Gives the slot of this flow's <see cref="WaitAsync"/> back, measuring how long it was held.</summary>
        public void Release()
        {
            var entry = CurrentEntry.Value;
            var ended = Clock();
            var release = 1;
            (int Limit, TimeSpan Typical)? raised = null;
            var quotaWait = entry == null ? 0 : Interlocked.Read(ref entry.QuotaWait);
            lock (_gate)
            {
                _running--;
                if (entry != null && entry.Granted && !entry.Released)
                {
                    entry.Released = true;
                    Measure(Math.Max(0, ended - entry.Started - quotaWait) / (double)Stopwatch.Frequency);
                }
                if (_owed > 0)
                {
                    _owed--;
                    release = 0;
                }
                release += Resize(mayRise: quotaWait < Stopwatch.Frequency / 1000);
                if (_limit > _highest)
                {
                    _highest = _limit;
                    raised = (_limit, TimeSpan.FromSeconds(_typicalSeconds));
                }
            }
            if (release > 0) _slots.Release(release);
            if (raised != null) Raised?.Invoke(raised.Value.Limit, raised.Value.Typical);
        }

        /// <summary>Runs <paramref name="work"/> in a slot.</summary>
        public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
        {
            await WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                Release();
            }
        }

        /// <summary>Runs <paramref name="work"/> in a slot.</summary>
        public Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, cancellationToken);

        /// <summary>Counts a wait for a QPS permit against the piece of work this flow runs, if any.</summary>
        internal static void QuotaWaited(long stopwatchTicks)
        {
            var entry = CurrentEntry.Value;
            if (entry != null) Interlocked.Add(ref entry.QuotaWait, stopwatchTicks);
        }

        public void Dispose() => _slots.Dispose();

        private async Task EnterAsync(Entry entry, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _running++;
                _peak = Math.Max(_peak, _running);
            }
            entry.Started = Clock();
            entry.Granted = true;
        }

        private void Measure(double seconds) =>
            _typicalSeconds = double.IsNaN(_typicalSeconds) ? seconds : _typicalSeconds + Smoothing * (seconds - _typicalSeconds);

        /// <summary>
        /// Sets the limit the rule wants now; returns the slots to hand out for a rise (a fall is owed, or taken back at once
        /// when free). <paramref name="mayRise"/> is false when the piece that ended waited for a QPS permit.
        /// </summary>
        private int Resize(bool mayRise)
        {
            if (double.IsNaN(_typicalSeconds)) return 0;
            // Up by one at most as each piece ends (twice as many a round trip, as TCP's slow start), and only while the
            // pieces find the quota's permits free: once they wait for them, the quota is reached and more in flight would
            // only queue. Each slot more may open a connection, whose handshake delays its call by a round trip after the
            // call took its permit; opened while the quota is reached, such late calls would reach VOD in the same second
            // as the calls permitted after them, and be throttled there.
            var rise = mayRise ? 1 : 0;
            var wanted = (int)Math.Min(Math.Min(_ceiling, _limit + rise), Math.Max(1, Math.Ceiling(_wanted(_typicalSeconds))));
            var change = wanted - _limit;
            _limit = wanted;
            if (change < 0)
            {
                _owed -= change;
                while (_owed > 0 && _slots.Wait(0)) _owed--;
                return 0;
            }
            var repaid = Math.Min(_owed, change);
            _owed -= repaid;
            return change - repaid;
        }

        /// <summary>One piece of work in a slot: when it got the slot, and how long it then waited for QPS permits.</summary>
        private sealed class Entry
        {
            public long Started;
            public long QuotaWait;
            public bool Granted;
            public bool Released;
        }
    }
}
