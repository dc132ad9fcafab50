using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

public class PlaybackTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await StartAsync(o => o.TranscodeSeconds = 10);
        _emu.Clock.Freeze(DateTimeOffset.UtcNow);
        using (await _emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        foreach (var (key, body) in new[] { ("film.mp4", new string('x', 300)), ("song.mp3", "audio") })
            using (await _emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent(body))) { }
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private async Task<string> RegisterAsync(string key, string group)
    {
        var item = new JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/" + Percent.Encode(key, keepSlash: true), ["Title"] = key };
        var result = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", new JsonArray(item).ToJsonString(), "TemplateGroupId", group));
        return (string)result.Body["RegisteredMediaList"]![0]!["MediaId"]!;
    }

    private async Task<string> DefaultGroupAsync() =>
        (string)(await _emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray()
            .Single(g => (string?)g!["IsDefault"] == "Default")!["TranscodeTemplateGroupId"]!;

    [Fact]
    public async Task GetPlayInfo_refuses_a_media_until_its_transcode_has_finished_then_lists_a_stream_per_definition()
    {
        var id = await RegisterAsync("film.mp4", await DefaultGroupAsync());
        var early = await _emu.VodAsync("GetPlayInfo", P("VideoId", id));
        Assert.Equal(HttpStatusCode.Forbidden, early.Status);
        Assert.Equal("Forbidden.IllegalStatus", early.Code);
        Assert.Contains("Current Status is Transcoding", (string?)early.Body["Message"]);

        _emu.Clock.Advance(TimeSpan.FromSeconds(11));
        var result = await _emu.VodAsync("GetPlayInfo", P("VideoId", id));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(id, (string?)result.Body["VideoBase"]!["VideoId"]);
        var streams = result.Body["PlayInfoList"]!["PlayInfo"]!.AsArray();
        Assert.Equal(new[] { "FHD", "HD", "SD" }, streams.Select(s => (string?)s!["Definition"]).OrderBy(d => d));
        Assert.All(streams, s =>
        {
            Assert.Equal("mp4", (string?)s!["Format"]);
            Assert.Equal(300, (long)s["Size"]!);
            Assert.Equal("Normal", (string?)s["Status"]);
            Assert.StartsWith(_emu.BaseUrl + "/_play/" + id + "/", (string?)s["PlayURL"]);
        });

        var hd = (await _emu.VodAsync("GetPlayInfo", P("VideoId", id, "Definition", "HD,LD", "Formats", "mp4"))).Body["PlayInfoList"]!["PlayInfo"]!.AsArray();
        Assert.Equal("HD", (string?)Assert.Single(hd)!["Definition"]);
        var none = await _emu.VodAsync("GetPlayInfo", P("VideoId", id, "Formats", "m3u8"));
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal("InvalidVideo.NoneStream", none.Code);
        Assert.Contains("Formats: m3u8", (string?)none.Body["Message"]);
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("GetPlayInfo", P("VideoId", id, "OutputType", "ftp"))).Code);
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("GetPlayInfo", P("VideoId", id, "AuthTimeout", "129601"))).Code);
    }

    /// <summary>CreateUploadVideoRequest.TemplateGroupId (alibabacloud-go/vod-20170321): "If you use the No Transcoding
    /// template group to upload videos, only videos in the format of MP4, FLV, MP3, M3U8, or WebM can be played."</summary>
    [Fact]
    public async Task GetPlayInfo_plays_the_source_of_a_media_without_transcoding_in_a_format_VOD_plays_and_no_other()
    {
        using (await _emu.OssAsync(HttpMethod.Put, "media-archive", "clip.mov", content: new StringContent("quicktime"))) { }
        var song = await RegisterAsync("song.mp3", "VOD_NO_TRANSCODE");
        var played = await _emu.VodAsync("GetPlayInfo", P("VideoId", song));
        var info = Assert.Single(played.Body["PlayInfoList"]!["PlayInfo"]!.AsArray())!;
        Assert.Equal("OD", (string?)info["Definition"]);
        Assert.Equal("mp3", (string?)info["Format"]);
        Assert.Equal("audio", (string?)info["StreamType"]);
        using (var bytes = await new HttpClient().GetAsync((string)info["PlayURL"]!))
            Assert.Equal("audio", await bytes.Content.ReadAsStringAsync());
        Assert.Equal("InvalidVideo.NoneStream", (await _emu.VodAsync("GetPlayInfo", P("VideoId", song, "Formats", "mp4"))).Code);
        // transcoded later, it plays its own streams
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", song, "TemplateGroupId", await DefaultGroupAsync()))).Status);
        _emu.Clock.Advance(TimeSpan.FromSeconds(11));
        var streams = (await _emu.VodAsync("GetPlayInfo", P("VideoId", song))).Body["PlayInfoList"]!["PlayInfo"]!.AsArray();
        Assert.Equal(["FHD", "HD", "SD"], streams.Select(p => (string)p!["Definition"]!).Order());

        var mov = await RegisterAsync("clip.mov", "VOD_NO_TRANSCODE");
        var none = await _emu.VodAsync("GetPlayInfo", P("VideoId", mov));
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal("InvalidVideo.NoneStream", none.Code);
        var unknown = await _emu.VodAsync("GetPlayInfo", P("VideoId", "ffffffffffffffffffffffffffffffff"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("InvalidVideo.NotFound", unknown.Code);
    }

    [Fact]
    public async Task A_play_URL_answers_ranges_of_the_stream_without_a_signature_and_404_once_the_media_is_gone()
    {
        var id = await RegisterAsync("film.mp4", await DefaultGroupAsync());
        _emu.Clock.Advance(TimeSpan.FromSeconds(11));
        var url = (string)(await _emu.VodAsync("GetPlayInfo", P("VideoId", id))).Body["PlayInfoList"]!["PlayInfo"]![0]!["PlayURL"]!;

        using var ranged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 99) } };
        using var partial = await _emu.Http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(300, partial.Content.Headers.ContentRange!.Length);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        using var whole = await _emu.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(new string('x', 300), await whole.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("DeleteVideo", P("VideoIds", id))).Status);
        using var gone = await _emu.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var unknown = await _emu.Http.GetAsync(_emu.BaseUrl + "/_play/nothing/hd/x.mp4");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
