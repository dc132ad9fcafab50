using System.Diagnostics;
using VodTools.Api.Http;

namespace VodTools.Tests.Api.Http;

/// <summary>How many pieces of work a fan-out keeps in flight, on a clock the test moves (no real time is measured).</summary>
public sealed class InFlightLimitTests
{
    private long _now;

    private InFlightLimit OnTestClock(InFlightLimit limit)
    {
        limit.Clock = () => _now;
        return limit;
    }

    private void Advance(double seconds) => _now += (long)(seconds * Stopwatch.Frequency);

    /// <summary>One piece of work that holds its slot for <paramref name="seconds"/>, <paramref name="quotaSeconds"/> of them waiting for the QPS budget.</summary>
    private async Task RunPieceAsync(InFlightLimit limit, double seconds, double quotaSeconds = 0) =>
        await limit.RunAsync(() =>
        {
            Advance(seconds);
            InFlightLimit.QuotaWaited((long)(quotaSeconds * Stopwatch.Frequency));
            return Task.CompletedTask;
        }, CancellationToken.None);

    /// <summary>Runs pieces of <paramref name="seconds"/> one after another; returns the limit after each.</summary>
    private async Task<List<int>> RunPiecesAsync(InFlightLimit limit, int count, double seconds)
    {
        var limits = new List<int>();
        for (var i = 0; i < count; i++)
        {
            await RunPieceAsync(limit, seconds);
            limits.Add(limit.Limit);
        }
        return limits;
    }

