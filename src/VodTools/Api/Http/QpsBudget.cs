using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// Keeps every caller in the process (all runspaces share it) under the account's per-action
    /// QPS quota, so concurrent work queues here instead of bouncing off <c>Throttling.User</c>.
    /// A sliding one-second window: never more than the quota in any second. The time a caller waits for a permit is
    /// told to the <see cref="InFlightLimit"/> its work runs under, which leaves it out of the time its calls take.
    /// </summary>
    public static class QpsBudget
    {
        private static readonly ConcurrentDictionary<string, RateLimiter> Limiters = new ConcurrentDictionary<string, RateLimiter>();

        /// <summary>
        /// How much longer than a second the quota is spread over. Calls do not take exactly as long on the way each time
        /// (a busy computer, a busy network): one sent a little later than the one before may reach VOD a little earlier,
        /// and VOD counts them when they arrive. Keeping the quota's calls to 1.05 s leaves that much room (at 95 % of it).
        /// </summary>
        internal static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

        /// <summary>
        /// A sliding window of a tenth of (a second and <see cref="Slack"/>), or the shortest slice a whole number of
        /// permits divides the quota into, with that share of the quota: never more than the quota in any second, and the
        /// permits spread over the second instead of all at its start, so calls do not reach VOD in waves that a little
        /// delay on the way can push into one second.
        /// </summary>
        internal static RateLimiter Create(int permitsPerSecond)
        {
            var slices = Enumerable.Range(1, 10).Last(k => permitsPerSecond % k == 0);
            return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permitsPerSecond / slices,
                Window = TimeSpan.FromTicks((TimeSpan.TicksPerSecond + Slack.Ticks) / slices),
                SegmentsPerWindow = 4,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        /// <summary>Waits for a permit of the named budget (key = account, endpoint and group).</summary>
        public static async Task AcquireAsync(string budgetKey, int permitsPerSecond, CancellationToken cancellationToken)
        {
            var limiter = Limiters.GetOrAdd(budgetKey + "|" + permitsPerSecond, _ => Create(permitsPerSecond));
            var asked = Stopwatch.GetTimestamp();
            using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired) throw new InvalidOperationException("The QPS budget refused a permit: " + budgetKey);
            InFlightLimit.QuotaWaited(Stopwatch.GetTimestamp() - asked);
        }
    }
}
