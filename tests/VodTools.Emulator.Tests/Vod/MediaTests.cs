using System.Net;
using System.Text;
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
}
