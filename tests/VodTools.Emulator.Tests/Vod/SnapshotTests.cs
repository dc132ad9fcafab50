using System.Text.Json.Nodes;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Snapshot jobs over time and their listing.</summary>
public class SnapshotTests : MediaArchiveTests
{
    [Fact]
    public async Task Snapshots_complete_and_list()
    {
        string id = await RegisterAsync("films/a b.mp4");
        var job = await Emu.VodAsync("SubmitSnapshotJob", P("VideoId", id, "Count", "3"));
        Assert.False(string.IsNullOrEmpty((string?)job.Body["SnapshotJob"]!["JobId"]));
        Assert.Equal(0, (int)(await Emu.VodAsync("ListSnapshots", P("VideoId", id))).Body["MediaSnapshot"]!["Total"]!);
        Emu.Clock.Advance(TimeSpan.FromSeconds(10));
        var listed = (await Emu.VodAsync("ListSnapshots", P("VideoId", id))).Body["MediaSnapshot"]!;
        Assert.Equal(3, (int)listed["Total"]!);
        Assert.Equal(3, listed["Snapshots"]!["Snapshot"]!.AsArray().Count);
        Assert.Equal(3, (await Emu.VodAsync("GetVideoInfo", P("VideoId", id))).Body["Video"]!["Snapshots"]!["Snapshot"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListJobInfo_lists_every_snapshot_job_of_a_media_running_ones_too()
    {
        string id = await RegisterAsync("films/a b.mp4");
        string first = (string)(await Emu.VodAsync("SubmitSnapshotJob", P("VideoId", id))).Body["SnapshotJob"]!["JobId"]!;
        Emu.Clock.Advance(TimeSpan.FromSeconds(10));
        string second = (string)(await Emu.VodAsync("SubmitSnapshotJob", P("VideoId", id))).Body["SnapshotJob"]!["JobId"]!;

        var listed = (await Emu.VodAsync("ListJobInfo", P("JobType", "snapshot", "MediaId", id))).Body;
        var jobs = listed["JobInfoList"]!.AsArray();
        Assert.Equal(("snapshot", id), ((string?)listed["JobType"], (string?)listed["MediaId"]));
        Assert.Equal([first, second], jobs.Select(j => (string?)j!["JobId"]));
        Assert.Equal(["Success", "Processing"], jobs.Select(j => (string?)j!["Status"]));
        Assert.NotNull((string?)jobs[0]!["CompleteTime"]);
        Assert.Null((string?)jobs[1]!["CompleteTime"]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Emu.VodAsync("ListJobInfo", P("JobType", "snapshot", "MediaId", "no-such-media"))).Status);
    }
}
