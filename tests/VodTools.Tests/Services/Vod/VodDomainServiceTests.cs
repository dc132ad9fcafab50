using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Vod;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services.Vod;

/// <summary>Domain calls: a repeat of our own request whose first answer was lost reads as its success; listing reads VOD's page shape.</summary>
public class VodDomainServiceTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });
    private const string AlreadyExists = "{\"RequestId\":\"R-1\",\"Code\":\"DomainAlreadyExist\",\"Message\":\"This domain name is exist already\"}";
    private const string NotFound = "{\"RequestId\":\"R-2\",\"Code\":\"InvalidDomain.NotFound\",\"Message\":\"The domain provided does not belong to you.\"}";

    /// <summary>Loses every answer to the first attempt (.NET may resend it on its own, with the same nonce), then answers <paramref name="then"/>.</summary>
    private static LoopbackServer FirstAttemptLost(ScriptedAnswer then)
    {
        string? first = null;
        return new LoopbackServer(r =>
        {
            var nonce = r.Header("x-acs-signature-nonce");
            first ??= nonce;
            return nonce == first ? ScriptedAnswer.Dropped() : then;
        });
    }

    private static VodDomainService Domains(LoopbackServer server) =>
        new(new RpcClient(RpcService.Vod, server.BaseUri, new StaticCredentialProvider(new CloudCredentials("testid", "secret"), "test"), Transport, new ClientOptions
        {
            Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
            UseQpsBudget = false,
        }));

    [Fact]
    public async Task Already_exists_after_a_lost_answer_is_the_add_that_was_lost()
    {
        using var server = FirstAttemptLost(ScriptedAnswer.Json(400, AlreadyExists));
        await Domains(server).AddVodDomainAsync("video.example.com", "[]", "domestic", CancellationToken.None);
        Assert.Equal(2, server.Received.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count());
    }

    [Fact]
    public async Task Already_exists_on_the_first_answer_is_still_an_error()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(400, AlreadyExists));
        var error = await Assert.ThrowsAsync<CloudException>(() => Domains(server).AddVodDomainAsync("video.example.com", "[]", "domestic", CancellationToken.None));
        Assert.Equal("DomainAlreadyExist", error.Code);
    }

    [Fact]
    public async Task Not_found_after_a_lost_answer_is_the_delete_that_was_lost()
    {
        using var server = FirstAttemptLost(ScriptedAnswer.Json(404, NotFound));
        await Domains(server).DeleteVodDomainAsync("video.example.com", CancellationToken.None);
        Assert.Equal(2, server.Received.Select(r => r.Header("x-acs-signature-nonce")).Distinct().Count());
    }

    [Fact]
    public async Task Not_found_on_the_first_answer_is_still_an_error()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(404, NotFound));
        var error = await Assert.ThrowsAsync<CloudException>(() => Domains(server).DeleteVodDomainAsync("video.example.com", CancellationToken.None));
        Assert.Equal("InvalidDomain.NotFound", error.Code);
    }

    [Fact]
    public async Task A_page_of_domains_is_read_from_PageData_with_its_origins()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(200, """
            {"RequestId":"R-3","PageNumber":2,"PageSize":50,"TotalCount":"51","Domains":{"PageData":[
              {"DomainName":"v.example.com","Cname":"v.example.com.w.alikunlun.com","DomainStatus":"online","GmtCreated":"2025-01-02T03:04:05Z",
               "SslProtocol":"off","Sources":{"Source":[{"Content":"b.oss-cn-shanghai.aliyuncs.com","Type":"oss","Port":443,"Priority":"20"}]}}]}}
            """));
        var page = await Domains(server).ListVodDomainsAsync(2, CancellationToken.None);

        Assert.Equal(51, page.TotalCount);
        var domain = Assert.Single(page.Domains);
        Assert.Equal(("v.example.com", "online"), (domain.DomainName, domain.DomainStatus));
        Assert.Equal("oss:b.oss-cn-shanghai.aliyuncs.com:443", Assert.Single(domain.Sources).ToString());
        var query = Assert.Single(server.Received).Query;
        Assert.Contains(new KeyValuePair<string, string>("PageNumber", "2"), query);
        Assert.Contains(new KeyValuePair<string, string>("PageSize", "50"), query);
    }
}
