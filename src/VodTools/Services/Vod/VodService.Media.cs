using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>A media's information, its source file and its deletion (alibabacloud-go/vod-20170321 models).</summary>
    public sealed partial class VodService
    {
        /// <summary>GetVideoInfos and DeleteVideo take at most 20 ids.</summary>
        public const int MaxMediaBatch = 20;

        /// <summary>Up to 20 media; ids VOD does not know come back in the second list.</summary>
        public async Task<(IReadOnlyList<VodMedia> Media, IReadOnlyList<string> NonExistent)> GetVideoInfosAsync(IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetVideoInfos", new[] { P("VideoIds", string.Join(",", mediaIds)) }, cancellationToken).ConfigureAwait(false);
            return (result.Items("VideoList", "Video").Select(ReadVideo).ToList(), result.Strings("NonExistVideoIds", "VideoId").ToList());
        }

        internal static VodMedia ReadVideo(JsonElement video) => new VodMedia
        {
            MediaId = video.Str("VideoId") ?? video.Str("MediaId") ?? string.Empty,
            Title = video.Str("Title"),
            Status = video.Str("Status"),
            Description = video.Str("Description"),
            Tags = video.Str("Tags"),
            CateId = video.Long("CateId"),
            CateName = video.Str("CateName") is { Length: > 0 } cateName ? cateName : null,
            CoverUrl = video.Str("CoverURL"),
            Duration = video.Double("Duration"),
            Size = video.Long("Size"),
            TemplateGroupId = video.Str("TemplateGroupId"),
            StorageLocation = video.Str("StorageLocation"),
            AppId = video.Str("AppId"),
            CreationTime = video.Date("CreationTime"),
            ModificationTime = video.Date("ModificationTime"),
        };

        public async Task<VodMezzanine> GetMezzanineInfoAsync(string mediaId, string? outputType, int? authTimeout, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("VideoId", mediaId) };
            Add(parameters, "OutputType", outputType);
            Add(parameters, "AuthTimeout", authTimeout?.ToString(CultureInfo.InvariantCulture));
            var result = await _client.CallAsync("GetMezzanineInfo", parameters, cancellationToken).ConfigureAwait(false);
            var m = result.Prop("Mezzanine") ?? default;
            return new VodMezzanine
            {
                MediaId = m.Str("VideoId") ?? mediaId,
                FileName = m.Str("FileName"),
                FileUrl = m.Str("FileURL"),
                Size = m.Long("Size"),
                Status = m.Str("Status"),
                Duration = m.Double("Duration"),
                Bitrate = m.Str("Bitrate"),
                Fps = m.Str("Fps"),
                Width = m.Long("Width"),
                Height = m.Long("Height"),
                FileMD5 = m.Str("FileMD5"),
                StorageClass = m.Str("StorageClass"),
                CreationTime = m.Date("CreationTime"),
            };
        }

        /// <summary>
        /// Deletes up to 20 media; throws InvalidVideo.NotFound only when none of them exists. When an earlier attempt's
        /// answer was lost, the ids VOD no longer knows may be that attempt's deletions: they come back as
        /// <see cref="DeletedMedia.GoneBeforeAnswer"/>, not as missing.
        /// </summary>
        public async Task<DeletedMedia> DeleteVideosAsync(IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
        {
            var history = new Api.Http.AttemptHistory();
            JsonElement result;
            try
            {
                result = await _client.CallAsync("DeleteVideo", new[] { P("VideoIds", string.Join(",", mediaIds)) }, cancellationToken, history).ConfigureAwait(false);
            }
            catch (Api.Http.CloudException e) when (e.Code == "InvalidVideo.NotFound" && e.AfterUnansweredAttempt)
            {
                return new DeletedMedia(Array.Empty<string>(), Array.Empty<string>(), mediaIds);
            }
            var missing = result.Strings("NonExistVideoIds", "VideoId").ToList();
            var forbidden = result.Strings("ForbiddenVideoIds", "VideoId").ToList();
            return history.AfterUnansweredAttempt
                ? new DeletedMedia(Array.Empty<string>(), forbidden, missing)
                : new DeletedMedia(missing, forbidden, Array.Empty<string>());
        }
    }
}
