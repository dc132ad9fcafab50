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

    [Fact]
    public async Task Keeps_the_quota_times_the_time_of_a_call_in_flight_with_headroom()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        Assert.Equal(8, limit.Limit); // before any call has ended
        await RunPieceAsync(limit, 0.25);
        Assert.Equal(19, limit.Limit); // 50/s x 0.25 s x 1.5 = 18.75
        Assert.Equal(TimeSpan.FromSeconds(0.25), limit.TypicalTime);
        for (var i = 0; i < 40; i++) await RunPieceAsync(limit, 0.5);
        Assert.Equal(38, limit.Limit); // the typical time has moved to 0.5 s: 50 x 0.5 x 1.5 = 37.5
        for (var i = 0; i < 40; i++) await RunPieceAsync(limit, 0.002);
        Assert.Equal(1, limit.Limit); // on loopback one call at a time reaches 50/s
    }

    [Fact]
    public async Task Never_keeps_more_than_the_ceiling_in_flight()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(100, 10));
        await RunPieceAsync(limit, 2);
        Assert.Equal(10, limit.Limit);
        using var fixedLimit = OnTestClock(InFlightLimit.Fixed(3));
        await RunPieceAsync(fixedLimit, 2);
        Assert.Equal(3, fixedLimit.Limit);
    }

    [Fact]
    public async Task Leaves_the_waits_for_the_QPS_budget_out_of_the_time_of_a_call()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await RunPieceAsync(limit, 1.1, quotaSeconds: 1.0);
        Assert.Equal(TimeSpan.FromSeconds(0.1), limit.TypicalTime);
        Assert.Equal(8, limit.Limit); // 50 x 0.1 x 1.5 = 7.5, not the 64 a 1.1 s call would ask for
    }

    [Fact]
    public async Task Lets_no_more_pieces_in_than_the_limit_and_takes_slots_back_when_it_falls()
    {
        using var limit = OnTestClock(InFlightLimit.ForQuota(50, 64));
        await RunPieceAsync(limit, 0.25);
        Assert.Equal(19, limit.Limit);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var pieces = Enumerable.Range(0, 25).Select(_ => limit.RunAsync(async () =>
        {
            Interlocked.Increment(ref started);
            await gate.Task;
        }, CancellationToken.None)).ToList();
        Assert.Equal(19, started);

        gate.SetResult(); // every piece now ends at once: the limit falls as they do
        await Task.WhenAll(pieces);
        Assert.Equal(25, started);
        Assert.Equal(19, limit.Peak);
        Assert.Equal(1, limit.Limit);
        var (first, second) = (limit.WaitAsync(CancellationToken.None), limit.WaitAsync(CancellationToken.None));
        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted); // the slots given back above the new limit were kept
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
        await RunPieceAsync(limit, 1.25);
        Assert.Equal(5, limit.Limit); // 1 s moving bytes, 0.25 s waiting: 4 x 1.25 / 1 = 5
        using var far = OnTestClock(InFlightLimit.ForTransfer(4, TimeSpan.FromSeconds(0.25), 16));
        await RunPieceAsync(far, 0.3);
        Assert.Equal(16, far.Limit); // 4 x 0.3 / 0.05 = 24, held to the ceiling
    }
}
