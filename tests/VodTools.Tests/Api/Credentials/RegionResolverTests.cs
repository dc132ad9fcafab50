using VodTools.Api.Credentials;
using VodTools.Api;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class RegionResolverTests
{
    private const string Config = """
        {"current":"default","profiles":[
          {"name":"default","mode":"AK","access_key_id":"a","access_key_secret":"s","region_id":"cn-beijing"},
          {"name":"sg","mode":"AK","access_key_id":"a","access_key_secret":"s","region_id":"ap-southeast-1"},
          {"name":"bad","mode":"AK","access_key_id":"a","access_key_secret":"s","region_id":"CN_Beijing"}]}
        """;

    [Fact]
    public void AnExplicitRegionWins()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_REGION_ID"] = "cn-hangzhou";
        home.WriteCliConfig(Config);

        var region = RegionResolver.Resolve("eu-central-1", home.Options());

        Assert.Equal("eu-central-1", region.RegionId);
        Assert.Equal("the Region parameter", region.Source);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_REGION_ID")]
    [InlineData("ALIBABACLOUD_REGION_ID")]
    [InlineData("ALICLOUD_REGION_ID")]
    [InlineData("REGION_ID")]
    [InlineData("REGION")]
    public void TheEnvironmentBeatsTheProfile(string variable)
    {
        using var home = new TestHome();
        home.Environment[variable] = "cn-hangzhou";
        home.WriteCliConfig(Config);

        var region = RegionResolver.Resolve(null, home.Options());

        Assert.Equal("cn-hangzhou", region.RegionId);
        Assert.Equal("environment variable " + variable, region.Source);
    }

    [Fact]
    public void TheOfficialNameBeatsTheLegacyOnes()
    {
        using var home = new TestHome();
        home.Environment["REGION"] = "cn-hangzhou";
        home.Environment["ALIBABA_CLOUD_REGION_ID"] = "cn-shenzhen";

        Assert.Equal("cn-shenzhen", RegionResolver.Resolve(null, home.Options()).RegionId);
    }

    [Fact]
    public void TheCurrentProfilesRegionComesNext()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Config);

        var region = RegionResolver.Resolve(null, home.Options());

        Assert.Equal("cn-beijing", region.RegionId);
        Assert.Equal($"region_id of aliyun CLI profile 'default' in {home.CliConfigPath}", region.Source);
    }

    [Fact]
    public void TheNamedProfilesRegionIsUsed()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Config);
        var options = home.Options();
        options.Settings = new ConnectionSettings(profileName: "sg");

        Assert.Equal("ap-southeast-1", RegionResolver.Resolve(null, options).RegionId);
    }

    [Fact]
    public void WithoutAnySourceTheDefaultIsShanghai()
    {
        using var home = new TestHome();

        var region = RegionResolver.Resolve(null, home.Options());

        Assert.Equal("cn-shanghai", region.RegionId);
        Assert.Equal("cn-shanghai (from the default)", region.ToString());
    }

    [Fact]
    public void ADisabledCliConfigIsNotRead()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";
        home.WriteCliConfig(Config);

        Assert.Equal("cn-shanghai", RegionResolver.Resolve(null, home.Options()).RegionId);
    }

    [Fact]
    public void AnInvalidRegionIsAnErrorNamingItsSource()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Config);
        var options = home.Options();
        options.Settings = new ConnectionSettings(profileName: "bad");

        var error = Assert.Throws<CredentialsException>(() => RegionResolver.Resolve(null, options));

        Assert.Equal(CredentialsErrorId.InvalidRegionId, error.ErrorId);
        Assert.Contains("'CN_Beijing'", error.Message);
        Assert.Contains("profile 'bad'", error.Message);
    }
}
