using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// Keeps every caller in the process (all runspaces share it) under the account's per-action
    /// QPS quota, so concurrent work queues here instead of bouncing off <c>Throttling.User</c>.
    /// A sliding one-second window: never more than the quota in any second.
    /// </summary>
    public static class QpsBudget
    {
        private static readonly ConcurrentDictionary<string, RateLimiter> Limiters = new ConcurrentDictionary<string, RateLimiter>();

        /// <summary>Waits for a permit of the named budget (key = account, endpoint and group).</summary>
        public static async Task AcquireAsync(string budgetKey, int permitsPerSecond, CancellationToken cancellationToken)
        {
            var limiter = Limiters.GetOrAdd(budgetKey + "|" + permitsPerSecond, _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permitsPerSecond,
                Window = TimeSpan.FromSeconds(1),
                SegmentsPerWindow = 10,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
            using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired) throw new InvalidOperationException("The QPS budget refused a permit: " + budgetKey);
        }
    }
}
