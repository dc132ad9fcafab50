using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>What resumable uploads need of the emulator: upload credentials that stop working early on request, and
/// counts of the OSS upload operations in /_emulator/stats.</summary>
public class UploadTests
{
    private static (string Bucket, string Key, AccessKey Access, JsonNode Auth) Decode(Emulator.RpcResult created)
    {
        var address = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAddress"]!))!;
        var auth = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAuth"]!))!;
        var key = new AccessKey((string)auth["AccessKeyId"]!, (string)auth["AccessKeySecret"]!, "1234567890123456", (string)auth["SecurityToken"]!);
        return ((string)address["Bucket"]!, (string)address["FileName"]!, key, auth);
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

    [Fact]
    public async Task Stats_count_each_oss_upload_operation()
    {
        await using var emu = await StartAsync();
        using (await emu.OssAsync(HttpMethod.Put, "media")) { }
        using (await emu.OssAsync(HttpMethod.Put, "media", "a.mp4", content: new StringContent("whole"))) { }
        using var initiated = await emu.OssAsync(HttpMethod.Post, "media", "b.mp4", query: "uploads");
        var uploadId = System.Xml.Linq.XDocument.Parse(await initiated.Content.ReadAsStringAsync()).Root!.Elements().Single(e => e.Name.LocalName == "UploadId").Value;
        for (var n = 1; n <= 2; n++)
            using (await emu.OssAsync(HttpMethod.Put, "media", "b.mp4", query: $"partNumber={n}&uploadId={uploadId}", content: new StringContent("part"))) { }
        using (await emu.OssAsync(HttpMethod.Get, "media", "b.mp4", query: $"uploadId={uploadId}")) { }

        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal(1, (long)stats["oss.PutObject"]!);
        Assert.Equal(1, (long)stats["oss.InitiateMultipartUpload"]!);
        Assert.Equal(2, (long)stats["oss.UploadPart"]!);
        Assert.Equal(1, (long)stats["oss.ListParts"]!);
        Assert.Null(stats["oss.CompleteMultipartUpload"]);
        Assert.Equal(1, (long)stats["peakConcurrentRequests"]!);
    }
}
