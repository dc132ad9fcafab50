using System.Collections.Concurrent;
using System.Text;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api.Signing;
using VodTools.Api;
using VodTools.Tests.Support;

namespace VodTools.Tests.Api;

/// <summary>RpcClient against a real loopback HTTP server: wire shape, retries, errors, timeouts, redaction.</summary>
public class RpcClientTests
{
    private const string Secret = "rpc-test-secret-value";
    private const string Token = "CAIS+rpc/test/token==";
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });

    private static (RpcClient Client, ConcurrentQueue<string> Log) Client(LoopbackServer server, RpcService service, CloudCredentials? credentials = null, int attempts = 4, TimeSpan? timeout = null, RpcSignatureVersion? signature = null)
    {
        var log = new ConcurrentQueue<string>();
        var options = new ClientOptions
        {
            Retry = new RetryPolicy(attempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)),
            AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
            Log = log.Enqueue,
            UseQpsBudget = false,
        };
        return (new RpcClient(service, server.BaseUri, new StaticCredentialProvider(credentials ?? new CloudCredentials("testid", Secret), "test credentials"), Transport, options, signature), log);
    }

    private static KeyValuePair<string, string>[] Parameters => new[]
    {
        new KeyValuePair<string, string>("RegisterMetadatas", "[{\"FileURL\":\"https://b.oss-cn-shanghai.aliyuncs.com/a b*(1)!.mp4\",\"Title\":\"测试 🎬\"}]"),
        new KeyValuePair<string, string>("TemplateGroupId", "VOD_NO_TRANSCODE"),
    };

    [Fact]
    public async Task V3_sends_the_parameters_in_the_query_and_a_signature_that_verifies()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(200, "{\"RequestId\":\"R1\",\"Ok\":true}"));
        var (client, _) = Client(server, RpcService.Vod, new CloudCredentials("STS.testid", Secret, Token));

        var result = await client.CallAsync("RegisterMedia", Parameters, CancellationToken.None);

        Assert.True(result.GetProperty("Ok").GetBoolean());
        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal(Parameters, request.Query);
        Assert.Equal("RegisterMedia", request.Header("x-acs-action"));
        Assert.Equal("2017-03-21", request.Header("x-acs-version"));
        Assert.Equal(Token, request.Header("x-acs-security-token"));
        Assert.Equal(Crypto.EmptySha256, request.Header("x-acs-content-sha256"));
        var signedNames = request.Header("Authorization")!.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signedNames.Select(n => new KeyValuePair<string, string>(n, request.Header(n)!));
        var expected = RpcV3Signer.Sign("POST", request.Query, headers, Crypto.EmptySha256, "STS.testid", Secret);
        Assert.Equal(expected.Authorization, request.Header("Authorization"));
        Assert.Contains("x-acs-security-token", signedNames);
    }

    [Fact]
    public async Task V1_puts_common_parameters_in_the_query_and_the_operation_in_a_signed_form_body()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(200, "{\"RequestId\":\"R1\"}"));
        var (client, _) = Client(server, RpcService.Sts, new CloudCredentials("STS.testid", Secret, Token));

        await client.CallAsync("AssumeRole", Parameters, CancellationToken.None);

        var request = Assert.Single(server.Received);
        var form = WireRequest.ParseForm(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(Parameters, form);
        Assert.Equal("application/x-www-form-urlencoded", request.Header("content-type"));
        var query = request.Query;
        Assert.Equal("2015-04-01", query.Single(p => p.Key == "Version").Value);
        Assert.Equal(Token, query.Single(p => p.Key == "SecurityToken").Value);
        var signature = query.Single(p => p.Key == "Signature").Value;
        Assert.Equal(RpcV1Signer.Sign("POST", query.Concat(form), Secret).Signature, signature);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_a_fresh_nonce_each_time_then_succeed()
    {
        var busy = "{\"RequestId\":\"R-busy\",\"Code\":\"ServiceUnAvailable\",\"Message\":\"The request has failed due to a temporary failure of the server.\"}";
        using var server = new LoopbackServer(ScriptedAnswer.Json(503, busy), ScriptedAnswer.Dropped(), ScriptedAnswer.Json(200, "{\"RequestId\":\"R-ok\"}"));
        var (client, log) = Client(server, RpcService.Vod);

        var result = await client.CallAsync("GetVideoInfo", new[] { new KeyValuePair<string, string>("VideoId", "v1") }, CancellationToken.None);

        Assert.Equal("R-ok", result.GetProperty("RequestId").GetString());
        // .NET may resend the dropped request once on a new connection (same bytes, same nonce);
        // every attempt of ours is re-signed, so the nonces it sent number its attempts.
        var nonces = server.Received.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count();
        Assert.Equal(log.Count, nonces);
        Assert.InRange(nonces, 2, 3);
        Assert.Contains("attempt 1/4: HTTP 503 ServiceUnAvailable; retrying", log.First());
        Assert.Contains("HTTP 200, RequestId R-ok", log.Last());
    }

    [Fact]
    public async Task Throttling_honours_the_servers_retry_after_hint()
    {
        var throttled = ScriptedAnswer.Json(400, "{\"RequestId\":\"R-t\",\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow throttling.\"}",
            new() { ["x-acs-retry-after"] = "250" });
        using var server = new LoopbackServer(throttled, ScriptedAnswer.Json(200, "{\"RequestId\":\"R-ok\"}"));
        var (client, log) = Client(server, RpcService.Vod);

        await client.CallAsync("RegisterMedia", Parameters, CancellationToken.None);

        Assert.Contains("Throttling.User; retrying in 250 ms", log.First());
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_RAM_refusal_names_the_permission_its_AccessDeniedDetail_names()
    {
        var refused = "{\"RequestId\":\"R-403\",\"Code\":\"Forbidden.RAM\",\"Message\":\"User not authorized to operate on the specified resource, or this API doesn't support RAM.\","
            + "\"AccessDeniedDetail\":{\"AuthAction\":\"vod:SubmitTranscodeJobs\",\"NoPermissionType\":\"ImplicitDeny\",\"AuthPrincipalType\":\"AssumedRoleUser\"}}";
        using var server = new LoopbackServer(ScriptedAnswer.Json(403, refused));
        var (client, _) = Client(server, RpcService.Vod);

        var error = await Assert.ThrowsAsync<CloudException>(() => client.CallAsync("SubmitTranscodeJobs", Parameters, CancellationToken.None));

        Assert.Equal("vod:SubmitTranscodeJobs", error.Denial!.Action);
        Assert.False(error.Denial.ExplicitDeny);
        Assert.EndsWith("doesn't support RAM. These credentials lack the RAM permission vod:SubmitTranscodeJobs.", error.ServiceMessage);
    }

    [Fact]
    public async Task A_client_error_is_never_retried_and_carries_the_clouds_fields()
    {
        var notFound = "{\"RequestId\":\"R-404\",\"HostId\":\"vod.cn-shanghai.aliyuncs.com\",\"Code\":\"InvalidVideo.NotFound\",\"Message\":\"The video does not exist.\",\"Recommend\":\"https://api.aliyun.com/troubleshoot?q=InvalidVideo.NotFound\"}";
        using var server = new LoopbackServer(ScriptedAnswer.Json(404, notFound));
        var (client, _) = Client(server, RpcService.Vod);

        var error = await Assert.ThrowsAsync<CloudException>(() => client.CallAsync("GetVideoInfo", new[] { new KeyValuePair<string, string>("VideoId", "v1") }, CancellationToken.None));

        Assert.Single(server.Received);
        Assert.Equal(("VOD", "GetVideoInfo", "InvalidVideo.NotFound", 404, "R-404"), (error.Service, error.Operation, error.Code, error.HttpStatus, error.RequestId));
        Assert.Equal("vod.cn-shanghai.aliyuncs.com", error.HostId);
        Assert.StartsWith("https://api.aliyun.com/troubleshoot", error.Recommend);
        Assert.Contains("InvalidVideo.NotFound: The video does not exist. (HTTP 404, RequestId R-404)", error.Message);
    }

    [Fact]
    public async Task An_xml_error_body_is_understood_too()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><RequestId>R-x</RequestId><HostId>ram.aliyuncs.com</HostId><Code>EntityNotExist.Role</Code><Message>The role does not exist.</Message></Error>";
        using var server = new LoopbackServer(new ScriptedAnswer(404, xml, new() { ["Content-Type"] = "text/xml;charset=utf-8" }));
        var (client, _) = Client(server, RpcService.Ram);

        var error = await Assert.ThrowsAsync<CloudException>(() => client.CallAsync("GetRole", new[] { new KeyValuePair<string, string>("RoleName", "x") }, CancellationToken.None));

        Assert.Equal(("EntityNotExist.Role", "R-x", "RAM"), (error.Code, error.RequestId, error.Service));
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_attempts_with_a_transport_error()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Dropped());
        var (client, log) = Client(server, RpcService.Vod, attempts: 3);

        var error = await Assert.ThrowsAsync<CloudException>(() => client.CallAsync("GetVideoInfo", Array.Empty<KeyValuePair<string, string>>(), CancellationToken.None));

        Assert.True(error.IsTransportFailure);
        Assert.Equal(TransportCodes.ConnectionFailed, error.Code);
        Assert.Equal(3, log.Count);
        Assert.Equal(3, server.Received.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count());
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_attempt_and_the_callers_cancellation_is_not_a_timeout()
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200, "{}", Delay: TimeSpan.FromSeconds(5)));
        var (client, log) = Client(server, RpcService.Vod, attempts: 2, timeout: TimeSpan.FromMilliseconds(300));

        var timeout = await Assert.ThrowsAsync<CloudException>(() => client.CallAsync("GetVideoInfo", Array.Empty<KeyValuePair<string, string>>(), CancellationToken.None));
        Assert.Equal(TransportCodes.Timeout, timeout.Code);
        Assert.Equal(2, log.Count(line => line.Contains("no answer RequestTimeout")));

        var (patient, _) = Client(server, RpcService.Vod, attempts: 2, timeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.CallAsync("GetVideoInfo", Array.Empty<KeyValuePair<string, string>>(), cancel.Token));
    }

    [Fact]
    public async Task A_skewed_clock_is_corrected_from_the_servers_date_and_the_call_retried_once()
    {
        var skewed = ScriptedAnswer.Json(400, "{\"RequestId\":\"R-s\",\"Code\":\"InvalidTimeStamp.Expired\",\"Message\":\"Specified time stamp or date value is expired.\"}");
        using var server = new LoopbackServer(skewed, ScriptedAnswer.Json(200, "{\"RequestId\":\"R-ok\"}"));
        var (client, _) = Client(server, RpcService.Vod);
        var slowClock = new ClientOptions { Clock = () => DateTimeOffset.UtcNow.AddHours(-1), UseQpsBudget = false };
        client = new RpcClient(RpcService.Vod, server.BaseUri, new StaticCredentialProvider(new CloudCredentials("testid", Secret), "test credentials"), Transport, slowClock);

        await client.CallAsync("GetVideoInfo", Array.Empty<KeyValuePair<string, string>>(), CancellationToken.None);

        var dates = server.Received.Select(r => DateTimeOffset.Parse(r.Header("x-acs-date")!)).ToList();
        Assert.True(dates[0] < DateTimeOffset.UtcNow.AddMinutes(-50), "the first attempt used the skewed clock");
        Assert.True(Math.Abs((dates[1] - DateTimeOffset.UtcNow).TotalMinutes) < 5, "the second used the server's time");
    }

    [Fact]
    public async Task The_log_never_holds_the_secret_the_token_or_a_signature()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(500, $"{{\"Code\":\"InternalError\",\"Message\":\"echo {Secret} {Token}\",\"RequestId\":\"R\"}}"), ScriptedAnswer.Json(200, "{\"RequestId\":\"R2\"}"));
        var (client, log) = Client(server, RpcService.Vod, new CloudCredentials("STS.testid", Secret, Token));

        await client.CallAsync("GetVideoInfo", Parameters, CancellationToken.None);

        Assert.Equal(2, log.Count);
        foreach (var line in log)
        {
            Assert.DoesNotContain(Secret, line);
            Assert.DoesNotContain(Token, line);
            Assert.DoesNotContain("Signature=", line);
        }
    }
}
