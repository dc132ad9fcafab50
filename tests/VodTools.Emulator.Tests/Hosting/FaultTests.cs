using System.Net;
using VodTools.Emulator.Hosting;
using VodTools.Shared;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>--faults lost:P (act, commit, then withhold the answer) and @TARGET rules.</summary>
public class FaultTests
{

    [Fact]
    public async Task Respell_answers_RegisterMedia_with_the_other_scheme_and_encoding()
    {
        await using var emu = await StartAsync(o => o.Faults = "respell:1@RegisterMedia");
        using (await emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        foreach (var key in new[] { "films/a b.mp4", "films/视频.mov" })
            using (await emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent("movie"))) { }
        var items = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a%20b.mp4", ["Title"] = "a" },
            new System.Text.Json.Nodes.JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/films/视频.mov", ["Title"] = "b" },
            new System.Text.Json.Nodes.JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/films/none.mp4", ["Title"] = "c" });

        var result = await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", items.ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));

        var urls = result.Body["RegisteredMediaList"]!.AsArray().Select(m => (string)m!["FileURL"]!).ToList();
        Assert.Equal(new[]
        {
            "http://media-archive.oss-cn-shanghai.aliyuncs.com/films/a b.mp4",
            "http://media-archive.oss-cn-shanghai.aliyuncs.com/films/%E8%A7%86%E9%A2%91.mov",
        }, urls);
        Assert.Equal("http://media-archive.oss-cn-shanghai.aliyuncs.com/films/none.mp4", (string?)result.Body["FailedFileURLs"]![0]);
    }

    [Fact]
    public async Task A_lost_answer_still_commits_and_is_counted()
    {
        await using var emu = await StartAsync(o => o.Faults = "lost:1.0@ram");
        await Assert.ThrowsAsync<HttpRequestException>(() => emu.RamAsync("CreateRole", P("RoleName", "made-anyway", "AssumeRolePolicyDocument", PolicyDocuments.AccountTrust)));
        await Assert.ThrowsAsync<HttpRequestException>(() => emu.RamAsync("GetRole", P("RoleName", "made-anyway")));
        // STS reads RAM's state: the role the lost CreateRole made is there
        var assumed = await emu.StsAsync("AssumeRole", P("RoleArn", "acs:ram::1234567890123456:role/made-anyway", "RoleSessionName", "s1"));
        Assert.Equal(HttpStatusCode.OK, assumed.Status);
        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal(2, (long)stats["faults.LostAnswer"]!);
        Assert.Null(stats["faults.Drop"]);
    }

    [Fact]
    public async Task A_lost_OSS_answer_still_stores_the_object()
    {
        await using var emu = await StartAsync(o => o.Faults = "lost:1@PUT");
        await Assert.ThrowsAsync<HttpRequestException>(() => emu.OssAsync(HttpMethod.Put, "kept"));
        await Assert.ThrowsAsync<HttpRequestException>(() => emu.OssAsync(HttpMethod.Put, "kept", "a.mp4", content: new StringContent("body")));
        using var get = await emu.OssAsync(HttpMethod.Get, "kept", "a.mp4");
        Assert.Equal("body", await get.Content.ReadAsStringAsync());
        Assert.Equal(2, (long)(await StatsTests.StatsAsync(emu))["faults.LostAnswer"]!);
    }

    [Fact]
    public async Task A_corrupt_write_stores_damaged_data_and_answers_its_crc()
    {
        await using var emu = await StartAsync(o => o.Faults = "corrupt:1@PUT");
        using (await emu.OssAsync(HttpMethod.Put, "damaged")) { }
        var sent = "123456789"u8.ToArray();
        string answered;
        using (var put = await emu.OssAsync(HttpMethod.Put, "damaged", "a.mp4", content: new ByteArrayContent(sent)))
            answered = put.Headers.GetValues("x-oss-hash-crc64ecma").Single();
        using var get = await emu.OssAsync(HttpMethod.Get, "damaged", "a.mp4");
        var stored = await get.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(sent, stored);
        Assert.Equal(sent[1..], stored[1..]); // one byte changed
        Assert.NotEqual("11051210869376104954", answered); // not the CRC of what was sent…
        Assert.Equal(VodTools.Emulator.Oss.Crc64.Of(stored).ToString(), answered); // …but of what was stored
        Assert.Equal(2, (long)(await StatsTests.StatsAsync(emu))["faults.Corrupt"]!); // drawn for both PUTs; the bucket has no data
    }

