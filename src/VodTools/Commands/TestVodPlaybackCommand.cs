using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Playback;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks that VOD media play: a ranged GET of each play URL must answer with the stream's bytes and size.</para>
    /// <para type="description">For each media, reads its streams with GetPlayInfo (as Get-VodPlayInfo does, with the same
    /// filters) and asks each play URL for its first 64 KiB, as a player starts. A URL plays when it answers 206 with that
    /// range and the stream's size as GetPlayInfo gave it, or 200 with the whole stream (a server that ignores ranges:
    /// players then cannot seek). Emits one VodPlaybackCheck per play URL, with Playable, the HTTP status, the sizes and a
    /// sentence; a URL that does not play is an object with Playable false, not an error. A media GetPlayInfo refuses (not
    /// Normal, no stream, unknown) is a non-terminating error, as in Get-VodPlayInfo. Reads only a few bytes per stream.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VodPlayback")]
    [OutputType(typeof(VodPlaybackCheck))]
    public sealed class TestVodPlaybackCommand : PlaybackCmdletBase
    {
        private PlaybackProbe? _probe;

        protected override void ProcessRecord()
        {
            _probe ??= new PlaybackProbe(HttpTransport.Shared, TimeSpan.FromSeconds(AttemptTimeoutSec));
            foreach (var id in MediaId)
            {
                var streams = ReadStreams(id);
                if (streams == null) continue;
                foreach (var stream in streams)
                {
                    var check = Await(_probe.ProbeAsync(stream, Cancellation));
                    WriteVerbose($"GET {Redacted(stream.PlayUrl)} (first {PlaybackProbe.ProbeBytes} bytes): {check.StatusCode?.ToString() ?? "no answer"}");
                    WriteObject(check);
                }
            }
        }

        /// <summary>The URL without its query, where a signed URL keeps its signature.</summary>
        private static string? Redacted(string? url)
        {
            var query = url?.IndexOf('?') ?? -1;
            return query < 0 ? url : url!.Substring(0, query) + "?…";
        }
    }
}
