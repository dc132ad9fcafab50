using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Upload to VOD's storage: credentials that upload to the emulator's OSS, and that stop working early on request.</summary>
public class UploadTests : MediaArchiveTests
{
    private static (string Bucket, string Key, AccessKey Access, JsonNode Auth) Decode(Emulator.RpcResult created)
    {
        var address = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAddress"]!))!;
        var auth = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAuth"]!))!;
        var key = new AccessKey((string)auth["AccessKeyId"]!, (string)auth["AccessKeySecret"]!, "1234567890123456", (string)auth["SecurityToken"]!);
        return ((string)address["Bucket"]!, (string)address["FileName"]!, key, auth);
    }

    [Fact]
    public async Task CreateUploadVideo_hands_out_sts_keys_that_upload_to_the_emulators_oss()
    {
        var created = await Emu.VodAsync("CreateUploadVideo", P("Title", "upload", "FileName", "clip.mp4",
            "StorageLocation", "media-archive.oss-cn-shanghai.aliyuncs.com"));
        string id = (string)created.Body["VideoId"]!;
        var address = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAddress"]!))!;
        var auth = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAuth"]!))!;
        Assert.Equal(Emu.BaseUrl, (string?)address["Endpoint"]);
        Assert.Equal("Uploading", await VideoStatusAsync(id));

        var key = new AccessKey((string)auth["AccessKeyId"]!, (string)auth["AccessKeySecret"]!, "1234567890123456", (string)auth["SecurityToken"]!);
        using var put = await Emu.OssAsync(HttpMethod.Put, (string)address["Bucket"]!, (string)address["FileName"]!,
            content: new ByteArrayContent(Encoding.UTF8.GetBytes("uploaded")), accessKey: key, v4: true);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Transcoding", await VideoStatusAsync(id)); // VOD transcodes it with the default group

        var refreshed = await Emu.VodAsync("RefreshUploadVideo", P("VideoId", id));
        Assert.NotEqual((string?)created.Body["UploadAuth"], (string?)refreshed.Body["UploadAuth"]);
        Assert.Equal("InvalidFileName.Extension", (await Emu.VodAsync("CreateUploadVideo", P("Title", "x", "FileName", "noext"))).Code);
        Assert.Equal("InvalidVideo.NotFound", (await Emu.VodAsync("RefreshUploadVideo", P("VideoId", "nope"))).Code);
    }

    [Fact]
    public async Task Upload_credentials_stop_working_after_upload_auth_seconds_though_they_still_say_3600()
    {
        await using var emu = await StartAsync(o => o.UploadAuthSeconds = 60);
        emu.Clock.Freeze(DateTimeOffset.UtcNow);
        var created = await emu.VodAsync("CreateUploadVideo", P("Title", "upload", "FileName", "clip.mp4"));
        var (bucket, key, access, auth) = Decode(created);
        Assert.Equal("3600", (string?)auth["Expiration"]);

        emu.Clock.Advance(TimeSpan.FromSeconds(61));
        using (var refused = await emu.OssAsync(HttpMethod.Put, bucket, key, content: new ByteArrayContent(Encoding.UTF8.GetBytes("late")), accessKey: access, v4: true))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("<Code>SecurityTokenExpired</Code>", await refused.Content.ReadAsStringAsync());
        }

