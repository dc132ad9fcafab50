using System.Collections.Generic;
using System;

namespace VodTools.Services.Pacing
{
    /// <summary>A growing count's rate over a sliding window, from the samples taken each time it is read (progress displays).</summary>
    public sealed class RateWindow
    {
        private readonly TimeSpan _window;
        private readonly Queue<(DateTime Time, long Count)> _samples = new Queue<(DateTime, long)>();

        public RateWindow(TimeSpan window) => _window = window;

        /// <summary>Per second over the window, sampled now; 0 until two samples a second apart exist.</summary>
        public double Sample(DateTime now, long count)
        {
            lock (_samples)
            {
                _samples.Enqueue((now, count));
                while (_samples.Count > 2 && now - _samples.Peek().Time > _window) _samples.Dequeue();
                var (time, first) = _samples.Peek();
                var seconds = (now - time).TotalSeconds;
                return seconds < 1 ? 0 : (count - first) / seconds;
            }
        }

        /// <summary>Seconds left at <paramref name="rate"/> for <paramref name="left"/> more, for ProgressRecord.SecondsRemaining (-1: unknown).</summary>
        public static int SecondsLeft(double rate, long left) => rate > 0 && left > 0 ? (int)Math.Min(int.MaxValue, left / rate) : -1;
    }
}
