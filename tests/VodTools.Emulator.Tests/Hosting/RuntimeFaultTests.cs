using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Hosting;
using VodTools.Shared;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The fault grammar's error codes, statuses and SERVICE/NAME targets, and rules set, listed and cleared while
/// the emulator runs (/_emulator/faults), each counted by rule in /_emulator/stats.</summary>
public class RuntimeFaultTests
{
    [Theory]
    [InlineData("error:0.3:Throttling.User@SubmitTranscodeJobs", "Error", 400, "Throttling.User")]
    [InlineData("error:1:Throttling", "Error", 503, "Throttling")]
    [InlineData("error:1:SlowDown:429", "Error", 429, "SlowDown")]
    [InlineData("502:0.5@oss/GET", "Status", 502, null)]
    public void Error_rules_carry_their_code_and_status(string spec, string kind, int status, string? code)
    {
        var rule = Assert.Single(FaultRules.Parse(spec));
        Assert.Equal((kind, status, code, spec), (rule.Kind.ToString(), rule.Status, rule.Code, rule.Text));
    }

    [Theory]
    [InlineData("error:0.3:NoSuchThing", "give the HTTP status of \"NoSuchThing\"")]
    [InlineData("error:0.3:Throttling.User:200", "from 400 to 599")]
    [InlineData("error:0.3", "should be error:P:CODE")]
    [InlineData("404:0.3", "unknown rule")]
    [InlineData("500:0.3@vod/UploadPart/x", "the target \"vod/UploadPart/x\"")]
    [InlineData("500:0.3@UploadPart/oss", "the target \"UploadPart/oss\"")]
    public void Bad_rules_are_refused_in_words(string spec, string says)
    {
        Assert.Contains(says, Assert.Throws<ArgumentException>(() => FaultRules.Parse(spec)).Message);
    }

    [Theory]
    [InlineData("Error", 0.3, "SubmitTranscodeJobs", 0, "Throttling.User", 0, "error:0.3:Throttling.User@SubmitTranscodeJobs")]
    [InlineData("LostAnswer", 0.05, "oss/UploadPart", 0, null, 0, "lost:0.05@oss/UploadPart")]
    [InlineData("Status", 1, null, 0, null, 0, "500:1")]
    [InlineData("Delay", 0.5, "vod", 0, null, 1500, "delay:0.5:1500@vod")]
    [InlineData("Error", 0.1, null, 429, "SlowDown", 0, "error:0.1:SlowDown:429")]
    public void The_parts_of_a_rule_compose_the_text_the_parser_reads_back(string kind, double p, string? target, int status, string? code, int delayMs, string text)
    {
        var composed = FaultRules.Compose(Enum.Parse<FaultKind>(kind), p, target, status, code, delayMs);
        Assert.Equal(text, composed);
        var rule = Assert.Single(FaultRules.Parse(composed));
        Assert.Equal((kind, p, target, code, delayMs), (rule.Kind.ToString(), rule.Probability, rule.Target, rule.Code, rule.DelayMs));
    }

    [Fact]
    public void A_target_matches_by_every_part_it_names()
    {
        var plan = FaultPlan.Parse("500:1@UploadPart,503:1@oss/PutObject,drop:1@vod/SubmitTranscodeJobs", targets: ["SubmitTranscodeJobs", "UploadPart", "PutObject"]);
        Assert.Equal([1], plan.Draw("oss", "PUT", "UploadPart").Select(f => f.Id));
        Assert.Equal([2], plan.Draw("oss", "PUT", "PutObject").Select(f => f.Id));
        Assert.Equal([3], plan.Draw("SubmitTranscodeJobs", "vod").Select(f => f.Id));
        Assert.Empty(plan.Draw("SubmitTranscodeJobs", "mts"));
        Assert.Equal([1, 1, 1], plan.Rules.Select(r => r.Hits));
    }