    [Fact]
    public async Task Keeps_the_quota_times_the_time_of_a_call_in_flight_with_headroom()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        Assert.Equal(8, limit.Limit); // before any call has ended: the count that serves a near link
        await RunPiecesAsync(limit, 20, 0.25);
        Assert.Equal(19, limit.Limit); // 50/s x 0.25 s x 1.5 = 18.75
        Assert.Equal(TimeSpan.FromSeconds(0.25), limit.TypicalTime);
        await RunPiecesAsync(limit, 40, 0.5);
        Assert.Equal(38, limit.Limit); // the typical time has moved to 0.5 s: 50 x 0.5 x 1.5 = 37.5
        await RunPiecesAsync(limit, 40, 0.002);
        Assert.Equal(8, limit.Limit); // near the region: never fewer than the near count
    }

    [Fact]
    public async Task Rises_by_one_as_each_piece_ends_and_falls_at_once()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        var rising = await RunPiecesAsync(limit, 12, 0.25);
        Assert.Equal(new[] { 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19 }, rising);
        var falling = await RunPiecesAsync(limit, 1, 0.01);
        Assert.Equal(16, falling.Single()); // typical 0.2 s (0.25 moved a fifth of the way to 0.01): 50 x 0.202 x 1.5 = 15.2
    }

    [Fact]
    public async Task Rises_no_more_once_calls_wait_for_the_QPS_budget()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await RunPiecesAsync(limit, 4, 0.5);
        Assert.Equal(12, limit.Limit);
        for (var i = 0; i < 10; i++) await RunPieceAsync(limit, 0.6, quotaSeconds: 0.1);
        Assert.Equal(12, limit.Limit); // the quota is reached: more in flight would only queue, though the rule wants 38
        await RunPieceAsync(limit, 0.5, quotaSeconds: 0.0005);
        Assert.Equal(13, limit.Limit); // a wait of less than a millisecond is a permit that was free
    }

    [Fact]
    public async Task Never_keeps_more_than_the_ceiling_in_flight()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(100, 10));
        Assert.Equal(new[] { 9, 10, 10 }, await RunPiecesAsync(limit, 3, 2));
        using var low = OnTestClock(InFlightLimit.ForQuota(100, 3));
        Assert.Equal(3, low.Limit); // a ceiling below the near count holds from the start
        Assert.Equal(new[] { 3 }, await RunPiecesAsync(low, 1, 2));
        using var fixedLimit = OnTestClock(InFlightLimit.Fixed(3));
        Assert.Equal(new[] { 3 }, await RunPiecesAsync(fixedLimit, 1, 2));
    }

    [Fact]
    public async Task Leaves_the_waits_for_the_QPS_budget_out_of_the_time_of_a_call()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await RunPieceAsync(limit, 1.1, quotaSeconds: 1.0);
        Assert.Equal(TimeSpan.FromSeconds(0.1), limit.TypicalTime);
        Assert.Equal(8, limit.Limit); // 50 x 0.1 x 1.5 = 7.5, not the 9 a 1.1 s call would start rising to
    }

    [Fact]
    public async Task Tells_each_rise_past_the_highest_limit_so_far()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        var told = new List<(int, TimeSpan)>();
        limit.Raised = (count, typical) => told.Add((count, typical));
        await RunPiecesAsync(limit, 3, 0.25);
        Assert.Equal(new[] { (9, 0.25), (10, 0.25), (11, 0.25) }, told.Select(t => (t.Item1, t.Item2.TotalSeconds)));
        await RunPiecesAsync(limit, 40, 0.002); // rises a little more while the typical time comes down, then falls to 8
        Assert.Equal(8, limit.Limit);
        await RunPiecesAsync(limit, 30, 0.25);  // back up to 19: only the rises past the highest so far are told
        Assert.Equal(Enumerable.Range(9, 11), told.Select(t => t.Item1));
    }

    [Fact]
    public async Task Lets_no_more_pieces_in_than_the_limit_and_takes_slots_back_when_it_falls()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await RunPiecesAsync(limit, 11, 0.25);
        Assert.Equal(19, limit.Limit);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var pieces = Enumerable.Range(0, 25).Select(_ => limit.RunAsync(async () =>
        {
            Interlocked.Increment(ref started);
            await gate.Task;
        }, CancellationToken.None)).ToList();
        Assert.Equal(19, started);

        gate.SetResult(); // every piece now ends at once, having taken no time on the test clock: the limit falls as they do
        await Task.WhenAll(pieces);
        Assert.Equal(25, started);
        Assert.Equal(19, limit.Peak);
        Assert.Equal(8, limit.Limit);
        var waits = Enumerable.Range(0, 9).Select(_ => limit.WaitAsync(CancellationToken.None)).ToList();
        Assert.Equal(8, waits.Count(w => w.IsCompleted)); // the slots given back above the new limit were kept
    }

    [Fact]
    public async Task Pairs_each_release_with_the_wait_of_its_own_flow()
    {
        // as Invoke-VodMigration's stages use it: the loop waits for a slot, then starts the call with Task.Run
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await limit.WaitAsync(CancellationToken.None);
        var first = new TaskCompletionSource();
        var firstCall = Task.Run(async () =>
        {
            await first.Task;
            limit.Release();
        });
        Advance(10);
        await limit.WaitAsync(CancellationToken.None);
        var second = new TaskCompletionSource();
        var secondCall = Task.Run(async () =>
        {
            await second.Task;
            limit.Release();
        });
        Advance(1);
        first.SetResult();
        await firstCall;
        Assert.Equal(TimeSpan.FromSeconds(11), limit.TypicalTime); // the first call's own 11 s, not the 1 s since the second began
        second.SetResult();
        await secondCall;
    }

    [Fact]
    public async Task Sends_enough_parts_to_keep_as_many_moving_as_near_the_region()
    {
        using var limit = OnTestClock(InFlightLimit.ForTransfer(4, TimeSpan.FromSeconds(0.25), 16));
        Assert.Equal(4, limit.Limit);
        Assert.Equal(new[] { 5, 5 }, await RunPiecesAsync(limit, 2, 1.25)); // 1 s moving bytes, 0.25 s waiting: 4 x 1.25 / 1 = 5
        using var far = OnTestClock(InFlightLimit.ForTransfer(4, TimeSpan.FromSeconds(0.25), 16));
        Assert.Equal(16, (await RunPiecesAsync(far, 20, 0.3)).Last()); // 4 x 0.3 / 0.05 = 24, held to the ceiling
        using var near = OnTestClock(InFlightLimit.ForTransfer(4, TimeSpan.Zero, 16));
        Assert.Equal(new[] { 4 }, await RunPiecesAsync(near, 1, 0.3)); // no round trip to hide: the near count
    }
}
