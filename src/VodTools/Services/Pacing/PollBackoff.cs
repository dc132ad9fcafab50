using System;

namespace VodTools.Services.Pacing
{
    /// <summary>
    /// How long to wait between polls of a state VOD changes in the background: 1 s first, growing by half each
    /// time up to 10 s, and to a tenth of a short timeout so a task still gets several looks before it runs out.
    /// </summary>
    internal static class PollBackoff
    {
        public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

        public static TimeSpan Next(TimeSpan previous, TimeSpan? timeout) => TimeSpan.FromTicks(Math.Min(Cap(timeout).Ticks, previous.Ticks * 3 / 2));

        /// <summary>An interval estimated from elsewhere, kept between <see cref="First"/> and the cap.</summary>
        public static TimeSpan Clamp(TimeSpan wanted, TimeSpan? timeout) => TimeSpan.FromTicks(Math.Max(First.Ticks, Math.Min(Cap(timeout).Ticks, wanted.Ticks)));

        private static TimeSpan Cap(TimeSpan? timeout) =>
            timeout == null ? Longest : TimeSpan.FromTicks(Math.Max(First.Ticks, Math.Min(Longest.Ticks, timeout.Value.Ticks / 10)));
    }
}
