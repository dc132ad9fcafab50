using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>GET /_emulator/stats: the counters and the VOD inventory the reliability tests read.</summary>
public class StatsTests
{
    internal static async Task<JsonObject> StatsAsync(Emulator emu) =>
        JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/stats"))!.AsObject();

    [Fact]
    public async Task Counts_requests_and_each_injected_fault_but_not_admin_calls()
    {
        await using var emu = await StartAsync(o => o.Faults = "500:1,delay:1:1");
        Assert.Equal("{\"status\":\"ok\"}", await emu.Http.GetStringAsync("/_emulator/health"));
        for (int i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.InternalServerError, (await emu.StsAsync("GetCallerIdentity")).Status);
        var stats = await StatsAsync(emu);
        Assert.Equal(3, (long)stats["requests"]!);
        Assert.Equal(3, (long)stats["faults.Error500"]!);
        Assert.Equal(3, (long)stats["faults.Delay"]!);
        Assert.Null(stats["faults.Drop"]);
        Assert.Empty(stats["videos"]!.AsArray());
    }

    [Fact]
    public async Task Lists_every_video_and_transcode_task_with_what_identifies_it()
    {
        await using var emu = await StartAsync(o => o.TranscodeSeconds = 0);
        using (await emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        using (await emu.OssAsync(HttpMethod.Put, "media-archive", "films/a.mp4", content: new StringContent("movie"))) { }
        var groups = (await emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray();
        var item = new JsonArray(new JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a.mp4", ["Title"] = "a" });
        var registered = await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", item.ToJsonString(), "TemplateGroupId", (string)groups[0]!["TranscodeTemplateGroupId"]!));
        string id = (string)registered.Body["RegisteredMediaList"]![0]!["MediaId"]!;

        var stats = await StatsAsync(emu);
        var video = Assert.Single(stats["videos"]!.AsArray())!;
        Assert.Equal(id, (string)video["videoId"]!);
        Assert.Equal("media-archive", (string)video["bucket"]!);
        Assert.Equal("films/a.mp4", (string)video["key"]!);
        var task = Assert.Single(stats["transcodeTasks"]!.AsArray())!;
        Assert.Equal(id, (string)task["videoId"]!);
        Assert.Equal("Auto", (string)task["trigger"]!);
    }
}
