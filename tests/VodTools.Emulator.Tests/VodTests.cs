using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

public class VodTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await StartAsync(o => o.TranscodeSeconds = 10);
        _emu.Clock.Freeze(DateTimeOffset.UtcNow);
        using (await _emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        foreach (var (key, body) in new[] { ("films/a b.mp4", "movie"), ("films/视频.mov", "clip"), ("empty.mp4", ""), ("notes.txt", "text") })
            using (await _emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent(body))) { }
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private static string Url(string key) => "https://media-archive.oss-cn-shanghai.aliyuncs.com/" + Percent.Encode(key, keepSlash: true);

    private async Task<string> RegisterAsync(string key, string? group = null)
    {
        var parameters = P("RegisterMetadatas", new JsonArray(new JsonObject { ["FileURL"] = Url(key), ["Title"] = key }).ToJsonString());
        if (group != null) parameters["TemplateGroupId"] = group;
        var result = await _emu.VodAsync("RegisterMedia", parameters);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return (string)result.Body["RegisteredMediaList"]![0]!["MediaId"]!;
    }

    private async Task<string> VideoStatusAsync(string id) =>
        (string)(await _emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!["Status"]!;

    private async Task<string> DefaultGroupAsync()
    {
        var list = (await _emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray();
        return (string)list.Single(g => (string?)g!["IsDefault"] == "Default")!["TranscodeTemplateGroupId"]!;
    }

    [Fact]
    public async Task RegisterMedia_registers_existing_objects_once_and_reports_the_rest()
    {
        var items = new JsonArray(
            new JsonObject { ["FileURL"] = Url("films/a b.mp4"), ["Title"] = "A" },
            new JsonObject { ["FileURL"] = Url("films/missing.mp4"), ["Title"] = "B" },
            new JsonObject { ["FileURL"] = Url("notes.txt"), ["Title"] = "C" },
            new JsonObject { ["FileURL"] = "https://other-bucket.oss-cn-shanghai.aliyuncs.com/x.mp4", ["Title"] = "D" },
            new JsonObject { ["FileURL"] = Url("films/a b.mp4").Replace("cn-shanghai", "cn-beijing"), ["Title"] = "wrong region" });
        var first = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", items.ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));
        var registered = first.Body["RegisteredMediaList"]!.AsArray();
        Assert.Single(registered);
        Assert.True((bool)registered[0]!["NewRegister"]!);
        Assert.Equal(4, first.Body["FailedFileURLs"]!.AsArray().Count);

        var again = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", new JsonArray(new JsonObject { ["FileURL"] = Url("films/a b.mp4"), ["Title"] = "A" }).ToJsonString()));
        Assert.False((bool)again.Body["RegisteredMediaList"]![0]!["NewRegister"]!);
        Assert.Equal((string?)registered[0]!["MediaId"], (string?)again.Body["RegisteredMediaList"]![0]!["MediaId"]);
        Assert.Equal("Normal", await VideoStatusAsync((string)registered[0]!["MediaId"]!));

        var tooMany = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["FileURL"] = Url("x" + i + ".mp4"), ["Title"] = "t" }).ToArray());
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", tooMany.ToJsonString()))).Code);
        var malformed = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", "[{\"FileURL\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("InvalidParameter", malformed.Code);
        Assert.Equal("MissingParameter", (await _emu.VodAsync("RegisterMedia")).Code);
    }

    [Fact]
    public async Task DescribeVodUserDomains_lists_the_accounts_domains_a_page_at_a_time()
    {
        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        foreach (var name in new[] { "a.example.com", "b.example.com", "c.example.org" })
            Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("AddVodDomain", P("DomainName", name, "Sources", sources))).Status);

        var first = (await _emu.VodAsync("DescribeVodUserDomains", P("PageSize", "2"))).Body;
        Assert.Equal(3, (int)first["TotalCount"]!);
        Assert.Equal((1, 2), ((int)first["PageNumber"]!, (int)first["PageSize"]!));
        var items = first["Domains"]!["PageData"]!.AsArray();
        Assert.Equal(new[] { "a.example.com", "b.example.com" }, items.Select(d => (string)d!["DomainName"]!));
        Assert.Equal("oss", (string?)items[0]!["Sources"]!["Source"]![0]!["Type"]);
        Assert.Equal(443, (int)items[0]!["Sources"]!["Source"]![0]!["Port"]!);
        Assert.NotNull(items[0]!["Cname"]);
        var second = (await _emu.VodAsync("DescribeVodUserDomains", P("PageSize", "2", "PageNumber", "2"))).Body["Domains"]!["PageData"]!.AsArray();
        Assert.Equal("c.example.org", (string?)Assert.Single(second)!["DomainName"]);
        Assert.Equal(2, (await _emu.VodAsync("DescribeVodUserDomains", P("DomainName", "example.com"))).Body["Domains"]!["PageData"]!.AsArray().Count);
        Assert.Equal("InvalidPageSize.ValueNotSupported", (await _emu.VodAsync("DescribeVodUserDomains", P("PageSize", "51"))).Code);
    }

    [Fact]
    public async Task Domain_calls_are_answered_on_the_Shanghai_host_only()
    {
        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        var port = new Uri(_emu.BaseUrl).Port;
        foreach (var action in new[] { "AddVodDomain", "DescribeVodDomainDetail", "DescribeVodUserDomains", "DeleteVodDomain" })
        {
            var elsewhere = await _emu.VodAsync(action, P("DomainName", "h.example.com", "Sources", sources), host: $"vod.cn-beijing.aliyuncs.com:{port}");
            Assert.Equal((HttpStatusCode.NotFound, "InvalidAction.NotFound"), (elsewhere.Status, elsewhere.Code));
        }
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("AddVodDomain", P("DomainName", "h.example.com", "Sources", sources), host: $"vod.cn-shanghai.aliyuncs.com:{port}")).Status);
        // other VOD calls are served on any region's host
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("GetAppInfos", P("AppIds", "app-1000000"), host: $"vod.cn-beijing.aliyuncs.com:{port}")).Status);
    }

    [Fact]
    public async Task Transcoding_moves_through_its_states_over_time()
    {
        string group = await DefaultGroupAsync();
        string id = await RegisterAsync("films/a b.mp4");
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));
        var submit = P("VideoId", id, "TemplateGroupId", group, "SessionId", "session-1");
        var submitted = await _emu.VodAsync("SubmitTranscodeJobs", submit);
        string taskId = (string)submitted.Body["TranscodeTaskId"]!;
        Assert.Equal(3, submitted.Body["TranscodeJobs"]!["TranscodeJob"]!.AsArray().Count);
        Assert.Equal("InvalidParameter.SessionId", (await _emu.VodAsync("SubmitTranscodeJobs", submit)).Code);
        Assert.Equal("Transcoding", await VideoStatusAsync(id));
        Assert.Equal("Forbidden.IllegalStatus", (await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group))).Code);

        _emu.Clock.Advance(TimeSpan.FromSeconds(5));
        var halfway = (await _emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", taskId))).Body["TranscodeTask"]!;
        Assert.Equal("Processing", (string?)halfway["TaskStatus"]);
        Assert.Equal(50, (int)halfway["TranscodeJobInfoList"]![0]!["TranscodeProgress"]!);

        _emu.Clock.Advance(TimeSpan.FromSeconds(5));
        var done = (await _emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", taskId))).Body["TranscodeTask"]!;
        Assert.Equal("CompleteAllSucc", (string?)done["TaskStatus"]);
        Assert.Equal("TranscodeSuccess", (string?)done["TranscodeJobInfoList"]![0]!["TranscodeJobStatus"]);
        Assert.Equal("Normal", await VideoStatusAsync(id));
        var summary = (await _emu.VodAsync("GetTranscodeSummary", P("VideoIds", id + ",nope"))).Body;
        Assert.Equal("CompleteAllSucc", (string?)summary["TranscodeSummaryList"]![0]!["TranscodeStatus"]);
        Assert.Equal("nope", (string?)summary["NonExistVideoIds"]![0]);
        Assert.Single((await _emu.VodAsync("ListTranscodeTask", P("VideoId", id))).Body["TranscodeTaskList"]!.AsArray());
        Assert.Equal("NoSuchResource", (await _emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", "nope"))).Code);
    }

    [Fact]
    public async Task A_SessionId_is_refused_for_7_days_then_accepted_again()
    {
        string group = await DefaultGroupAsync();
        string id = await RegisterAsync("films/a b.mp4");
        var first = await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        _emu.Clock.Advance(TimeSpan.FromMinutes(1)); // the task is done: only the SessionId stands in the way
        var repeat = await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"));
        Assert.Equal(HttpStatusCode.BadRequest, repeat.Status);
        Assert.Equal("InvalidParameter.SessionId", repeat.Code);
        Assert.Single((await _emu.VodAsync("ListTranscodeTask", P("VideoId", id))).Body["TranscodeTaskList"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-new"))).Status);
        _emu.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"))).Status);
    }

    [Fact]
    public async Task A_used_SessionId_survives_a_restart()
    {
        string dir = Path.Combine(Path.GetTempPath(), "vodtools-emu-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = new VodTools.Emulator.Hosting.EmulatorClock();
            string id, group;
            await using (var first = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; o.TranscodeSeconds = 0; o.Clock = clock; }))
            {
                using (await first.OssAsync(HttpMethod.Put, "media-archive")) { }
                using (await first.OssAsync(HttpMethod.Put, "media-archive", "a.mp4", content: new StringContent("movie"))) { }
                var registered = await first.VodAsync("RegisterMedia", P("RegisterMetadatas", new JsonArray(new JsonObject { ["FileURL"] = Url("a.mp4"), ["Title"] = "a" }).ToJsonString()));
                id = (string)registered.Body["RegisteredMediaList"]![0]!["MediaId"]!;
                group = (string)(await first.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]![0]!["TranscodeTemplateGroupId"]!;
                Assert.Equal(HttpStatusCode.OK, (await first.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "kept"))).Status);
            }
            await using var second = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; o.TranscodeSeconds = 0; o.Clock = clock; });
            Assert.Equal("InvalidParameter.SessionId", (await second.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "kept"))).Code);
            clock.Advance(TimeSpan.FromDays(7));
            Assert.Equal(HttpStatusCode.OK, (await second.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "kept"))).Status);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Broken_sources_and_failing_templates_fail_the_way_the_cloud_reports_it()
    {
        string group = await DefaultGroupAsync();
        string empty = await RegisterAsync("empty.mp4", group);
        var partialGroup = await _emu.VodAsync("AddTranscodeTemplateGroup", P("Name", "partial", "TranscodeTemplateList",
            """[{"TemplateName":"ok","Definition":"SD","Container":{"Format":"mp4"}},{"TemplateName":"will-fail","Definition":"HD","Container":{"Format":"mp4"}}]"""));
        string partial = (string)partialGroup.Body["TranscodeTemplateGroupId"]!;
        string movie = await RegisterAsync("films/视频.mov");
        await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", movie, "TemplateGroupId", partial));
        _emu.Clock.Advance(TimeSpan.FromSeconds(11));

        var summaries = (await _emu.VodAsync("GetTranscodeSummary", P("VideoIds", empty + "," + movie))).Body["TranscodeSummaryList"]!.AsArray();
        Assert.Equal("CompleteAllFail", (string?)summaries.Single(s => (string?)s!["VideoId"] == empty)!["TranscodeStatus"]);
        Assert.Equal("CompletePartialSucc", (string?)summaries.Single(s => (string?)s!["VideoId"] == movie)!["TranscodeStatus"]);
        Assert.Equal("TranscodeFail", await VideoStatusAsync(empty));
        Assert.Equal("Normal", await VideoStatusAsync(movie));
    }

    [Fact]
    public async Task Snapshots_complete_and_list()
    {
        string id = await RegisterAsync("films/a b.mp4");
        var job = await _emu.VodAsync("SubmitSnapshotJob", P("VideoId", id, "Count", "3"));
        Assert.False(string.IsNullOrEmpty((string?)job.Body["SnapshotJob"]!["JobId"]));
        Assert.Equal(0, (int)(await _emu.VodAsync("ListSnapshots", P("VideoId", id))).Body["MediaSnapshot"]!["Total"]!);
        _emu.Clock.Advance(TimeSpan.FromSeconds(10));
        var listed = (await _emu.VodAsync("ListSnapshots", P("VideoId", id))).Body["MediaSnapshot"]!;
        Assert.Equal(3, (int)listed["Total"]!);
        Assert.Equal(3, listed["Snapshots"]!["Snapshot"]!.AsArray().Count);
        Assert.Equal(3, (await _emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!["Snapshots"]!["Snapshot"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListJobInfo_lists_every_snapshot_job_of_a_media_running_ones_too()
    {
        string id = await RegisterAsync("films/a b.mp4");
        string first = (string)(await _emu.VodAsync("SubmitSnapshotJob", P("VideoId", id))).Body["SnapshotJob"]!["JobId"]!;
        _emu.Clock.Advance(TimeSpan.FromSeconds(10));
        string second = (string)(await _emu.VodAsync("SubmitSnapshotJob", P("VideoId", id))).Body["SnapshotJob"]!["JobId"]!;

        var listed = (await _emu.VodAsync("ListJobInfo", P("JobType", "snapshot", "MediaId", id))).Body;
        var jobs = listed["JobInfoList"]!.AsArray();
        Assert.Equal(("snapshot", id), ((string?)listed["JobType"], (string?)listed["MediaId"]));
        Assert.Equal([first, second], jobs.Select(j => (string?)j!["JobId"]));
        Assert.Equal(["Success", "Processing"], jobs.Select(j => (string?)j!["Status"]));
        Assert.NotNull((string?)jobs[0]!["CompleteTime"]);
        Assert.Null((string?)jobs[1]!["CompleteTime"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _emu.VodAsync("ListJobInfo", P("JobType", "snapshot", "MediaId", "no-such-media"))).Status);
    }

    [Fact]
    public async Task Media_info_and_deletion()
    {
        string id = await RegisterAsync("films/a b.mp4");
        var mezzanine = (await _emu.VodAsync("GetMezzanineInfo", P("VideoId", id))).Body["Mezzanine"]!;
        Assert.Equal(5, (long)mezzanine["Size"]!);
        Assert.Equal(Url("films/a b.mp4"), (string?)mezzanine["FileURL"]);
        var infos = (await _emu.VodAsync("GetVideoInfos", P("VideoIds", id + ",missing"))).Body;
        Assert.Equal(id, (string?)infos["VideoList"]![0]!["VideoId"]);
        Assert.Equal("missing", (string?)infos["NonExistVideoIds"]![0]);

        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("UpdateVideoInfo", P("VideoId", id, "Title", "new title", "Tags", "a,b"))).Status);
        var updated = (await _emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!;
        Assert.Equal("new title", (string?)updated["Title"]);
        Assert.Equal("a,b", (string?)updated["Tags"]);
        var kept = await _emu.VodAsync("DeleteMezzanines", P("VideoIds", id));
        Assert.Equal(id, (string?)kept.Body["UnRemoveableVideoIds"]![0]);
        Assert.Empty((await _emu.VodAsync("DeleteMezzanines", P("VideoIds", id, "Force", "true"))).Body["UnRemoveableVideoIds"]!.AsArray());
        Assert.Equal("InvalidFile.NotFound", (await _emu.VodAsync("GetMezzanineInfo", P("VideoId", id))).Code);
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));

        var deleted = await _emu.VodAsync("DeleteVideo", P("VideoIds", id + ",missing"));
        Assert.Equal("missing", (string?)deleted.Body["NonExistVideoIds"]![0]);
        var gone = await _emu.VodAsync("GetVideoInfo", P("VideoId", id));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("InvalidVideo.NotFound", gone.Code);
        Assert.Equal("InvalidVideo.NotFound", (await _emu.VodAsync("DeleteVideo", P("VideoIds", id))).Code);
        Assert.Equal("VideoIdsExceededMax", (await _emu.VodAsync("DeleteVideo", P("VideoIds", string.Join(",", Enumerable.Range(0, 21))))).Code);
    }

    [Fact]
    public async Task CreateUploadVideo_hands_out_sts_keys_that_upload_to_the_emulators_oss()
    {
        var created = await _emu.VodAsync("CreateUploadVideo", P("Title", "upload", "FileName", "clip.mp4",
            "StorageLocation", "media-archive.oss-cn-shanghai.aliyuncs.com"));
        string id = (string)created.Body["VideoId"]!;
        var address = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAddress"]!))!;
        var auth = JsonNode.Parse(Convert.FromBase64String((string)created.Body["UploadAuth"]!))!;
        Assert.Equal(_emu.BaseUrl, (string?)address["Endpoint"]);
        Assert.Equal("Uploading", await VideoStatusAsync(id));

        var key = new AccessKey((string)auth["AccessKeyId"]!, (string)auth["AccessKeySecret"]!, "1234567890123456", (string)auth["SecurityToken"]!);
        using var put = await _emu.OssAsync(HttpMethod.Put, (string)address["Bucket"]!, (string)address["FileName"]!,
            content: new ByteArrayContent(Encoding.UTF8.GetBytes("uploaded")), accessKey: key, v4: true);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));

        var refreshed = await _emu.VodAsync("RefreshUploadVideo", P("VideoId", id));
        Assert.NotEqual((string?)created.Body["UploadAuth"], (string?)refreshed.Body["UploadAuth"]);
        Assert.Equal("InvalidFileName.Extension", (await _emu.VodAsync("CreateUploadVideo", P("Title", "x", "FileName", "noext"))).Code);
        Assert.Equal("InvalidVideo.NotFound", (await _emu.VodAsync("RefreshUploadVideo", P("VideoId", "nope"))).Code);
    }

    [Fact]
    public async Task Template_groups_domains_storage_and_apps()
    {
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("SetDefaultTranscodeTemplateGroup", P("TranscodeTemplateGroupId", "VOD_NO_TRANSCODE"))).Status);
        Assert.DoesNotContain((await _emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray(), g => (string?)g!["IsDefault"] == "Default");
        var added = await _emu.VodAsync("AddTranscodeTemplateGroup", P("Name", "mine", "TranscodeTemplateList",
            """[{"Video":{"Bitrate":"400","Codec":"H.264","Fps":"30"},"Definition":"SD","Container":{"Format":"mp4"},"TemplateName":"testName","Audio":{"Codec":"AAC","Bitrate":"64","Samplerate":"44100"}}]"""));
        string group = (string)added.Body["TranscodeTemplateGroupId"]!;
        await _emu.VodAsync("SetDefaultTranscodeTemplateGroup", P("TranscodeTemplateGroupId", group));
        var got = (await _emu.VodAsync("GetTranscodeTemplateGroup", P("TranscodeTemplateGroupId", group))).Body["TranscodeTemplateGroup"]!;
        Assert.Equal("Default", (string?)got["IsDefault"]);
        Assert.Equal("{\"Format\":\"mp4\"}", (string?)got["TranscodeTemplateList"]![0]!["Container"]);
        Assert.Equal("InvalidTranscodeTemplateGroup.NotFound", (await _emu.VodAsync("GetTranscodeTemplateGroup", P("TranscodeTemplateGroupId", "nope"))).Code);

        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("AddVodDomain", P("DomainName", "vod.example.com", "Sources", sources))).Status);
        Assert.Equal("DomainAlreadyExist", (await _emu.VodAsync("AddVodDomain", P("DomainName", "vod.example.com", "Sources", sources))).Code);
        Assert.Equal("InvalidSources.Malformed", (await _emu.VodAsync("AddVodDomain", P("DomainName", "b.example.com", "Sources", "{"))).Code);
        var detail = (await _emu.VodAsync("DescribeVodDomainDetail", P("DomainName", "vod.example.com"))).Body["DomainDetail"]!;
        Assert.Equal(443, (int)detail["Sources"]!["Source"]![0]!["Port"]!);
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("DeleteVodDomain", P("DomainName", "vod.example.com"))).Status);
        Assert.Equal("InvalidDomain.NotFound", (await _emu.VodAsync("DescribeVodDomainDetail", P("DomainName", "vod.example.com"))).Code);

        var storage = await _emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket",
            "StorageLocation", "media-archive.oss-cn-shanghai.aliyuncs.com"));
        Assert.Equal("media-archive.oss-cn-shanghai.aliyuncs.com", (string?)storage.Body["StorageLocation"]);
        Assert.Equal("InvalidStorage.NotFound", (await _emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket",
            "StorageLocation", "nobucket.oss-cn-shanghai.aliyuncs.com"))).Code);
        var apps = (await _emu.VodAsync("GetAppInfos", P("AppIds", "app-1000000,app-x"))).Body;
        Assert.Equal("200", (string?)apps["Code"]);
        Assert.Equal("app-1000000", (string?)apps["AppInfoList"]![0]!["AppId"]);
        Assert.Equal("app-x", (string?)apps["NonExistAppIds"]![0]);
    }
}
