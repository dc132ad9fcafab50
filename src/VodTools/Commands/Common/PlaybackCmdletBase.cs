using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands.Common
{
    /// <summary>What Get-VodPlayInfo and Test-VodPlayback share: the media, the stream filters of GetPlayInfo, and its errors.</summary>
    public abstract class PlaybackCmdletBase : VodCmdletBase
    {
        /// <summary>The media ids. Bind from VodMedia.MediaId, TranscodeTask.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>Only streams in these formats (mp4, m3u8, mp3, flv, mpd). Default: every format.</summary>
        [Parameter]
        [ValidateSet("mp4", "m3u8", "mp3", "flv", "mpd")]
        public string[] Format { get; set; } = Array.Empty<string>();

        /// <summary>Only streams of these definitions (FD, LD, SD, HD, OD, 2K, 4K, SQ, HQ, AUTO). Default: every definition.</summary>
        [Parameter]
        [ValidateSet("FD", "LD", "SD", "HD", "OD", "2K", "4K", "SQ", "HQ", "AUTO")]
        public string[] Definition { get; set; } = Array.Empty<string>();

        /// <summary>Only video or only audio streams. Default: both.</summary>
        [Parameter]
        [ValidateSet("video", "audio")]
        public string[] StreamType { get; set; } = Array.Empty<string>();

        /// <summary>The kind of play URL: <c>oss</c> (the bucket's own URL) or <c>cdn</c> (through VOD's accelerated domain). Default: VOD's choice (its current reference says oss, older pages cdn).</summary>
        [Parameter]
        [ValidateSet("oss", "cdn")]
        public string? OutputType { get; set; }

        /// <summary>Seconds a signed play URL stays valid (an OSS URL of your own bucket at most 129600, 36 hours). VOD's default is 3600.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [Alias("AuthTimeout")]
        public int? AuthTimeoutSec { get; set; }

        /// <summary>The streams of one media, or null when GetPlayInfo failed (its error written, the pipeline going on).</summary>
        protected IReadOnlyList<VodPlayInfo>? ReadStreams(string mediaId)
        {
            var request = new PlayInfoRequest { Formats = Format, Definitions = Definition, StreamTypes = StreamType, OutputType = OutputType, AuthTimeout = AuthTimeoutSec };
            try
            {
                return Await(Session.Vod.GetPlayInfoAsync(mediaId, request, Cancellation));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, ErrorIdOf(e), mediaId);
                return null;
            }
        }

        private static string ErrorIdOf(Exception e)
        {
            switch ((e as CloudException)?.Code)
            {
                case "InvalidVideo.NotFound": return "VodMediaNotFound";
                case "InvalidVideo.NoneStream": return "VodMediaHasNoStream";
                case "Forbidden.IllegalStatus": return "VodMediaNotPlayable";
                default: return "VodPlayInfoNotRead";
            }
        }
    }
}
