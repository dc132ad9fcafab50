using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

public class UrlUploadTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync(o => o.TranscodeSeconds = 0);

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private async Task<JsonObject> WaitForJobAsync(string jobId)
    {
        for (int i = 0; i < 200; i++)
        {
            var job = (await _emu.VodAsync("GetURLUploadInfos", P("JobIds", jobId))).Body["URLUploadInfoList"]![0]!.AsObject();
            if ((string?)job["Status"] is "SUCCESS" or "DOWNLOAD_FAIL" or "UPLOAD_FAIL") return job;
            await Task.Delay(50);
        }
        throw new TimeoutException("the job did not end");
    }

    [Fact]
    public async Task A_loopback_file_becomes_a_video_and_any_other_address_fails_untried()
    {
        // the emulator's own health page stands in for a file; its URL has no extension, so the metadata gives one
        string own = _emu.BaseUrl + "/_emulator/health";
        const string remote = "http://media.example.invalid/film.mp4";
        var metadata = new JsonArray(new JsonObject { ["SourceURL"] = Uri.EscapeDataString(own), ["Title"] = "Health", ["FileExtension"] = "mp4" });
        var submitted = await _emu.VodAsync("UploadMediaByURL", P("UploadURLs", Uri.EscapeDataString(own) + "," + Uri.EscapeDataString(remote),
            "UploadMetadatas", metadata.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        var jobs = submitted.Body["UploadJobs"]!.AsArray();
        Assert.Equal([own, remote], jobs.Select(j => (string)j!["SourceURL"]!));

        var pulled = await WaitForJobAsync((string)jobs[0]!["JobId"]!);
        Assert.Equal("SUCCESS", (string?)pulled["Status"]);
        var video = (await _emu.VodAsync("GetVideoInfo", P("VideoId", (string)pulled["MediaId"]!))).Body["Video"]!;
        Assert.Equal("Health", (string?)video["Title"]);
        Assert.Equal(long.Parse((string)pulled["FileSize"]!), (long)video["Size"]!);

        var refused = await WaitForJobAsync((string)jobs[1]!["JobId"]!);
        Assert.Equal("DOWNLOAD_FAIL", (string?)refused["Status"]); // VOD's "Basic structures": status of a URL-based upload job
        Assert.Equal("URLInvalidError", (string?)refused["ErrorCode"]);
        Assert.Equal("", (string?)refused["MediaId"]);
    }

    [Fact]
    public async Task The_limits_are_the_documented_ones()
    {
        var tooMany = string.Join(",", Enumerable.Range(1, 21).Select(i => Uri.EscapeDataString($"http://127.0.0.1:9/{i}.mp4")));
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("UploadMediaByURL", P("UploadURLs", tooMany))).Code);
        var elevenIds = string.Join(",", Enumerable.Range(1, 11).Select(i => "job" + i));
        Assert.Equal(HttpStatusCode.BadRequest, (await _emu.VodAsync("GetURLUploadInfos", P("JobIds", elevenIds))).Status);
        Assert.Equal("MissingParameter", (await _emu.VodAsync("UploadMediaByURL")).Code);
    }

    [Fact]
    public async Task GetURLUploadInfos_takes_JobIds_over_UploadURLs_and_lists_what_it_does_not_know()
    {
        string url = "http://127.0.0.1:9/film.mp4";
        var jobId = (string)(await _emu.VodAsync("UploadMediaByURL", P("UploadURLs", Uri.EscapeDataString(url)))).Body["UploadJobs"]![0]!["JobId"]!;
        var both = await _emu.VodAsync("GetURLUploadInfos", P("JobIds", "nosuchjob", "UploadURLs", Uri.EscapeDataString(url)));
        Assert.Empty(both.Body["URLUploadInfoList"]!.AsArray());
        Assert.Equal("nosuchjob", (string?)both.Body["NonExists"]![0]);
        var byUrl = await _emu.VodAsync("GetURLUploadInfos", P("UploadURLs", Uri.EscapeDataString(url)));
        Assert.Equal(jobId, (string?)byUrl.Body["URLUploadInfoList"]![0]!["JobId"]);
    }

    /// <summary>UploadMediaByURLRequest.TemplateGroupId: "If you leave this parameter empty, the default transcoding template
    /// group is used for transcoding"; a file VOD cannot take fails its upload step.</summary>
    [Fact]
    public async Task A_pulled_file_is_transcoded_with_the_default_group_and_a_file_VOD_cannot_take_is_UPLOAD_FAIL()
    {
        string defaultGroup = (string)(await _emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]![0]!["TranscodeTemplateGroupId"]!;
        string own = _emu.BaseUrl + "/_emulator/health";
        var metadata = new JsonArray(new JsonObject { ["SourceURL"] = Uri.EscapeDataString(own), ["Title"] = "Health", ["FileExtension"] = "mp4" });
        var submitted = await _emu.VodAsync("UploadMediaByURL", P("UploadURLs", Uri.EscapeDataString(own), "UploadMetadatas", metadata.ToJsonString()));
        var pulled = await WaitForJobAsync((string)submitted.Body["UploadJobs"]![0]!["JobId"]!);
        var task = Assert.Single((await _emu.VodAsync("ListTranscodeTask", P("VideoId", (string)pulled["MediaId"]!))).Body["TranscodeTaskList"]!.AsArray());
        Assert.Equal("Auto", (string?)task!["Trigger"]);
        Assert.Equal(defaultGroup, (string?)task["TranscodeTemplateGroupId"]);

        var noExtension = await _emu.VodAsync("UploadMediaByURL", P("UploadURLs", Uri.EscapeDataString(own)));
        var refused = await WaitForJobAsync((string)noExtension.Body["UploadJobs"]![0]!["JobId"]!);
        Assert.Equal("UPLOAD_FAIL", (string?)refused["Status"]);
        Assert.Equal("InvalidFileName.Extension", (string?)refused["ErrorCode"]);
    }
}
