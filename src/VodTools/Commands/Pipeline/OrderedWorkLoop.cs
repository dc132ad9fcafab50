using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Commands.Pipeline
{
    /// <summary>The pipeline-thread side of <see cref="OrderedWork"/>: back-pressure in ProcessRecord, the final drain in EndProcessing.</summary>
    internal static class OrderedWorkLoop
    {
        /// <summary>Takes no more input while the queue is saturated, then writes what is ready.</summary>
        public static void Throttle(this OrderedWork work, Action<Task> waitDraining, CancellationToken cancellation)
        {
            while (work.IsSaturated) waitDraining(Task.Delay(50, cancellation));
            work.Drain();
        }

        /// <summary>Writes every result in order as it comes, calling <paramref name="tick"/> between waits; Ctrl+C stops it.</summary>
        public static void Finish(this OrderedWork work, Action<Task> waitDraining, Action tick, CancellationToken cancellation)
        {
            while (work.Pending > 0)
            {
                waitDraining(Task.WhenAny(work.WhenAllStarted(), Task.Delay(200)));
                work.Drain();
                tick();
                if (cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            }
        }
    }
}
