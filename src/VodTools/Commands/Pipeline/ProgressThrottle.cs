using System;

namespace VodTools.Commands.Pipeline
{
    /// <summary>
    /// Lets a cmdlet redraw its progress bars at most twice a second, and always the last time: a host redraws on every
    /// WriteProgress, and a long pipeline would spend its time drawing.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

        /// <summary>When a redraw was last let through (UTC).</summary>
        public DateTime Last { get; private set; } = DateTime.MinValue;

        /// <summary>True when the bars are to be drawn now: always when <paramref name="completed"/>, else 500 ms after the last time.</summary>
        public bool Due(bool completed)
        {
            var now = DateTime.UtcNow;
            if (!completed && now - Last < Interval) return false;
            Last = now;
            return true;
        }
    }
}
