using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>RegisterMedia: files in OSS become media once each; the rest are reported.</summary>
public class RegistrationTests : MediaArchiveTests
{
    [Fact]
    public async Task RegisterMedia_registers_existing_objects_once_and_reports_the_rest()
    {
        var items = new JsonArray(
            new JsonObject { ["FileURL"] = Url("films/a b.mp4"), ["Title"] = "A" },
            new JsonObject { ["FileURL"] = Url("films/missing.mp4"), ["Title"] = "B" },
            new JsonObject { ["FileURL"] = Url("notes.txt"), ["Title"] = "C" },
            new JsonObject { ["FileURL"] = "https://other-bucket.oss-cn-shanghai.aliyuncs.com/x.mp4", ["Title"] = "D" },
            new JsonObject { ["FileURL"] = Url("films/a b.mp4").Replace("cn-shanghai", "cn-beijing"), ["Title"] = "wrong region" });
        var first = await Emu.VodAsync("RegisterMedia", P("RegisterMetadatas", items.ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));
        var registered = first.Body["RegisteredMediaList"]!.AsArray();
        Assert.Single(registered);
        Assert.True((bool)registered[0]!["NewRegister"]!);
        Assert.Equal(4, first.Body["FailedFileURLs"]!.AsArray().Count);

        var again = await Emu.VodAsync("RegisterMedia", P("RegisterMetadatas", new JsonArray(new JsonObject { ["FileURL"] = Url("films/a b.mp4"), ["Title"] = "A" }).ToJsonString()));
        Assert.False((bool)again.Body["RegisteredMediaList"]![0]!["NewRegister"]!);
        Assert.Equal((string?)registered[0]!["MediaId"], (string?)again.Body["RegisteredMediaList"]![0]!["MediaId"]);
        Assert.Equal("Normal", await VideoStatusAsync((string)registered[0]!["MediaId"]!));

        var tooMany = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["FileURL"] = Url("x" + i + ".mp4"), ["Title"] = "t" }).ToArray());
        Assert.Equal("InvalidParameter", (await Emu.VodAsync("RegisterMedia", P("RegisterMetadatas", tooMany.ToJsonString()))).Code);
        var malformed = await Emu.VodAsync("RegisterMedia", P("RegisterMetadatas", "[{\"FileURL\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("InvalidParameter", malformed.Code);
        Assert.Equal("MissingParameter", (await Emu.VodAsync("RegisterMedia")).Code);
    }
}
