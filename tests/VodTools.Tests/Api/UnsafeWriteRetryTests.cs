using VodTools.Api;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Tests.Support;

namespace VodTools.Tests.Api;

/// <summary>A write that is not safe to repeat is retried only after failures proving nothing was done; reads retry as before.</summary>
public class UnsafeWriteRetryTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });
    private static readonly KeyValuePair<string, string>[] Submit = { new("VideoId", "m1"), new("TemplateGroupId", "g1") };
    private const string Busy = "{\"RequestId\":\"R-busy\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}";
    private const string Internal = "{\"RequestId\":\"R-500\",\"Code\":\"InternalError\",\"Message\":\"unknown\"}";
    private const string Throttled = "{\"RequestId\":\"R-429\",\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}";
    private const string Ok = "{\"RequestId\":\"R-ok\",\"TranscodeTaskId\":\"t1\"}";

    private static RpcClient Client(Uri endpoint, int attempts = 4, TimeSpan? timeout = null, System.Collections.Concurrent.ConcurrentQueue<string>? log = null) =>
        new(RpcService.Vod, endpoint, new StaticCredentialProvider(new CloudCredentials("testid", "secret"), "test"), Transport, new ClientOptions
        {
            Retry = new RetryPolicy(attempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)),
            AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
            UseQpsBudget = false,
            Log = log == null ? null : log.Enqueue,
        });

    [Fact]
    public async Task Answers_that_prove_nothing_was_done_are_retried()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(503, Busy), ScriptedAnswer.Json(400, Throttled), ScriptedAnswer.Json(200, Ok));
        var result = await Client(server.BaseUri).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None);
        Assert.Equal("t1", result.GetProperty("TranscodeTaskId").GetString());
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task A_lost_answer_is_not_repeated_and_says_the_outcome_is_unknown()
    {
        // every answer lost; .NET itself may resend on a reset connection (the cloud then answers SignatureNonceUsed),
        // but our own attempts stop at the first
        using var server = new LoopbackServer(_ => ScriptedAnswer.Dropped());
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri, log: log).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.True(error.OutcomeUnknown);
        var line = Assert.Single(log);
        Assert.Contains("attempt 1/4: no answer ConnectionFailed; not repeated", line);
    }

    [Fact]
    public async Task A_reused_nonce_after_a_resend_leaves_the_outcome_unknown()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(400, "{\"RequestId\":\"R-n\",\"Code\":\"SignatureNonceUsed\",\"Message\":\"used\"}"), ScriptedAnswer.Json(200, Ok));
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.True(error.OutcomeUnknown);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_500_is_not_repeated_either()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(500, Internal), ScriptedAnswer.Json(200, Ok));
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.Equal("InternalError", error.Code);
        Assert.True(error.OutcomeUnknown);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_timeout_is_not_repeated()
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200, Ok, Delay: TimeSpan.FromSeconds(3)), ScriptedAnswer.Json(200, Ok));
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri, timeout: TimeSpan.FromMilliseconds(300)).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.Equal(TransportCodes.Timeout, error.Code);
        Assert.True(error.OutcomeUnknown);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_refusal_is_a_known_outcome()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(400, "{\"RequestId\":\"R-400\",\"Code\":\"Forbidden.IllegalStatus\",\"Message\":\"no\"}"));
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.False(error.OutcomeUnknown);
        Assert.False(error.AfterUnansweredAttempt);
    }

    [Fact]
    public async Task A_safe_call_retries_lost_answers_and_says_an_earlier_attempt_may_have_acted()
    {
        using var server = new LoopbackServer(_ => ScriptedAnswer.Dropped());
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri, log: log).CallAsync("CreateRole", Submit, CancellationToken.None));
        Assert.True(error.AfterUnansweredAttempt);
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(4, log.Count);
    }

    [Fact]
    public async Task A_connection_that_cannot_be_made_proves_nothing_was_done()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/");
        var error = await Assert.ThrowsAsync<CloudException>(() => Client(closed, attempts: 2).CallUnsafeAsync("SubmitTranscodeJobs", Submit, CancellationToken.None));
        Assert.Equal(TransportCodes.ConnectionFailed, error.Code);
        Assert.False(error.OutcomeUnknown);
    }
}
