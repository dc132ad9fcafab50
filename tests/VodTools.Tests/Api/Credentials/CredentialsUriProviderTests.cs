using VodTools.Api.Credentials;
using VodTools.Tests.Support;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class CredentialsUriProviderTests
{
    [Fact]
    public async Task ReadsTheCredentialsTheUriServes()
    {
        using var server = new LoopbackServer(r => r.RawUrl == "/creds?token=abc"
            ? (200, """{"AccessKeyId":"STS.uri00001","AccessKeySecret":"uri-secret","SecurityToken":"uri-token","Expiration":"2030-01-02T03:04:05Z"}""")
            : (404, ""));
        var provider = new CredentialsUriProvider(TestHome.Http, new Uri(server.BaseUri, "creds?token=abc"));

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.uri00001", credentials.AccessKeyId);
        Assert.Equal("uri-token", credentials.SecurityToken);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), credentials.Expiration);
        Assert.DoesNotContain("token=abc", provider.Description);
        Assert.Contains("/creds", provider.Description);
    }

    [Fact]
    public async Task AStatusOtherThan200IsAnError()
    {
        using var server = new LoopbackServer(_ => (500, """{"AccessKeyId":"x","AccessKeySecret":"uri-secret"}"""));
        var provider = new CredentialsUriProvider(TestHome.Http, server.BaseUri);

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.CredentialsUriFailed, error.ErrorId);
        Assert.Contains("HTTP 500", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"AccessKeyId":"only-the-id"}""")]
    [InlineData("""{"AccessKeyId":"id00000001","AccessKeySecret":"uri-secret","Expiration":"soon"}""")]
    public async Task AMalformedAnswerIsAnErrorThatQuotesNoSecret(string body)
    {
        using var server = new LoopbackServer(_ => (200, body));
        var provider = new CredentialsUriProvider(TestHome.Http, server.BaseUri);

        var error = await Assert.ThrowsAsync<CredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialsErrorId.CredentialsResponseInvalid, error.ErrorId);
        Assert.DoesNotContain("uri-secret", error.Message);
    }
}
