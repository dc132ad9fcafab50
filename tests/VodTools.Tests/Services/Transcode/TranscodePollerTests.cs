using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Transcode;
using VodTools.Services.Vod;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services.Transcode;

/// <summary>Polls ten media a call, and reads a finished task ten jobs a call, falling back to the task itself.</summary>
public class TranscodePollerTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });

    private static VodService Vod(Uri endpoint) =>
        new(new RpcClient(RpcService.Vod, endpoint, new StaticCredentialProvider(new CloudCredentials("testid", "secret"), "test"), Transport, new ClientOptions
        {
            Retry = new RetryPolicy(1, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)),
            UseQpsBudget = false,
        }));

    private static string ActionOf(ReceivedRequest request) => request.Header("x-acs-action") ?? string.Empty;

    private static string Param(ReceivedRequest request, string name) => request.Query.Single(p => p.Key == name).Value;

    private static string Summary(string mediaId, string status, int progress) =>
        $$$"""{"VideoId":"{{{mediaId}}}","TranscodeStatus":"{{{status}}}","TranscodeTemplateGroupId":"g","TranscodeJobInfoSummaryList":[{"TranscodeTemplateId":"t","TranscodeJobStatus":"Transcoding","TranscodeProgress":{{{progress}}}}]}""";

    private static ScriptedAnswer Summaries(ReceivedRequest request, Func<string, string> status) =>
        ScriptedAnswer.Json(200, "{\"RequestId\":\"R\",\"NonExistVideoIds\":[],\"TranscodeSummaryList\":[" +
            string.Join(",", Param(request, "VideoIds").Split(',').Select(id => Summary(id, status(id), 40))) + "]}");

    private static string Job(string jobId, string status) =>
        $$$"""{"TranscodeJobId":"{{{jobId}}}","TranscodeTemplateId":"t","TranscodeJobStatus":"{{{status}}}","TranscodeProgress":100,"Definition":"HD","CreationTime":"2026-11-26T01:00:00Z","CompleteTime":"2026-11-26T01:00:10Z","OutputFile":{"OutputFileUrl":"https://out/{{{jobId}}}.mp4"}}""";

    private static IReadOnlyList<TranscodePoll> Polls(int count, bool withJobs) =>
        Enumerable.Range(1, count).Select(i => new TranscodePoll($"task{i}", $"media{i}", "g", withJobs ? new[] { $"job{i}" } : null)).ToList();

    [Fact]
    public async Task Running_tasks_cost_one_summary_call_for_ten_media_and_nothing_else()
    {
        using var server = new LoopbackServer(request => Summaries(request, _ => "Processing"));
        var results = await new TranscodePoller(Vod(server.BaseUri)).PollAsync(Polls(12, withJobs: true), InFlightLimit.Fixed(4), CancellationToken.None);
        Assert.Equal(new[] { "GetTranscodeSummary", "GetTranscodeSummary" }, server.Received.Select(ActionOf));
        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal(("Processing", 40), (r.Task!.Status, r.Task.Progress)));
        Assert.Equal("task7", results.Single(r => r.Task!.MediaId == "media7").TaskId);
    }

    [Fact]
    public async Task A_finished_media_is_read_ten_jobs_a_call_and_its_task_assembled_from_them()
    {
        using var server = new LoopbackServer(request => ActionOf(request) switch
        {
            "GetTranscodeSummary" => Summaries(request, _ => "CompleteAllSucc"),
            "GetTranscodeTask" => ScriptedAnswer.Json(200, "{\"RequestId\":\"R\",\"TranscodeJobInfoList\":[" +
                string.Join(",", Param(request, "JobIds").Split(',').Select(id => Job(id, id == "job3" ? "TranscodeFail" : "TranscodeSuccess"))) + "],\"NonExistJobIds\":[]}"),
            _ => ScriptedAnswer.Json(400, "{\"Code\":\"Unexpected\"}"),
        });
        var results = await new TranscodePoller(Vod(server.BaseUri)).PollAsync(Polls(12, withJobs: true), InFlightLimit.Fixed(4), CancellationToken.None);
        Assert.Equal(2, server.Received.Count(r => ActionOf(r) == "GetTranscodeSummary"));
        Assert.Equal(2, server.Received.Count(r => ActionOf(r) == "GetTranscodeTask"));
        Assert.DoesNotContain(server.Received, r => r.Query.Any(p => p.Key == "TranscodeTaskId"));
        var first = results.Single(r => r.TaskId == "task1").Task!;
        Assert.Equal(("CompleteAllSucc", "media1", "g"), (first.Status, first.MediaId, first.TemplateGroupId));
        Assert.Equal("https://out/job1.mp4", first.Jobs.Single().OutputUrl);
        Assert.Equal(new DateTime(2026, 11, 26, 1, 0, 10, DateTimeKind.Utc), first.CompleteTime?.ToUniversalTime());
        Assert.Equal("CompleteAllFail", results.Single(r => r.TaskId == "task3").Task!.Status);
    }

    [Fact]
    public async Task A_task_without_job_ids_or_unknown_jobs_is_read_by_its_id()
    {
        using var server = new LoopbackServer(request => ActionOf(request) switch
        {
            "GetTranscodeSummary" => Summaries(request, _ => "CompleteAllSucc"),
            "GetTranscodeTask" when request.Query.Any(p => p.Key == "JobIds") => ScriptedAnswer.Json(200, "{\"RequestId\":\"R\",\"TranscodeJobInfoList\":[],\"NonExistJobIds\":[\"job1\"]}"),
            "GetTranscodeTask" => ScriptedAnswer.Json(200, $$$"""{"RequestId":"R","TranscodeTask":{"TranscodeTaskId":"{{{Param(request, "TranscodeTaskId")}}}","VideoId":"m","TaskStatus":"CompleteAllSucc","TranscodeJobInfoList":[]}}"""),
            _ => ScriptedAnswer.Json(400, "{\"Code\":\"Unexpected\"}"),
        });
        var polls = new[] { new TranscodePoll("task1", "media1", "g", new[] { "job1" }), new TranscodePoll("task2", "media2"), new TranscodePoll("task3") };
        var results = await new TranscodePoller(Vod(server.BaseUri)).PollAsync(polls, InFlightLimit.Fixed(2), CancellationToken.None);
        Assert.Equal(new[] { "task1", "task2", "task3" }, server.Received.Where(r => r.Query.Any(p => p.Key == "TranscodeTaskId")).Select(r => Param(r, "TranscodeTaskId")).OrderBy(t => t));
        Assert.All(results, r => Assert.Equal("CompleteAllSucc", r.Task!.Status));
    }

    [Fact]
    public async Task A_failed_summary_call_fails_the_polls_of_its_media_only()
    {
        using var server = new LoopbackServer(request => ActionOf(request) == "GetTranscodeSummary" && Param(request, "VideoIds").Contains("media1,")
            ? ScriptedAnswer.Json(503, "{\"RequestId\":\"R\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}")
            : Summaries(request, _ => "Processing"));
        var results = await new TranscodePoller(Vod(server.BaseUri)).PollAsync(Polls(11, withJobs: false), InFlightLimit.Fixed(2), CancellationToken.None);
        Assert.Equal(10, results.Count(r => r.Error is CloudException { Code: "ServiceUnavailable" }));
        Assert.Equal("Processing", results.Single(r => r.TaskId == "task11").Task!.Status);
    }

    [Theory]
    [InlineData("TranscodeSuccess,TranscodeSuccess", "CompleteAllSucc")]
    [InlineData("TranscodeFail,TranscodeFail", "CompleteAllFail")]
    [InlineData("TranscodeSuccess,TranscodeFail", "CompletePartialSucc")]
    [InlineData("TranscodeSuccess,Transcoding", "Processing")]
    public void A_task_ends_as_its_jobs_do(string statuses, string expected)
    {
        var jobs = statuses.Split(',').Select((s, i) => new TranscodeJob { JobId = "j" + i, Status = s }).ToList();
        Assert.Equal(expected, TranscodePoller.FromJobs(new TranscodePoll("t"), jobs).Status);
    }
}
