namespace VodTools.Emulator.Vod;

/// <summary>An index entry: what a SessionId, a bucket/key, a ReferenceId or a job id points to, and since when.</summary>
internal sealed record IndexEntry(string Id, DateTimeOffset Created);
