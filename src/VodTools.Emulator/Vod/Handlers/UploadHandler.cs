using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Sts;

namespace VodTools.Emulator.Vod;

/// <summary>Upload to VOD's storage (CreateUploadVideo, RefreshUploadVideo): a media whose file is yet to come, the
/// address and temporary key that upload it to this emulator's OSS, and what VOD does when the file arrives: FileUploadComplete,
/// and a transcode with the media's template group, the default group when the call named none ("If this parameter is not
/// specified, transcoding is performed based on the default transcoding template group", CreateUploadVideoRequest.TemplateGroupId,
/// alibabacloud-go/vod-20170321), none with VOD_NO_TRANSCODE. A file uploaded again after RefreshUploadVideo is transcoded
/// again ("the transcoding or snapshot capture job is automatically triggered", RefreshUploadVideo's description).</summary>
/// <param name="uploadAuthSeconds">--upload-auth-seconds: the key stops working sooner than it says</param>
internal sealed partial class UploadHandler(VodState state, VodStorage storage, StsApi sts, TranscodeHandler transcodes, EventNotifier events, int? uploadAuthSeconds)
{
    /// <summary>What UploadAuth states: "Expiration" "3600" as a real CreateUploadVideo answer carries it (the upload guide
    /// speaks of 3,000 seconds); the key works until ExpireUTCTime, this long after it was issued.</summary>
    private const int UploadAuthSeconds = 3600;

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex ReferenceIdPattern();

    public JsonObject CreateUploadVideo(RpcCall call)
    {
        string title = call.Required("Title");
        if (!Video.TitleFits(title)) throw Video.TitleTooLong();
        string fileName = call.Required("FileName");
        string extension = Path.GetExtension(fileName);
        if (!Video.IsMediaFile(extension)) throw new RpcException(400, "InvalidFileName.Extension", "The extension of FileName is not supported.");
        string tags = call.Optional("Tags") ?? "";
        if (!Video.TagsFit(tags)) throw Video.TooManyTags();
        string group = call.Optional("TemplateGroupId") ?? state.DefaultGroupId();
        state.RequireGroup(group);
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;
        var (bucket, region) = storage.ForUpload(call.Optional("StorageLocation"), appId);
        var video = new Video
        {
            VideoId = RpcCall.NewId(),
            Title = title,
            Description = call.Optional("Description") ?? "",
            Tags = tags,
            CoverURL = call.Optional("CoverURL") ?? "",
            CateId = call.Int("CateId", -1),
            Bucket = bucket,
            Region = region,
            AppId = appId,
            TemplateGroupId = group,
            UserData = call.Optional("UserData") ?? "",
            NoTranscode = group == TemplateGroup.NoTranscodeId,
            CreationTime = call.Now,
            ModificationTime = call.Now,
        };
        video.KeepFileInVodStorage(extension);
        if (call.Optional("ReferenceId") is { } reference)
        {
            if (!ReferenceIdPattern().IsMatch(reference)) throw RpcException.Invalid("ReferenceId", "6 to 64 letters, digits, hyphens or underscores.");
            // unique per account; the cloud's code for a repeat is not documented
            if (!state.TryReserveReference(reference, video.VideoId, call.Now))
                throw new RpcException(400, "InvalidParameter.ReferenceId", "The specified ReferenceId already exists.");
            video.ReferenceId = reference;
        }
        state.SaveUpload(video, call.Now);
        return new JsonObject { ["VideoId"] = video.VideoId }.Merge(UploadCredentials(call, video.Bucket, video.Region, video.Key));
    }

    /// <summary>OSS stored an object a client sent: when it is the file an upload waits for, FileUploadComplete and the
    /// upload's transcode.</summary>
    public void FileArrived(StoredObject stored)
    {
        if (state.UploadedVideoOf(stored.Bucket, stored.Key) is not { } video) return;
        events.FileUploaded(video, stored.Size, stored.LastModified);
        transcodes.StartAuto(video, stored.LastModified);
    }

    public JsonObject RefreshUploadVideo(RpcCall call)
    {
        var video = state.RequireVideo(call.Required("VideoId"));
        return new JsonObject { ["VideoId"] = video.VideoId }.Merge(UploadCredentials(call, video.Bucket, video.Region, video.Key));
    }

    /// <summary>ImageExt: png (default), jpg, jpeg or gif; ImageType default or cover (CreateUploadImageRequest).</summary>
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { "png", "jpg", "jpeg", "gif" };

    /// <summary>
    /// An image's upload address and credentials (CreateUploadImage, alibabacloud-go/vod-20170321): ImageType (required:
    /// default or cover), ImageExt (png by default, jpg, jpeg, gif); answers ImageId, ImageURL, FileURL, UploadAddress and
    /// UploadAuth. Images are not catalogued here (no GetImageInfo; SearchMedia finds none): the emulator keeps only the file.
    /// Its key, image/TYPE/NAME.EXT, is the emulator's choice.
    /// </summary>
    public JsonObject CreateUploadImage(RpcCall call)
    {
        string imageType = call.Required("ImageType");
        if (imageType is not ("default" or "cover")) throw RpcException.Invalid("ImageType", "Valid values: default, cover.");
        string extension = call.Optional("ImageExt") ?? "png";
        if (!ImageExtensions.Contains(extension)) throw RpcException.Invalid("ImageExt", "Valid values: png, jpg, jpeg, gif.");
        string? title = call.Optional("Title");
        if (title != null && !Video.TitleFits(title)) throw Video.TitleTooLong();
        var (bucket, region) = storage.ForUpload(call.Optional("StorageLocation"), call.Optional("AppId") ?? VodApp.DefaultId);
        string imageId = RpcCall.NewId();
        string key = $"image/{imageType}/{imageId}.{extension.ToLowerInvariant()}";
        string url = StorageLocations.Url(bucket, region, key);
        return new JsonObject { ["ImageId"] = imageId, ["ImageURL"] = url, ["FileURL"] = url }.Merge(UploadCredentials(call, bucket, region, key));
    }

    /// <summary>UploadAddress and UploadAuth: base64 JSON naming this emulator as the OSS endpoint and a
    /// fresh STS key that works against it, its fields in the order of a real answer; with --upload-auth-seconds
    /// the key stops working sooner than it says.</summary>
    private JsonObject UploadCredentials(RpcCall call, string bucket, string region, string key)
    {
        var expiration = call.Now.AddSeconds(UploadAuthSeconds);
        // VOD's own role, scoped to the one object (VOD's upload credentials can write only the file they were issued for)
        string scope = $$"""{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"{{AcsResource.Oss(region, call.AccountId, bucket, key)}}"}]}""";
        var works = uploadAuthSeconds is int seconds ? call.Now.AddSeconds(seconds) : expiration;
        var issued = sts.Issue(call.AccountId, $"acs:ram::{call.AccountId}:role/aliyunvoduploadrole", "vod-upload", works, scope, serviceRole: true);
        string Base64(JsonObject o) => Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ToJsonString(RpcResponse.Json)));
        return new JsonObject
        {
            ["UploadAddress"] = Base64(new JsonObject { ["Endpoint"] = call.BaseUrl, ["Bucket"] = bucket, ["FileName"] = key }),
            ["UploadAuth"] = Base64(new JsonObject
            {
                ["SecurityToken"] = issued.SecurityToken,
                ["AccessKeyId"] = issued.Id,
                ["ExpireUTCTime"] = RpcCall.Time(expiration),
                ["AccessKeySecret"] = issued.Secret,
                ["Expiration"] = UploadAuthSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Region"] = region,
            }),
        };
    }
}
