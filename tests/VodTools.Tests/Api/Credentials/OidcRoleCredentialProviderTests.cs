using System.Collections.Concurrent;
using VodTools.Api.Credentials;
using VodTools.Api;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class OidcRoleCredentialProviderTests
{
    private const string OidcToken = "eyJhbGciOiJSUzI1NiJ9.oidc-token-1";

    private sealed class RecordingOidc
    {
        private readonly TestClock _clock;

        public RecordingOidc(TestClock clock) => _clock = clock;

        public ConcurrentQueue<AssumeRoleWithOidcParameters> Calls { get; } = new();

        public ConcurrentQueue<string> Tokens { get; } = new();

        public Task<CloudCredentials> Handle(AssumeRoleWithOidcParameters parameters, string oidcToken, CancellationToken cancellationToken)
        {
            Tokens.Enqueue(oidcToken);
            Calls.Enqueue(parameters);
            return Task.FromResult(new CloudCredentials("STS.oidc" + Calls.Count, "oidc-secret", "oidc-sts-token", _clock.Now.AddSeconds(parameters.DurationSeconds)));
        }
    }

    [Fact]
    public async Task TheOidcEnvironmentAssumesTheRoleWithTheTokenFile()
    {
        using var home = new TestHome();
        var tokenFile = home.Write(Path.Combine(home.Path, "token"), OidcToken + "\n");
        home.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/oidc";
        home.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/ack";
        home.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile;
        home.Environment["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "pod-session";
        home.Environment["ALIBABA_CLOUD_STS_REGION"] = "cn-hangzhou";
        home.WriteCliConfig("""{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAIprofile000001","access_key_secret":"s"}]}""");
        var clock = new TestClock();
        var sts = new RecordingOidc(clock);

        var provider = home.Resolve(o => { o.AssumeRoleWithOidc = sts.Handle; o.UtcNow = () => clock.Now; });
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.oidc1", credentials.AccessKeyId);
        var call = Assert.Single(sts.Calls);
        Assert.Equal(("acs:ram::1:role/oidc", "acs:ram::1:oidc-provider/ack"), (call.RoleArn, call.OidcProviderArn));
        Assert.Equal(OidcToken, Assert.Single(sts.Tokens));
        Assert.Equal(("pod-session", 3600, "cn-hangzhou"), (call.RoleSessionName, call.DurationSeconds, call.StsRegion));
        Assert.StartsWith("environment variables ALIBABA_CLOUD_ROLE_ARN/", provider.Description);
        Assert.DoesNotContain(OidcToken, provider.Description);
    }

    [Fact]
    public async Task TheRotatedTokenIsReadAgainOnRefresh()
    {
        using var home = new TestHome();
        var tokenFile = home.Write(Path.Combine(home.Path, "token"), OidcToken);
        var clock = new TestClock();
        var sts = new RecordingOidc(clock);
        var provider = new OidcRoleCredentialProvider(
            new AssumeRoleWithOidcParameters("acs:ram::1:role/oidc", "acs:ram::1:oidc-provider/ack", durationSeconds: 900), tokenFile, sts.Handle, () => clock.Now);

        await provider.GetCredentialsAsync(CancellationToken.None);
        File.WriteAllText(tokenFile, "rotated-token");
        clock.Advance(TimeSpan.FromSeconds(900 - 180));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.oidc2", refreshed.AccessKeyId);
        Assert.Equal(new[] { OidcToken, "rotated-token" }, sts.Tokens);
    }

    [Fact]
    public async Task AMissingTokenFileIsAnError()
    {
        using var home = new TestHome();
        var sts = new RecordingOidc(new TestClock());
        var provider = new OidcRoleCredentialProvider(
            new AssumeRoleWithOidcParameters("acs:ram::1:role/oidc", "acs:ram::1:oidc-provider/ack"), Path.Combine(home.Path, "absent"), sts.Handle);

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.ConfigFileInvalid, error.ErrorId);
        Assert.Empty(sts.Calls);
    }

    [Fact]
    public async Task CliOidcModeAndIniOidcRoleArnAreRead()
    {
        using var home = new TestHome();
        var tokenFile = home.Write(Path.Combine(home.Path, "token"), OidcToken);
        var escaped = tokenFile.Replace("\\", "\\\\");
        home.WriteCliConfig($$"""{"current":"o","profiles":[{"name":"o","mode":"OIDC","ram_role_arn":"acs:ram::1:role/cli","oidc_provider_arn":"acs:ram::1:oidc-provider/p","oidc_token_file":"{{escaped}}","expired_seconds":1200}]}""");
        home.WriteCredentialsFile($"[ini]\ntype = oidc_role_arn\nrole_arn = acs:ram::1:role/ini\noidc_provider_arn = acs:ram::1:oidc-provider/p\noidc_token_file_path = {tokenFile}\n");
        var sts = new RecordingOidc(new TestClock());

        await home.Resolve(o => o.AssumeRoleWithOidc = sts.Handle).GetCredentialsAsync(CancellationToken.None);
        await home.Resolve(o => { o.AssumeRoleWithOidc = sts.Handle; o.Settings = new ConnectionSettings(profileName: "ini"); }).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(
            new[] { ("acs:ram::1:role/cli", 1200), ("acs:ram::1:role/ini", 3600) },
            sts.Calls.Select(c => (c.RoleArn, c.DurationSeconds)));
    }
}