    [Fact]
    public async Task A_corrupt_complete_assembles_a_damaged_object_and_answers_its_crc()
    {
        await using var emu = await StartAsync(o => o.Faults = "corrupt:1@POST");
        using (await emu.OssAsync(HttpMethod.Put, "damaged")) { }
        var uploadId = (string)(await XmlAsync(await emu.OssAsync(HttpMethod.Post, "damaged", "big.mp4", query: "uploads"))).Element("UploadId")!;
        var part = "only part"u8.ToArray();
        string etag;
        using (var r = await emu.OssAsync(HttpMethod.Put, "damaged", "big.mp4", query: $"partNumber=1&uploadId={uploadId}", content: new ByteArrayContent(part)))
        {
            etag = r.Headers.ETag!.Tag;
            Assert.Equal(VodTools.Emulator.Oss.Crc64.Of(part).ToString(), r.Headers.GetValues("x-oss-hash-crc64ecma").Single());
        }
        using var complete = await emu.OssAsync(HttpMethod.Post, "damaged", "big.mp4", query: $"uploadId={uploadId}",
            content: new StringContent($"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{etag}</ETag></Part></CompleteMultipartUpload>"));
        using var get = await emu.OssAsync(HttpMethod.Get, "damaged", "big.mp4");
        var stored = await get.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(part, stored);
        Assert.Equal(VodTools.Emulator.Oss.Crc64.Of(stored).ToString(), complete.Headers.GetValues("x-oss-hash-crc64ecma").Single());
    }

    [Fact]
    public async Task A_targeted_rule_hits_only_what_it_names()
    {
        await using var emu = await StartAsync(o => o.Faults = "500:1@CreateRole,503:1@oss");
        Assert.Equal(HttpStatusCode.InternalServerError, (await emu.RamAsync("CreateRole", P("RoleName", "r", "AssumeRolePolicyDocument", PolicyDocuments.AccountTrust))).Status);
        Assert.Equal("EntityNotExist.Role", (await emu.RamAsync("GetRole", P("RoleName", "r"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await emu.StsAsync("GetCallerIdentity")).Status);
        Assert.Equal(HttpStatusCode.OK, (await emu.VodAsync("ListTranscodeTemplateGroup")).Status);
        using (var oss = await emu.OssAsync(HttpMethod.Get, null)) Assert.Equal(HttpStatusCode.ServiceUnavailable, oss.StatusCode);
        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal(1, (long)stats["faults.Error500"]!);
        Assert.Equal(1, (long)stats["faults.Error503"]!);
    }

    [Fact]
    public void Targets_are_checked()
    {
        Assert.Equal("SubmitTranscodeJobs", FaultPlan.Parse("lost:0.3@SubmitTranscodeJobs").Rules[0].Rule.Target);
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--faults", "lost:0.3@"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--faults", "lost:0.3@Submit-Jobs"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--faults", "lost"]));
        Assert.Throws<ArgumentException>(() => FaultPlan.Parse("500:0.2@SubmitTranscodeJob", targets: ["SubmitTranscodeJobs"]));
        Assert.Single(FaultPlan.Parse("500:1@vod,lost:1@put", targets: []).Draw("oss", "PUT"));
        Assert.Equal(FaultKind.Corrupt, FaultPlan.Parse("corrupt:0.5@PUT").Rules[0].Kind);
        Assert.Throws<ArgumentException>(() => FaultPlan.Parse("corrupt:0.5:10"));
    }

    [Fact]
    public void The_same_seed_draws_the_same_faults_and_a_rule_draws_alone()
    {
        static List<bool> Hits(FaultPlan plan, int rule) =>
            Enumerable.Range(0, 400).Select(i => plan.Draw("oss", i % 2 == 0 ? "GET" : "PUT", i % 2 == 0 ? "GetObject" : "PutObject").Any(f => f.Id == rule)).ToList();
        var once = Hits(FaultPlan.Parse("500:0.5@GetObject", seed: 7), 1);
        Assert.Equal(once, Hits(FaultPlan.Parse("500:0.5@GetObject", seed: 7), 1));
        Assert.NotEqual(once, Hits(FaultPlan.Parse("500:0.5@GetObject", seed: 8), 1));
        // another rule, drawing for other requests, does not shift this one's draws
        Assert.Equal(once, Hits(FaultPlan.Parse("500:0.5@GetObject,503:0.5@PutObject", seed: 7), 1));
    }

    [Fact]
    public async Task The_fault_seed_is_in_the_stats_given_or_picked()
    {
        await using (var seeded = await StartAsync(o => o.FaultSeed = 1234))
            Assert.Equal(1234, (int)(await StatsTests.StatsAsync(seeded))["faultSeed"]!);
        await using var picked = await StartAsync(o => o.FaultSeed = null);
        Assert.InRange((int)(await StatsTests.StatsAsync(picked))["faultSeed"]!, 0, int.MaxValue);
    }
}
