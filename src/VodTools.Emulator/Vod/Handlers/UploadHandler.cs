using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Sts;

namespace VodTools.Emulator.Vod;

/// <summary>Upload to VOD's storage (CreateUploadVideo, RefreshUploadVideo): a media whose file is yet to come, and the
/// address and temporary key that upload it to this emulator's OSS.</summary>
/// <param name="uploadAuthSeconds">--upload-auth-seconds: the key stops working sooner than it says</param>
internal sealed partial class UploadHandler(VodState state, VodStorage storage, StsApi sts, int? uploadAuthSeconds)
{
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
        string? group = call.Optional("TemplateGroupId");
        if (group != null) state.RequireGroup(group);
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
            TemplateGroupId = group ?? "",
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
        state.Save(video);
        return UploadCredentials(call, video);
    }

    public JsonObject RefreshUploadVideo(RpcCall call) => UploadCredentials(call, state.RequireVideo(call.Required("VideoId")));

    /// <summary>UploadAddress and UploadAuth: base64 JSON naming this emulator as the OSS endpoint and a
    /// fresh STS key (valid 3000 s, as the cloud's upload credentials) that works against it; with --upload-auth-seconds
    /// the key stops working sooner than it says.</summary>
    private JsonObject UploadCredentials(RpcCall call, Video video)
    {
        var expiration = call.Now.AddSeconds(3000);
        // VOD's own role, scoped to the one object (VOD's upload credentials can write only the file they were issued for)
        string scope = $$"""{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"{{AcsResource.Oss(video.Region, call.AccountId, video.Bucket, video.Key)}}"}]}""";
        var works = uploadAuthSeconds is int seconds ? call.Now.AddSeconds(seconds) : expiration;
        var key = sts.Issue(call.AccountId, $"acs:ram::{call.AccountId}:role/aliyunvoduploadrole", "vod-upload", works, scope, serviceRole: true);
        string Base64(JsonObject o) => Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ToJsonString(RpcResponse.Json)));
        return new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["UploadAddress"] = Base64(new JsonObject { ["Endpoint"] = call.BaseUrl, ["Bucket"] = video.Bucket, ["FileName"] = video.Key }),
            ["UploadAuth"] = Base64(new JsonObject
            {
                ["AccessKeyId"] = key.Id,
                ["AccessKeySecret"] = key.Secret,
                ["SecurityToken"] = key.SecurityToken,
                ["Expiration"] = "3000",
                ["ExpireUTCTime"] = RpcCall.Time(expiration),
                ["Region"] = video.Region,
            }),
        };
    }
}
