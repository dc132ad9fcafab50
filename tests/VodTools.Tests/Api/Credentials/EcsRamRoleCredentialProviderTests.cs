using VodTools.Api.Credentials;
using VodTools.Tests.Support;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class EcsRamRoleCredentialProviderTests
{
    private const string RolePath = "/latest/meta-data/ram/security-credentials/";

    /// <summary>The real 1 s limit can run out on a loaded CI machine before a loopback answer; only the timeout test uses it.</summary>
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(15);

    private static string CredentialsJson(string code, string id, DateTimeOffset expiration) =>
        $$"""{"Code":"{{code}}","AccessKeyId":"{{id}}","AccessKeySecret":"ecs-secret","SecurityToken":"ecs-token","Expiration":"{{expiration.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","LastUpdated":"2026-01-01T00:00:00Z"}""";

    /// <summary>An IMDSv2 metadata service: a token for the PUT, then only requests carrying it are answered.</summary>
    private static (int, string) MetadataV2(ReceivedRequest request, Func<string> credentials)
    {
        if (request.Method == "PUT" && request.RawUrl == "/latest/api/token")
        {
            return request.Headers.TryGetValue("X-aliyun-ecs-metadata-token-ttl-seconds", out var ttl) && ttl == "21600" ? (200, "the-imds-token") : (400, "");
        }

        if (!request.Headers.TryGetValue("X-aliyun-ecs-metadata-token", out var token) || token != "the-imds-token")
        {
            return (401, "");
        }

        return request.RawUrl == RolePath ? (200, "EcsRole") : request.RawUrl == RolePath + "EcsRole" ? (200, credentials()) : (404, "");
    }

    [Fact]
    public async Task GetsATokenThenDiscoversTheRoleAndItsCredentials()
    {
        var clock = new TestClock();
        using var server = new LoopbackServer(r => MetadataV2(r, () => CredentialsJson("Success", "STS.ecs1", clock.Now.AddHours(6))));
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, baseAddress: server.BaseUri, timeout: Patient, utcNow: () => clock.Now);

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.ecs1", credentials.AccessKeyId);
        Assert.Equal("ecs-secret", credentials.AccessKeySecret);
        Assert.Equal("ecs-token", credentials.SecurityToken);
        Assert.Equal(clock.Now.AddHours(6), credentials.Expiration);
        Assert.Equal(
            new[] { "PUT /latest/api/token", "GET " + RolePath, "GET " + RolePath + "EcsRole" },
            server.Received.Select(r => r.Method + " " + r.RawUrl));
    }

    [Fact]
    public async Task FallsBackToV1WhenTheTokenRequestFails()
    {
        using var server = new LoopbackServer(r =>
            r.Method == "PUT" ? (403, "")
            : r.Headers.ContainsKey("X-aliyun-ecs-metadata-token") ? (400, "")
            : r.RawUrl == RolePath + "Named" ? (200, CredentialsJson("Success", "STS.v1", DateTimeOffset.UtcNow.AddHours(1)))
            : (404, ""));
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, "Named", server.BaseUri, timeout: Patient);

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.v1", credentials.AccessKeyId);
        Assert.Equal(2, server.Received.Count);
        Assert.Contains("'Named'", provider.Description);
    }

    [Fact]
    public async Task FailsWithoutV1WhenImdsV1IsDisabled()
    {
        using var server = new LoopbackServer(r => r.Method == "PUT" ? (403, "") : (200, CredentialsJson("Success", "STS.v1", DateTimeOffset.UtcNow.AddHours(1))));
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, "Named", server.BaseUri, imdsV1Disabled: true, timeout: Patient);

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.EcsMetadataUnavailable, error.ErrorId);
        Assert.Contains("ALIBABA_CLOUD_IMDSV1_DISABLED", error.Message);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task ACodeOtherThanSuccessIsAnError()
    {
        using var server = new LoopbackServer(r => MetadataV2(r, () => CredentialsJson("Failed", "STS.bad", DateTimeOffset.UtcNow.AddHours(1))));
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, baseAddress: server.BaseUri, timeout: Patient);

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.CredentialsResponseInvalid, error.ErrorId);
        Assert.Contains("'Failed'", error.Message);
        Assert.DoesNotContain("ecs-secret", error.Message);
    }

    [Fact]
    public async Task RefreshesWhen180SecondsRemain()
    {
        var clock = new TestClock();
        var served = 0;
        using var server = new LoopbackServer(r => MetadataV2(r, () => CredentialsJson("Success", "STS.ecs" + Interlocked.Increment(ref served), clock.Now.AddSeconds(1000))));
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, "EcsRole", server.BaseUri, timeout: Patient, utcNow: () => clock.Now);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(819));
        var cached = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Equal("STS.ecs1", first.AccessKeyId);
        Assert.Equal("STS.ecs2", refreshed.AccessKeyId);
    }

    [Fact]
    public async Task AnUnreachableServiceFailsWithinTheTimeout()
    {
        var provider = new EcsRamRoleCredentialProvider(TestHome.Http, "EcsRole", new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/"));

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.EcsMetadataUnavailable, error.ErrorId);
    }

    [Fact]
    public void DefaultsMatchTheSpec()
    {
        Assert.Equal(new Uri("http://100.100.100.200"), EcsRamRoleCredentialProvider.DefaultBaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(1), EcsRamRoleCredentialProvider.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(180), RefreshingCredentialProvider.RefreshBeforeExpiry);
    }
}
