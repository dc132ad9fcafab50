using System.Text;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Sts;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services.Sts;

/// <summary>AssumeRoleWithOIDC goes unsigned with the token in the form body, as credentials-go sends it.</summary>
public class StsOidcTests
{
    [Fact]
    public async Task Oidc_role_credentials_come_from_an_unsigned_call_and_the_log_never_holds_the_token()
    {
        const string oidcToken = "eyJhbGciOiJSUzI1NiJ9.secret-oidc-claims.signature";
        var answer = "{\"RequestId\":\"R\",\"Credentials\":{\"AccessKeyId\":\"STS.oidc\",\"AccessKeySecret\":\"oidc-secret\",\"SecurityToken\":\"oidc-token\",\"Expiration\":\"2030-01-01T00:00:00Z\"}}";
        using var server = new LoopbackServer(ScriptedAnswer.Json(200, answer));
        var log = new List<string>();
        var client = new RpcClient(RpcService.Sts, server.BaseUri, null, new HttpTransport(new HttpClientHandler { UseProxy = false }),
            new ClientOptions { Log = log.Add }, RpcSignatureVersion.Anonymous);

        var credentials = await new StsService(client).AssumeRoleWithOidcAsync(
            new AssumeRoleWithOidcParameters("acs:ram::1234567890123456:role/pod", "acs:ram::1234567890123456:oidc-provider/ack", "pod-session"),
            oidcToken, CancellationToken.None);

        Assert.Equal(("STS.oidc", "oidc-token", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), (credentials.AccessKeyId, credentials.SecurityToken, credentials.Expiration));
        var request = Assert.Single(server.Received);
        Assert.Equal("AssumeRoleWithOIDC", request.Query.Single(p => p.Key == "Action").Value);
        Assert.DoesNotContain(request.Query, p => p.Key is "Signature" or "AccessKeyId");
        Assert.Null(request.Header("Authorization"));
        var form = WireRequest.ParseForm(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(oidcToken, form.Single(p => p.Key == "OIDCToken").Value);
        Assert.Equal("acs:ram::1234567890123456:oidc-provider/ack", form.Single(p => p.Key == "OIDCProviderArn").Value);
        Assert.DoesNotContain(log, line => line.Contains(oidcToken));
    }

    [Fact]
    public void Only_anonymous_clients_go_without_credentials() =>
        Assert.Throws<ArgumentNullException>(() => new RpcClient(RpcService.Sts, new Uri("https://sts.aliyuncs.com"), null, HttpTransport.Shared, new ClientOptions()));
}
