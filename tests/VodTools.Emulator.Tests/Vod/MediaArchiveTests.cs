using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The fixture of the VOD tests: an emulator (jobs run 10 s, the clock frozen) with bucket media-archive holding
/// two media files with awkward names, an empty one and a text file, and the calls they share.</summary>
public abstract class MediaArchiveTests : IAsyncLifetime
{
    private protected Emulator Emu { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emu = await StartAsync(o => o.TranscodeSeconds = 10);
        Emu.Clock.Freeze(DateTimeOffset.UtcNow);
        using (await Emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        foreach (var (key, body) in new[] { ("films/a b.mp4", "movie"), ("films/视频.mov", "clip"), ("empty.mp4", ""), ("notes.txt", "text") })
            using (await Emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent(body))) { }
    }

    public async Task DisposeAsync() => await Emu.DisposeAsync();

    protected static string Url(string key) => "https://media-archive.oss-cn-shanghai.aliyuncs.com/" + Percent.Encode(key, keepSlash: true);

    protected async Task<string> RegisterAsync(string key, string? group = null)
    {
        var parameters = P("RegisterMetadatas", new JsonArray(new JsonObject { ["FileURL"] = Url(key), ["Title"] = key }).ToJsonString());
        if (group != null) parameters["TemplateGroupId"] = group;
        var result = await Emu.VodAsync("RegisterMedia", parameters);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return (string)result.Body["RegisteredMediaList"]![0]!["MediaId"]!;
    }

    protected async Task<string> VideoStatusAsync(string id) =>
        (string)(await Emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!["Status"]!;

    protected async Task<string> DefaultGroupAsync()
    {
        var list = (await Emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray();
        return (string)list.Single(g => (string?)g!["IsDefault"] == "Default")!["TranscodeTemplateGroupId"]!;
    }
}
