using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Upload credentials (CreateUploadVideo, RefreshUploadVideo in alibabacloud-go/vod-20170321).</summary>
    public sealed partial class VodService
    {
        /// <summary>
        /// Creates the media once and returns its id with where to upload its file. CreateUploadVideo makes a new media each
        /// time, so every request carries a ReferenceId (VOD keeps it unique per account): after an answer lost, the
        /// media is looked up by it (GetVideoInfo) and, when found, given fresh upload credentials (RefreshUploadVideo);
        /// when not found the request is sent once more with the same ReferenceId, which VOD refuses if the first was done.
        /// The <c>reference</c> is 6 to 64 letters, digits, hyphens or underscores, not used before in the account.
        /// </summary>
        public async Task<(string MediaId, UploadTarget Target)> CreateUploadVideoOnceAsync(UploadRequest request, string reference, CancellationToken cancellationToken)
        {
            for (var resent = false; ; resent = true)
            {
                try
                {
                    return await CreateUploadVideoAsync(request, reference, cancellationToken).ConfigureAwait(false);
                }
                catch (Api.Http.CloudException e) when (e.OutcomeUnknown || (resent && e.HttpStatus / 100 == 4))
                {
                    var found = await LookUpOrNullAsync(() => FindUploadAsync(reference, cancellationToken)).ConfigureAwait(false);
                    if (found != null) return (found.MediaId, await RefreshUploadVideoAsync(found.MediaId, cancellationToken).ConfigureAwait(false));
                    if (resent || !e.OutcomeUnknown)
                        throw new OutcomeUnknownException("VodUploadOutcomeUnknown",
                            $"VOD may have created a media for '{request.FileName}' although the answer was lost ({e.Code}), and it could not be found again by its reference {reference}.",
                            $"Look for a media titled '{request.Title}' in status Uploading in the VOD console (its ReferenceId is {reference}); remove it with Remove-VodMedia, then send the file again.", e);
                }
            }
        }

        /// <summary>The id and status of the media created with this ReferenceId (GetVideoInfo), or null when VOD has none.</summary>
        public async Task<MediaUpload?> FindUploadAsync(string reference, CancellationToken cancellationToken)
        {
            try
            {
                var result = await _client.CallAsync("GetVideoInfo", new[] { P("ReferenceId", reference) }, cancellationToken).ConfigureAwait(false);
                var video = result.Prop("Video") ?? default;
                var id = video.Str("VideoId");
                return id == null ? null : new MediaUpload(id, video.Str("Status"));
            }
            catch (Api.Http.CloudException e) when (e.Code == "InvalidVideo.NotFound")
            {
                return null;
            }
        }

        private async Task<(string MediaId, UploadTarget Target)> CreateUploadVideoAsync(UploadRequest request, string reference, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                P("Title", request.Title),
                P("FileName", request.FileName),
                P("FileSize", request.FileSize.ToString(CultureInfo.InvariantCulture)),
            };
            Add(parameters, "Description", request.Description);
            Add(parameters, "Tags", request.Tags);
            Add(parameters, "CoverURL", request.CoverUrl);
            Add(parameters, "CateId", request.CateId?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "TemplateGroupId", request.TemplateGroupId);
            Add(parameters, "WorkflowId", request.WorkflowId);
            Add(parameters, "StorageLocation", request.StorageLocation);
            Add(parameters, "AppId", request.AppId);
            Add(parameters, "UserData", request.UserData);
            Add(parameters, "ReferenceId", reference);
            var result = await _client.CallUnsafeAsync("CreateUploadVideo", parameters, cancellationToken).ConfigureAwait(false);
            return (result.Str("VideoId") ?? string.Empty, ReadTarget(result));
        }

        /// <summary>Fresh upload credentials for a media created by CreateUploadVideo.</summary>
        public async Task<UploadTarget> RefreshUploadVideoAsync(string mediaId, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("RefreshUploadVideo", new[] { P("VideoId", mediaId) }, cancellationToken).ConfigureAwait(false);
            return ReadTarget(result);
        }

        private static UploadTarget ReadTarget(JsonElement result) =>
            UploadTarget.Parse(result.Str("UploadAddress") ?? string.Empty, result.Str("UploadAuth") ?? string.Empty, DateTimeOffset.UtcNow);
    }
}
