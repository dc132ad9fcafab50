using VodTools.Services.Pacing;

namespace VodTools.Tests.Services.Pacing;

/// <summary>The rate a progress bar shows: over the last window of samples, from explicit times (no clock).</summary>
public sealed class RateWindowTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Is_zero_until_two_samples_a_second_apart_then_the_count_per_second_over_the_window()
    {
        var rate = new RateWindow(TimeSpan.FromSeconds(20));
        Assert.Equal(0, rate.Sample(Start, 0));
        Assert.Equal(0, rate.Sample(Start.AddMilliseconds(500), 1000));
        Assert.Equal(1000, rate.Sample(Start.AddSeconds(2), 2000));
        // samples older than the window stop counting: 30 s on, the rate is that of the last 20 s or so
        rate.Sample(Start.AddSeconds(25), 2000);
        Assert.Equal(0, rate.Sample(Start.AddSeconds(50), 2000));
    }

    [Theory]
    [InlineData(100.0, 1000L, 10)]
    [InlineData(0.0, 1000L, -1)]
    [InlineData(100.0, 0L, -1)]
    public void Seconds_left_is_unknown_without_a_rate_or_anything_left(double rate, long left, int expected) =>
        Assert.Equal(expected, RateWindow.SecondsLeft(rate, left));
}
