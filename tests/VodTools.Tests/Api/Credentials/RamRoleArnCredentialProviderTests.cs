using VodTools.Api.Credentials;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class RamRoleArnCredentialProviderTests
{
    private const string RoleArn = "acs:ram::1234567890123456:role/vod-admin";

    private static readonly StaticCredentialProvider Source =
        new StaticCredentialProvider(new CloudCredentials("LTAIsourcekey0001", "source-secret"), "test source");

    [Fact]
    public async Task AssumesTheRoleWithTheSourceCredentialsAndParameters()
    {
        var clock = new TestClock();
        var sts = new RecordingAssumeRole(() => clock.Now);
        var parameters = new AssumeRoleParameters(RoleArn, "my-session", 1800, "{\"Version\":\"1\"}", "ext-id", "cn-beijing");
        var provider = new RamRoleArnCredentialProvider(Source, parameters, sts.Handle, () => clock.Now);

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.role1", credentials.AccessKeyId);
        Assert.Equal("role-token-1", credentials.SecurityToken);
        var call = Assert.Single(sts.Calls);
        Assert.Equal("LTAIsourcekey0001", call.Source.AccessKeyId);
        Assert.Same(parameters, call.Parameters);
        Assert.Contains(RoleArn, provider.Description);
        Assert.Contains("test source", provider.Description);
    }

    [Fact]
    public async Task KeepsCredentialsUntil180SecondsRemainThenRefreshes()
    {
        var clock = new TestClock();
        var sts = new RecordingAssumeRole(() => clock.Now);
        var provider = new RamRoleArnCredentialProvider(Source, new AssumeRoleParameters(RoleArn, "s1", 900), sts.Handle, () => clock.Now);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(900 - 181));
        var stillCached = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, stillCached);
        Assert.Equal("STS.role2", refreshed.AccessKeyId);
        Assert.Equal(2, sts.Count);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneRefresh()
    {
        var clock = new TestClock();
        var sts = new RecordingAssumeRole(() => clock.Now, TimeSpan.FromMilliseconds(200));
        var provider = new RamRoleArnCredentialProvider(Source, new AssumeRoleParameters(RoleArn, "s1"), sts.Handle, () => clock.Now);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetCredentialsAsync(CancellationToken.None))));
        Assert.Equal(1, sts.Count);
        Assert.All(results, r => Assert.Same(results[0], r));

        clock.Advance(TimeSpan.FromSeconds(3600 - 100));
        var refreshed = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetCredentialsAsync(CancellationToken.None))));
        Assert.Equal(2, sts.Count);
        Assert.All(refreshed, r => Assert.Equal("STS.role2", r.AccessKeyId));
    }

    [Fact]
    public async Task AFailedAssumeRoleIsRetriedOnTheNextCall()
    {
        var calls = 0;
        AssumeRoleHandler failingOnce = (source, parameters, token) =>
            ++calls == 1
                ? throw new InvalidOperationException("STS is down")
                : Task.FromResult(new CloudCredentials("STS.ok00000001", "secret", "token", DateTimeOffset.UtcNow.AddHours(1)));
        var provider = new RamRoleArnCredentialProvider(Source, new AssumeRoleParameters(RoleArn, "s1"), failingOnce);

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetCredentialsAsync(CancellationToken.None));
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("STS.ok00000001", credentials.AccessKeyId);
    }

    [Theory]
    [InlineData("", "session", 3600)]
    [InlineData(RoleArn, "x", 3600)]
    [InlineData(RoleArn, "has space", 3600)]
    [InlineData(RoleArn, "session", 899)]
    [InlineData(RoleArn, "session", 43201)]
    public void ParametersOutsideTheStsLimitsAreRejected(string roleArn, string sessionName, int durationSeconds)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AssumeRoleParameters(roleArn, sessionName, durationSeconds));
    }

    [Fact]
    public void ParametersDefaultToAnHourAndAGeneratedSessionName()
    {
        var parameters = new AssumeRoleParameters(RoleArn);

        Assert.Equal(3600, parameters.DurationSeconds);
        Assert.Matches("^vodtools-[0-9]+$", parameters.RoleSessionName);
        Assert.Null(parameters.StsRegion);
    }
}
