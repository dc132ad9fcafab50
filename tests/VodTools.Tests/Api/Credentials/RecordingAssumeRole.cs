using System.Collections.Concurrent;
using VodTools.Api.Credentials;

namespace VodTools.Tests.Api.Credentials;

/// <summary>An AssumeRole handler that records its calls and returns one-hour STS credentials numbered by call.</summary>
internal sealed class RecordingAssumeRole
{
    private readonly Func<DateTimeOffset> _utcNow;
    private int _count;

    public RecordingAssumeRole(Func<DateTimeOffset> utcNow, TimeSpan? delay = null)
    {
        _utcNow = utcNow;
        Delay = delay ?? TimeSpan.Zero;
    }

    public TimeSpan Delay { get; }

    public int Count => Volatile.Read(ref _count);

    public ConcurrentQueue<(CloudCredentials Source, AssumeRoleParameters Parameters)> Calls { get; } = new();

    public async Task<CloudCredentials> Handle(CloudCredentials source, AssumeRoleParameters parameters, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _count);
        Calls.Enqueue((source, parameters));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return new CloudCredentials($"STS.role{number}", $"role-secret-{number}", $"role-token-{number}", _utcNow() + TimeSpan.FromSeconds(parameters.DurationSeconds));
    }
}
