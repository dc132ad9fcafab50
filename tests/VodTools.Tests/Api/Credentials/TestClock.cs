namespace VodTools.Tests.Api.Credentials;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class TestClock
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public DateTimeOffset Now => new DateTimeOffset(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
