using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Transcoding over time, SessionId, and failures as the cloud reports them.</summary>
public class TranscodeTests : MediaArchiveTests
{
    [Fact]
    public async Task Transcoding_moves_through_its_states_over_time()
    {
        string group = await DefaultGroupAsync();
        string id = await RegisterAsync("films/a b.mp4");
        Assert.Equal("UploadSucc", await VideoStatusAsync(id));
        var submit = P("VideoId", id, "TemplateGroupId", group, "SessionId", "session-1");
        var submitted = await Emu.VodAsync("SubmitTranscodeJobs", submit);
        string taskId = (string)submitted.Body["TranscodeTaskId"]!;
        Assert.Equal(3, submitted.Body["TranscodeJobs"]!["TranscodeJob"]!.AsArray().Count);
        Assert.Equal("InvalidParameter.SessionId", (await Emu.VodAsync("SubmitTranscodeJobs", submit)).Code);
        Assert.Equal("Transcoding", await VideoStatusAsync(id));
        Assert.Equal("Forbidden.IllegalStatus", (await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group))).Code);

        Emu.Clock.Advance(TimeSpan.FromSeconds(5));
        var halfway = (await Emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", taskId))).Body["TranscodeTask"]!;
        Assert.Equal("Processing", (string?)halfway["TaskStatus"]);
        Assert.Equal(50, (int)halfway["TranscodeJobInfoList"]![0]!["TranscodeProgress"]!);

        Emu.Clock.Advance(TimeSpan.FromSeconds(5));
        var done = (await Emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", taskId))).Body["TranscodeTask"]!;
        Assert.Equal("CompleteAllSucc", (string?)done["TaskStatus"]);
        Assert.Equal("TranscodeSuccess", (string?)done["TranscodeJobInfoList"]![0]!["TranscodeJobStatus"]);
        Assert.Equal("Normal", await VideoStatusAsync(id));
        var summary = (await Emu.VodAsync("GetTranscodeSummary", P("VideoIds", id + ",nope"))).Body;
        Assert.Equal("CompleteAllSucc", (string?)summary["TranscodeSummaryList"]![0]!["TranscodeStatus"]);
        Assert.Equal("nope", (string?)summary["NonExistVideoIds"]![0]);
        Assert.Single((await Emu.VodAsync("ListTranscodeTask", P("VideoId", id))).Body["TranscodeTaskList"]!.AsArray());
        Assert.Equal("NoSuchResource", (await Emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", "nope"))).Code);
    }

    [Fact]
    public async Task A_SessionId_is_refused_for_7_days_then_accepted_again()
    {
        string group = await DefaultGroupAsync();
        string id = await RegisterAsync("films/a b.mp4");
        var first = await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Emu.Clock.Advance(TimeSpan.FromMinutes(1)); // the task is done: only the SessionId stands in the way
        var repeat = await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"));
        Assert.Equal(HttpStatusCode.BadRequest, repeat.Status);
        Assert.Equal("InvalidParameter.SessionId", repeat.Code);
        Assert.Single((await Emu.VodAsync("ListTranscodeTask", P("VideoId", id))).Body["TranscodeTaskList"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-new"))).Status);
        Emu.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group, "SessionId", "s-7d"))).Status);
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
        var partialGroup = await Emu.VodAsync("AddTranscodeTemplateGroup", P("Name", "partial", "TranscodeTemplateList",
            """[{"TemplateName":"ok","Definition":"SD","Container":{"Format":"mp4"}},{"TemplateName":"will-fail","Definition":"HD","Container":{"Format":"mp4"}}]"""));
        string partial = (string)partialGroup.Body["TranscodeTemplateGroupId"]!;
        string movie = await RegisterAsync("films/视频.mov");
        await Emu.VodAsync("SubmitTranscodeJobs", P("VideoId", movie, "TemplateGroupId", partial));
        Emu.Clock.Advance(TimeSpan.FromSeconds(11));

        var summaries = (await Emu.VodAsync("GetTranscodeSummary", P("VideoIds", empty + "," + movie))).Body["TranscodeSummaryList"]!.AsArray();
        Assert.Equal("CompleteAllFail", (string?)summaries.Single(s => (string?)s!["VideoId"] == empty)!["TranscodeStatus"]);
        Assert.Equal("CompletePartialSucc", (string?)summaries.Single(s => (string?)s!["VideoId"] == movie)!["TranscodeStatus"]);
        Assert.Equal("TranscodeFail", await VideoStatusAsync(empty));
        Assert.Equal("Normal", await VideoStatusAsync(movie));
    }
}
