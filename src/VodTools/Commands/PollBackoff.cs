using System;

namespace VodTools.Commands
{
    /// <summary>
    /// How long to wait between polls of a state VOD changes in the background: 1 s first, growing by half each
    /// time up to 10 s, and to a tenth of a short timeout so a task still gets several looks before it runs out.
    /// </summary>
    internal static class PollBackoff
    {
        public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

        public static TimeSpan Next(TimeSpan previous, TimeSpan? timeout)
        {
            var cap = timeout == null ? Longest : TimeSpan.FromTicks(Math.Max(First.Ticks, Math.Min(Longest.Ticks, timeout.Value.Ticks / 10)));
            return TimeSpan.FromTicks(Math.Min(cap.Ticks, previous.Ticks * 3 / 2));
        }
    }
}