    [Fact]
    public void Rules_added_later_get_new_ids_and_can_be_removed_one_by_one()
    {
        var plan = FaultPlan.Parse("500:1");
        var added = plan.Add("delay:1:5,lost:0@PUT");
        Assert.Equal([2, 3], added.Select(f => f.Id));
        Assert.True(plan.Remove(2));
        Assert.False(plan.Remove(2));
        Assert.Equal([1, 3], plan.Rules.Select(r => r.Id));
        Assert.Equal(2, plan.Clear());
        Assert.Equal(4, plan.Add("500:1").Single().Id); // ids are never reused: the stats of a removed rule stay its own
    }

    [Fact]
    public async Task Rules_set_at_run_time_hit_only_what_they_name_and_are_counted_by_rule()
    {
        await using var emu = await StartAsync();
        using (await emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        var added = await AddAsync(emu, "error:1:Throttling.User@SubmitTranscodeJobs,lost:1@UploadPart");
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal([1, 2], added.Body["rules"]!.AsArray().Select(r => (int)r!["id"]!));

        var throttled = await emu.VodAsync("SubmitTranscodeJobs", P("VideoId", "none", "TemplateGroupId", "none"));
        Assert.Equal((HttpStatusCode.BadRequest, "Throttling.User"), (throttled.Status, throttled.Code));
        Assert.Equal(HttpStatusCode.OK, (await emu.VodAsync("ListTranscodeTemplateGroup")).Status);
        using (var put = await emu.OssAsync(HttpMethod.Put, "media-archive", "a.mp4", content: new StringContent("movie")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var initiated = await emu.OssAsync(HttpMethod.Post, "media-archive", "b.mp4", "uploads"))
        {
            string uploadId = System.Xml.Linq.XDocument.Parse(await initiated.Content.ReadAsStringAsync()).Root!.Element("UploadId")!.Value;
            await Assert.ThrowsAsync<HttpRequestException>(() => emu.OssAsync(HttpMethod.Put, "media-archive", "b.mp4", $"partNumber=1&uploadId={uploadId}", content: new StringContent("part")));
        }

        var listed = JsonNode.Parse(await emu.Http.GetStringAsync(EmulatorDefaults.FaultsPath))!["rules"]!.AsArray();
        Assert.Equal([1L, 1L], listed.Select(r => (long)r!["hits"]!));
        Assert.Equal((400, "Throttling.User"), ((int)listed[0]!["status"]!, (string?)listed[0]!["code"]));
        var stats = await StatsTests.StatsAsync(emu);
        Assert.Equal((1L, 1L), ((long)stats["faults.rule.1"]!, (long)stats["faults.rule.2"]!));
        Assert.Equal(1L, (long)stats["faults.Error400"]!);
    }

    [Fact]
    public async Task Rules_are_cleared_one_or_all_and_a_bad_rule_is_refused()
    {
        await using var emu = await StartAsync(o => o.Faults = "500:1@GetCallerIdentity");
        var refused = await AddAsync(emu, "500:1@NoSuchAction");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("NoSuchAction", (string?)refused.Body["error"]);
        await AddAsync(emu, "503:1@CreateRole");

        using (var one = await emu.Http.DeleteAsync(EmulatorDefaults.FaultsPath + "/1")) Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using (var none = await emu.Http.DeleteAsync(EmulatorDefaults.FaultsPath + "/1")) Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await emu.StsAsync("GetCallerIdentity")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await emu.RamAsync("CreateRole", P("RoleName", "r"))).Status);
        using (var all = await emu.Http.DeleteAsync(EmulatorDefaults.FaultsPath))
            Assert.Equal(1, (int)JsonNode.Parse(await all.Content.ReadAsStringAsync())!["removed"]!);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await emu.RamAsync("CreateRole", P("RoleName", "r"))).Status);
    }

    private static async Task<RpcResult> AddAsync(Emulator emu, string spec)
    {
        using var response = await emu.Http.PostAsync(EmulatorDefaults.FaultsPath, new StringContent(spec, Encoding.UTF8, "text/plain"));
        return new RpcResult(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
