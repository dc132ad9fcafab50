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
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));

        var refreshed = await Emu.VodAsync("RefreshUploadVideo", P("VideoId", id));
        Assert.NotEqual((string?)created.Body["UploadAuth"], (string?)refreshed.Body["UploadAuth"]);
        Assert.Equal("InvalidFileName.Extension", (await Emu.VodAsync("CreateUploadVideo", P("Title", "x", "FileName", "noext"))).Code);
        Assert.Equal("InvalidVideo.NotFound", (await Emu.VodAsync("RefreshUploadVideo", P("VideoId", "nope"))).Code);
    }

    [Fact]
    public async Task Upload_credentials_stop_working_after_upload_auth_seconds_though_they_still_say_3000()
    {
        await using var emu = await StartAsync(o => o.UploadAuthSeconds = 60);
        emu.Clock.Freeze(DateTimeOffset.UtcNow);
        var created = await emu.VodAsync("CreateUploadVideo", P("Title", "upload", "FileName", "clip.mp4"));
        var (bucket, key, access, auth) = Decode(created);
        Assert.Equal("3000", (string?)auth["Expiration"]);

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
}
