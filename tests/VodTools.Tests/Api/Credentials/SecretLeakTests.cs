using VodTools.Api.Credentials;
using VodTools.Api;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

/// <summary>No display string of the credential layer may carry a secret or token, whatever the source.</summary>
public class SecretLeakTests
{
    private const string Secret = "SECRET-7f3a9c1e5b";
    private const string Token = "TOKEN-0d4e8b2a6c";

    public static TheoryData<string> CliProfiles() => new()
    {
        $$"""{"name":"p","mode":"AK","access_key_id":"LTAIleaktest00001","access_key_secret":"{{Secret}}"}""",
        $$"""{"name":"p","mode":"StsToken","access_key_id":"LTAIleaktest00001","access_key_secret":"{{Secret}}","sts_token":"{{Token}}"}""",
        $$"""{"name":"p","mode":"RamRoleArn","access_key_id":"LTAIleaktest00001","access_key_secret":"{{Secret}}","sts_token":"{{Token}}","ram_role_arn":"acs:ram::1:role/r"}""",
        $$"""{"name":"p","mode":"StsToken","access_key_id":"LTAIleaktest00001","access_key_secret":"{{Secret}}"}""",
        $$"""{"name":"p","mode":"AK","access_key_id":"","access_key_secret":"{{Secret}}"}""",
        $$"""{"name":"p","mode":"RamRoleArn","access_key_id":"LTAIleaktest00001","access_key_secret":"{{Secret}}","ram_role_arn":"acs:ram::1:role/r","ram_session_name":"x"}""",
    };

    [Theory]
    [MemberData(nameof(CliProfiles))]
    public async Task NoDescriptionCredentialOrErrorShowsTheSecret(string profile)
    {
        using var home = new TestHome();
        home.WriteCliConfig($$"""{"current":"p","profiles":[{{profile}}]}""");
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var shown = new List<string>();
        try
        {
            var provider = home.Resolve(o => o.AssumeRole = sts.Handle);
            shown.Add(provider.Description);
            shown.Add((await provider.GetCredentialsAsync(CancellationToken.None)).ToString());
            shown.Add(provider.ToString()!);
        }
        catch (CredentialsException e)
        {
            shown.Add(e.ToString());
        }

        Assert.NotEmpty(shown);
        Assert.All(shown, text => Assert.DoesNotContain(Secret, text));
        Assert.All(shown, text => Assert.DoesNotContain(Token, text));
    }

    [Fact]
    public async Task EnvironmentAndExplicitSourcesShowNoSecret()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIleaktest00001";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = Secret;
        home.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = Token;

        var fromEnvironment = home.Resolve();
        var explicitKey = home.Resolve(o => o.Settings = new ConnectionSettings(accessKeyId: "LTAIleaktest00001", accessKeySecret: Secret, securityToken: Token));
        var halfKey = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.Settings = new ConnectionSettings(accessKeySecret: Secret)));

        var shown = new[]
        {
            fromEnvironment.Description,
            explicitKey.Description,
            (await fromEnvironment.GetCredentialsAsync(CancellationToken.None)).ToString(),
            halfKey.ToString(),
        };
        Assert.All(shown, text => Assert.DoesNotContain(Secret, text));
        Assert.All(shown, text => Assert.DoesNotContain(Token, text));
    }

    [Fact]
    public void ABrokenIniFileErrorShowsNoSecret()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile($"[default]\ntype = access_key\n{Secret}\n");

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ConfigFileInvalid, error.ErrorId);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public void ACredentialsUriWithATokenInItsQueryIsShownWithoutIt()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = $"http://user:{Secret}@127.0.0.1:1/creds?token={Token}";

        var provider = home.Resolve();

        Assert.Contains("http://127.0.0.1:1/creds", provider.Description);
        Assert.DoesNotContain(Secret, provider.Description);
        Assert.DoesNotContain(Token, provider.Description);
    }
}
