using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Media information and deletion.</summary>
public class MediaTests : MediaArchiveTests
{
    [Fact]
    public async Task Media_info_and_deletion()
    {
        string id = await RegisterAsync("films/a b.mp4");
        var mezzanine = (await Emu.VodAsync("GetMezzanineInfo", P("VideoId", id))).Body["Mezzanine"]!;
        Assert.Equal(5, (long)mezzanine["Size"]!);
        Assert.Equal(Url("films/a b.mp4"), (string?)mezzanine["FileURL"]);
        var infos = (await Emu.VodAsync("GetVideoInfos", P("VideoIds", id + ",missing"))).Body;
        Assert.Equal(id, (string?)infos["VideoList"]![0]!["VideoId"]);
        Assert.Equal("missing", (string?)infos["NonExistVideoIds"]![0]);

        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("UpdateVideoInfo", P("VideoId", id, "Title", "new title", "Tags", "a,b"))).Status);
        var updated = (await Emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!;
        Assert.Equal("new title", (string?)updated["Title"]);
        Assert.Equal("a,b", (string?)updated["Tags"]);
        var kept = await Emu.VodAsync("DeleteMezzanines", P("VideoIds", id));
        Assert.Equal(id, (string?)kept.Body["UnRemoveableVideoIds"]![0]);
        Assert.Empty((await Emu.VodAsync("DeleteMezzanines", P("VideoIds", id, "Force", "true"))).Body["UnRemoveableVideoIds"]!.AsArray());
        Assert.Equal("InvalidFile.NotFound", (await Emu.VodAsync("GetMezzanineInfo", P("VideoId", id))).Code);
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));

        var deleted = await Emu.VodAsync("DeleteVideo", P("VideoIds", id + ",missing"));
        Assert.Equal("missing", (string?)deleted.Body["NonExistVideoIds"]![0]);
        var gone = await Emu.VodAsync("GetVideoInfo", P("VideoId", id));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("InvalidVideo.NotFound", gone.Code);
        Assert.Equal("InvalidVideo.NotFound", (await Emu.VodAsync("DeleteVideo", P("VideoIds", id))).Code);
        Assert.Equal("VideoIdsExceededMax", (await Emu.VodAsync("DeleteVideo", P("VideoIds", string.Join(",", Enumerable.Range(0, 21))))).Code);
    }

    /// <summary>GetMezzanineInfoRequest.OutputType (alibabacloud-go/vod-20170321): "cdn (default): Content Delivery Network
    /// (CDN) URL"; oss gives the OSS URL.</summary>
    [Fact]
    public async Task GetMezzanineInfo_gives_the_CDN_URL_by_default_and_the_OSS_URL_when_asked()
    {
        string id = await RegisterAsync("films/a b.mp4");
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("AddVodDomain", P("DomainName", "play.example.com",
            "Sources", """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]"""))).Status);
        var byDefault = (await Emu.VodAsync("GetMezzanineInfo", P("VideoId", id))).Body["Mezzanine"]!;
        Assert.Equal("http://play.example.com/films/a%20b.mp4", (string?)byDefault["FileURL"]);
        Assert.Equal("cdn", (string?)byDefault["OutputType"]);
        var oss = (await Emu.VodAsync("GetMezzanineInfo", P("VideoId", id, "OutputType", "oss"))).Body["Mezzanine"]!;
        Assert.Equal(Url("films/a b.mp4"), (string?)oss["FileURL"]);
    }

    /// <summary>Required parameters of the SDK models (ListTranscodeTaskRequest.VideoId; AddCategoryRequest.ParentId with Type
    /// material), NonExistVideoIds naming only media that do not exist (GetTranscodeSummaryResponseBody), and UpdateVideoInfos
    /// changing a field "only when a new value is passed".</summary>
    [Fact]
    public async Task What_the_SDK_models_require_and_name_is_held_to()
    {
        Assert.Equal("MissingParameter", (await Emu.VodAsync("ListTranscodeTask", P("StartTime", "2026-01-01T00:00:00Z", "EndTime", "2026-01-02T00:00:00Z"))).Code);
        Assert.Equal("MissingParameter", (await Emu.VodAsync("AddCategory", P("CateName", "Clips", "Type", "material"))).Code);

        string id = await RegisterAsync("films/视频.mov");
        var summary = (await Emu.VodAsync("GetTranscodeSummary", P("VideoIds", id + ",missing"))).Body;
        Assert.Equal(["missing"], summary["NonExistVideoIds"]!.AsArray().Select(n => (string)n!));
        Assert.Empty(summary["TranscodeSummaryList"]!.AsArray());

        var emptyTitle = new JsonArray(new JsonObject { ["VideoId"] = id, ["Title"] = "", ["Description"] = "kept apart" });
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("UpdateVideoInfos", P("UpdateContent", emptyTitle.ToJsonString()))).Status);
        var video = (await Emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!;
        Assert.Equal("films/视频.mov", (string?)video["Title"]);
        Assert.Equal("kept apart", (string?)video["Description"]);
    }
}
