using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Credentials;

namespace VodTools.Services
{
    /// <summary>The parameters of one CreateUploadVideo call (already validated).</summary>
    public sealed class UploadRequest
    {
        public string Title { get; set; } = string.Empty;
        public string FileName { get; set; } = string.Empty;
        public long FileSize { get; set; }
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public string? CoverUrl { get; set; }
        public long? CateId { get; set; }
        public string? TemplateGroupId { get; set; }
        public string? WorkflowId { get; set; }
        public string? StorageLocation { get; set; }
        public string? AppId { get; set; }
        public string? UserData { get; set; }
    }

    /// <summary>Where and as whom to upload a media file: VOD's UploadAddress and UploadAuth, decoded.</summary>
    public sealed class UploadTarget
    {
        /// <summary>VOD's documented default validity of upload credentials, used when UploadAuth names none.</summary>
        public static readonly TimeSpan DefaultValidity = TimeSpan.FromSeconds(3000);

        public UploadTarget(Uri endpoint, string bucket, string key, string? region, CloudCredentials credentials, DateTimeOffset expires)
        {
            Endpoint = endpoint;
            Bucket = bucket;
            Key = key;
            Region = region;
            Credentials = credentials;
            Expires = expires;
        }

        public Uri Endpoint { get; }
        public string Bucket { get; }
        public string Key { get; }
        /// <summary>The OSS region when UploadAuth names it, else null.</summary>
        public string? Region { get; }
        public CloudCredentials Credentials { get; }
        public DateTimeOffset Expires { get; }

        /// <summary>The region to sign for: UploadAuth's Region, else the endpoint's (oss-&lt;region&gt;[-internal].aliyuncs.com), else <paramref name="fallback"/>.</summary>
        public string SigningRegion(string fallback)
        {
            if (!string.IsNullOrEmpty(Region)) return Region!;
            var label = Endpoint.Host.Split('.')[0];
            if (!label.StartsWith("oss-", StringComparison.Ordinal) || !Endpoint.Host.EndsWith(".aliyuncs.com", StringComparison.Ordinal)) return fallback;
            var region = label.Substring(4);
            return region.EndsWith("-internal", StringComparison.Ordinal) ? region.Substring(0, region.Length - "-internal".Length) : region;
        }

        /// <summary>
        /// Decodes UploadAddress (Base64 JSON Endpoint, Bucket, FileName) and UploadAuth (Base64 JSON AccessKeyId,
        /// AccessKeySecret, SecurityToken, and the UNCONFIRMED ExpireUTCTime, Expiration in seconds, Region).
        /// </summary>
        public static UploadTarget Parse(string uploadAddress, string uploadAuth, DateTimeOffset now)
        {
            using var address = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(uploadAddress)));
            using var auth = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(uploadAuth)));
            var a = address.RootElement;
            var c = auth.RootElement;
            var endpoint = a.Str("Endpoint") ?? throw new FormatException("UploadAddress names no Endpoint.");
            if (!endpoint.Contains("://")) endpoint = "https://" + endpoint;
            var expires = c.Date("ExpireUTCTime") is DateTime expiry ? new DateTimeOffset(expiry)
                : now + (c.Long("Expiration") is long seconds ? TimeSpan.FromSeconds(seconds) : DefaultValidity);
            var credentials = new CloudCredentials(
                c.Str("AccessKeyId") ?? throw new FormatException("UploadAuth names no AccessKeyId."),
                c.Str("AccessKeySecret") ?? throw new FormatException("UploadAuth names no AccessKeySecret."),
                c.Str("SecurityToken"),
                expires);
            return new UploadTarget(new Uri(endpoint), a.Str("Bucket") ?? string.Empty, a.Str("FileName") ?? string.Empty, c.Str("Region"), credentials, expires);
        }
    }

    /// <summary>A media created by CreateUploadVideo, as GetVideoInfo shows it.</summary>
    public sealed class MediaUpload
    {
        public MediaUpload(string mediaId, string? status)
        {
            MediaId = mediaId;
            Status = status;
        }

        public string MediaId { get; }
        public string? Status { get; }

        /// <summary>
        /// True once VOD holds the file (any status but Uploading and UploadFail, the two in which RefreshUploadVideo is for
        /// sending it: API reference, RefreshUploadVideo "after a file failed to be uploaded").
        /// </summary>
        public bool HasFile => Status != "Uploading" && Status != "UploadFail";
    }

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
