namespace VodTools.Emulator.Vod;

/// <summary>What a successful transcode job produced (the same facts GetTranscodeTask, GetPlayInfo and the
/// StreamTranscodeComplete event report): a stream as long as the source, at 1280x720.</summary>
/// <param name="Key">its object key, beside the video's file</param>
internal sealed record OutputStream(string Key, string Format, string Duration, long Size, string Bitrate, string Fps, int Width, int Height);
