using VodTools.Api.Credentials;
using VodTools.Api.Http;

namespace VodTools.Tests.Api.Http;

public class RetryAndProxyTests
{
    private static CloudException Error(string code, int status) => new("VOD", "X", code, "m", status);

    [Theory]
    [InlineData("Throttling.User", 400, true)]
    [InlineData("Throttling", 400, true)]
    [InlineData("Rejected.Throttling", 400, true)]
    [InlineData("ServiceUnAvailable", 503, true)]
    [InlineData("InternalError", 500, true)]
    [InlineData("TotalQpsLimitExceeded", 503, true)]
    [InlineData("RequestTimeout", 0, true)]
    [InlineData("SignatureNonceUsed", 400, true)]
    [InlineData("SignatureDoesNotMatch", 400, false)]
    [InlineData("InvalidAccessKeyId.NotFound", 404, false)]
    [InlineData("MissingParameter", 400, false)]
    [InlineData("Forbidden.RAM", 403, false)]
    [InlineData("EntityNotExist.Role", 404, false)]
    [InlineData("NoSuchKey", 404, false)]
    [InlineData("InvalidTimeStamp.Expired", 400, false)]
    public void Only_throttling_server_and_transport_failures_are_retryable(string code, int status, bool retryable) =>
        Assert.Equal(retryable, RetryPolicy.IsRetryable(Error(code, status)));

    [Fact]
    public void Backoff_is_jittered_under_an_exponential_cap_and_never_below_the_hint()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000));
        var second = Enumerable.Range(0, 200).Select(_ => policy.DelayBefore(2, null).TotalMilliseconds).ToList();
        Assert.All(second, d => Assert.InRange(d, 0, 200));
        Assert.True(second.Distinct().Count() > 100, "full jitter spreads the delays");
        Assert.All(Enumerable.Range(0, 50), _ => Assert.InRange(policy.DelayBefore(9, null).TotalMilliseconds, 0, 1000));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBefore(2, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Environment_proxy_reads_both_casings_and_honours_no_proxy()
    {
        var env = new Dictionary<string, string> { ["https_proxy"] = "proxy.corp:3128", ["NO_PROXY"] = ".internal.example, aliyuncs.internal" };
        var proxy = EnvironmentProxy.FromEnvironment(n => env.TryGetValue(n, out var v) ? v : null)!;

        Assert.Equal(new Uri("http://proxy.corp:3128"), proxy.GetProxy(new Uri("https://vod.cn-shanghai.aliyuncs.com/")));
        Assert.True(proxy.IsBypassed(new Uri("http://vod.cn-shanghai.aliyuncs.com/")), "no HTTP proxy set");
        Assert.True(proxy.IsBypassed(new Uri("https://a.internal.example/")));
        Assert.True(proxy.IsBypassed(new Uri("https://aliyuncs.internal/")));
        Assert.True(proxy.IsBypassed(new Uri("https://127.0.0.1:8990/")), "loopback never goes through a proxy");
        Assert.False(proxy.IsBypassed(new Uri("https://oss-cn-shanghai.aliyuncs.com/")));
        Assert.Null(EnvironmentProxy.FromEnvironment(_ => null));
    }

    [Fact]
    public void Redaction_masks_known_secrets_and_signature_shaped_values()
    {
        var text = "secret=abcdSECRET1234 and Signature=xyz%2B1 and SecurityToken: tok123, Authorization=OSS4-HMAC-SHA256";
        var redacted = SecretRedactor.Redact(text, new[] { "abcdSECRET1234", null });
        Assert.DoesNotContain("abcdSECRET1234", redacted);
        Assert.DoesNotContain("xyz%2B1", redacted);
        Assert.DoesNotContain("tok123", redacted);
        Assert.Contains("Signature=***", redacted);
    }

    [Fact]
    public async Task The_qps_budget_lets_the_quota_through_at_once_and_queues_the_rest()
    {
        var key = "test|" + Guid.NewGuid();
        var calls = Enumerable.Range(0, 8).Select(_ => QpsBudget.AcquireAsync(key, 5, CancellationToken.None)).ToList();
        await Task.WhenAll(calls.Take(5));
        Assert.Equal(5, calls.Count(c => c.IsCompleted));
        await Task.WhenAll(calls);
    }
}
