namespace VodTools.Emulator.Hosting;

/// <summary>The emulator's notion of "now": the system clock, optionally frozen at a given instant or
/// shifted, so tests can check clock skew, token expiry and transcoding progress without waiting.</summary>
public sealed class EmulatorClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _frozenAt;
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return (_frozenAt ?? base.GetUtcNow()) + _offset;
    }

    /// <summary>Stops the clock at <paramref name="instant"/> (null lets it run again).</summary>
    public void Freeze(DateTimeOffset? instant)
    {
        lock (_gate) { _frozenAt = instant; _offset = TimeSpan.Zero; }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _offset += by;
    }
}