        var refreshed = Decode(await emu.VodAsync("RefreshUploadVideo", P("VideoId", (string)created.Body["VideoId"]!)));
        using var put = await emu.OssAsync(HttpMethod.Put, bucket, key, content: new ByteArrayContent(Encoding.UTF8.GetBytes("on time")), accessKey: refreshed.Access, v4: true);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>CreateUploadVideoRequest.TemplateGroupId (alibabacloud-go/vod-20170321): "If this parameter is not specified,
    /// transcoding is performed based on the default transcoding template group"; with the No Transcoding group only
    /// FileUploadComplete follows.</summary>
    [Fact]
    public async Task VOD_transcodes_an_uploaded_file_with_the_default_group_or_the_one_given_and_not_with_VOD_NO_TRANSCODE()
    {
        string defaultGroup = (string)(await Emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]![0]!["TranscodeTemplateGroupId"]!;
        async Task<(string Id, JsonNode Address)> UploadAsync(params string[] group)
        {
            var created = await Emu.VodAsync("CreateUploadVideo", P(["Title", "upload", "FileName", "clip.mp4", .. group]));
            var (bucket, key, access, _) = Decode(created);
            using var put = await Emu.OssAsync(HttpMethod.Put, bucket, key, content: new ByteArrayContent(Encoding.UTF8.GetBytes("uploaded")), accessKey: access, v4: true);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            return ((string)created.Body["VideoId"]!, JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAddress"]!))!);
        }
        async Task<JsonArray> TasksAsync(string id) => (await Emu.VodAsync("ListTranscodeTask", P("VideoId", id))).Body["TranscodeTaskList"]!.AsArray();

        var (byDefault, address) = await UploadAsync();
        var task = Assert.Single(await TasksAsync(byDefault));
        Assert.Equal("Auto", (string?)task!["Trigger"]);
        Assert.Equal(defaultGroup, (string?)task["TranscodeTemplateGroupId"]);
        Assert.DoesNotContain(byDefault, (string)address["FileName"]!); // the file name says nothing of the media

        var (none, _) = await UploadAsync("TemplateGroupId", "VOD_NO_TRANSCODE");
        Assert.Empty(await TasksAsync(none));
        Assert.Equal("Normal", await VideoStatusAsync(none));

        var refreshed = Decode(await Emu.VodAsync("RefreshUploadVideo", P("VideoId", byDefault)));
        using (await Emu.OssAsync(HttpMethod.Put, refreshed.Bucket, refreshed.Key, content: new ByteArrayContent(Encoding.UTF8.GetBytes("again")), accessKey: refreshed.Access, v4: true)) { }
        Assert.Equal(2, (await TasksAsync(byDefault)).Count); // a file uploaded again is transcoded again
    }

    [Fact]
    public async Task UploadAuth_carries_the_fields_of_a_real_answer_in_its_order()
    {
        var (_, _, _, auth) = Decode(await Emu.VodAsync("CreateUploadVideo", P("Title", "upload", "FileName", "clip.mp4")));
        Assert.Equal(["SecurityToken", "AccessKeyId", "ExpireUTCTime", "AccessKeySecret", "Expiration", "Region"], auth.AsObject().Select(p => p.Key));
        Assert.Equal("3600", (string?)auth["Expiration"]);
    }

    /// <summary>CreateUploadImage (alibabacloud-go/vod-20170321): ImageType default or cover (required), ImageExt png by default.</summary>
    [Fact]
    public async Task CreateUploadImage_hands_out_credentials_that_upload_the_image_to_its_ImageURL()
    {
        var created = await Emu.VodAsync("CreateUploadImage", P("ImageType", "cover", "Title", "poster"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(32, ((string)created.Body["ImageId"]!).Length);
        var (bucket, key, access, _) = Decode(created);
        Assert.EndsWith(".png", key);
        Assert.Equal($"https://{bucket}.oss-cn-shanghai.aliyuncs.com/{key}", (string?)created.Body["ImageURL"]);
        using var put = await Emu.OssAsync(HttpMethod.Put, bucket, key, content: new ByteArrayContent([0x89, 0x50, 0x4e, 0x47]), accessKey: access, v4: true);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("InvalidParameter", (await Emu.VodAsync("CreateUploadImage", P("ImageType", "poster"))).Code);
        Assert.Equal("InvalidParameter", (await Emu.VodAsync("CreateUploadImage", P("ImageType", "default", "ImageExt", "bmp"))).Code);
        Assert.Equal("MissingParameter", (await Emu.VodAsync("CreateUploadImage")).Code);
    }
}
