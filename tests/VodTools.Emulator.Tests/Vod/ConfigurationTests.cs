using System.Net;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Template groups, storage and apps.</summary>
public class ConfigurationTests : MediaArchiveTests
{
    [Fact]
    public async Task Template_groups_domains_storage_and_apps()
    {
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("SetDefaultTranscodeTemplateGroup", P("TranscodeTemplateGroupId", "VOD_NO_TRANSCODE"))).Status);
        Assert.DoesNotContain((await Emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray(), g => (string?)g!["IsDefault"] == "Default");
        var added = await Emu.VodAsync("AddTranscodeTemplateGroup", P("Name", "mine", "TranscodeTemplateList",
            """[{"Video":{"Bitrate":"400","Codec":"H.264","Fps":"30"},"Definition":"SD","Container":{"Format":"mp4"},"TemplateName":"testName","Audio":{"Codec":"AAC","Bitrate":"64","Samplerate":"44100"}}]"""));
        string group = (string)added.Body["TranscodeTemplateGroupId"]!;
        await Emu.VodAsync("SetDefaultTranscodeTemplateGroup", P("TranscodeTemplateGroupId", group));
        var got = (await Emu.VodAsync("GetTranscodeTemplateGroup", P("TranscodeTemplateGroupId", group))).Body["TranscodeTemplateGroup"]!;
        Assert.Equal("Default", (string?)got["IsDefault"]);
        Assert.Equal("{\"Format\":\"mp4\"}", (string?)got["TranscodeTemplateList"]![0]!["Container"]);
        Assert.Equal("InvalidTranscodeTemplateGroup.NotFound", (await Emu.VodAsync("GetTranscodeTemplateGroup", P("TranscodeTemplateGroupId", "nope"))).Code);

        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("AddVodDomain", P("DomainName", "vod.example.com", "Sources", sources))).Status);
        Assert.Equal("DomainAlreadyExist", (await Emu.VodAsync("AddVodDomain", P("DomainName", "vod.example.com", "Sources", sources))).Code);
        Assert.Equal("InvalidSources.Malformed", (await Emu.VodAsync("AddVodDomain", P("DomainName", "b.example.com", "Sources", "{"))).Code);
        var detail = (await Emu.VodAsync("DescribeVodDomainDetail", P("DomainName", "vod.example.com"))).Body["DomainDetail"]!;
        Assert.Equal(443, (int)detail["Sources"]!["Source"]![0]!["Port"]!);
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("DeleteVodDomain", P("DomainName", "vod.example.com"))).Status);
        Assert.Equal("InvalidDomain.NotFound", (await Emu.VodAsync("DescribeVodDomainDetail", P("DomainName", "vod.example.com"))).Code);

        var storage = await Emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket",
            "StorageLocation", "media-archive.oss-cn-shanghai.aliyuncs.com"));
        Assert.Equal("media-archive.oss-cn-shanghai.aliyuncs.com", (string?)storage.Body["StorageLocation"]);
        Assert.Equal("InvalidStorage.NotFound", (await Emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket",
            "StorageLocation", "nobucket.oss-cn-shanghai.aliyuncs.com"))).Code);
        var apps = (await Emu.VodAsync("GetAppInfos", P("AppIds", "app-1000000,app-x"))).Body;
        Assert.Equal("200", (string?)apps["Code"]);
        Assert.Equal("app-1000000", (string?)apps["AppInfoList"]![0]!["AppId"]);
        Assert.Equal("app-x", (string?)apps["NonExistAppIds"]![0]);
    }
}
