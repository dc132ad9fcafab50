using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>How long a simulated job runs (--transcode-seconds): a job's progress grows linearly from 0 to 100 over it, so
/// every state follows from when the job started and nothing has to run in the background.</summary>
internal sealed class JobDuration(TimeSpan length)
{
    public int ProgressAt(DateTimeOffset started, DateTimeOffset now) =>
        length <= TimeSpan.Zero ? 100 : (int)Math.Clamp((now - started) / length * 100, 0, 100);

    public bool DoneAt(DateTimeOffset started, DateTimeOffset now) => ProgressAt(started, now) == 100;

    public DateTimeOffset EndOf(DateTimeOffset started) => started + length;

    /// <summary>The CompleteTime of a job that started then: null while it runs.</summary>
    public string? CompleteTime(DateTimeOffset started, DateTimeOffset now) => DoneAt(started, now) ? RpcCall.Time(EndOf(started)) : null;
}
