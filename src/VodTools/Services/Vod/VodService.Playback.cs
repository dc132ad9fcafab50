using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Playback: the streams of a media and their play URLs.</summary>
    public sealed partial class VodService
    {
        /// <summary>
        /// The streams of one media (GetPlayInfo; the latest stream of each definition and format). VOD answers 403
        /// Forbidden.IllegalStatus for a media that is not Normal and 404 InvalidVideo.NoneStream when no stream matches.
        /// </summary>
        public async Task<IReadOnlyList<VodPlayInfo>> GetPlayInfoAsync(string mediaId, PlayInfoRequest request, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("VideoId", mediaId) };
            Add(parameters, "Formats", string.Join(",", request.Formats));
            Add(parameters, "Definition", string.Join(",", request.Definitions));
            Add(parameters, "StreamType", string.Join(",", request.StreamTypes));
            Add(parameters, "OutputType", request.OutputType);
            Add(parameters, "AuthTimeout", request.AuthTimeout?.ToString(CultureInfo.InvariantCulture));
            var result = await _client.CallAsync("GetPlayInfo", parameters, cancellationToken).ConfigureAwait(false);
            return ReadPlayInfo(result, mediaId);
        }

        internal static IReadOnlyList<VodPlayInfo> ReadPlayInfo(JsonElement result, string mediaId)
        {
            var video = result.Prop("VideoBase");
            return result.Items("PlayInfoList", "PlayInfo").Select(p => new VodPlayInfo
            {
                MediaId = video?.Str("VideoId") ?? mediaId,
                Title = video?.Str("Title"),
                Definition = p.Str("Definition"),
                Format = p.Str("Format"),
                StreamType = p.Str("StreamType"),
                Bitrate = p.Double("Bitrate"),
                Width = p.Long("Width"),
                Height = p.Long("Height"),
                Size = p.Long("Size"),
                Duration = p.Double("Duration"),
                PlayUrl = p.Str("PlayURL"),
                Status = p.Str("Status"),
                JobId = p.Str("JobId"),
                Encrypted = p.Long("Encrypt") == 1,
                CreationTime = p.Date("CreationTime"),
            }).ToList();
        }
    }
}
