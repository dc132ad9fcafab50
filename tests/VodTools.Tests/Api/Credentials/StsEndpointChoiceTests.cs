using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

/// <summary>
/// What a role profile says about its STS call: ExternalId, STS region and the VPC switch, from either file, with
/// ALIBABA_CLOUD_STS_REGION and ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED when the profile is silent (credentials-csharp's rules).
/// </summary>
public class StsEndpointChoiceTests
{
    private static async Task<AssumeRoleParameters> AssumedWith(TestHome home)
    {
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);
        await home.Resolve(o => o.AssumeRole = sts.Handle).GetCredentialsAsync(CancellationToken.None);
        return Assert.Single(sts.Calls).Parameters;
    }

    private static Uri StsHost(AssumeRoleParameters parameters) =>
        new EndpointResolver("cn-shanghai").GetStsBaseUri(parameters.StsRegion, parameters.StsVpc);

    private const string IniRole = "[default]\ntype = ram_role_arn\naccess_key_id = LTAIinirole00001\naccess_key_secret = s\nrole_arn = acs:ram::1:role/ini\nrole_session_name = ini\n";

    [Fact]
    public async Task CredentialsFileRoleCarriesExternalIdStsRegionAndVpcSwitch()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(IniRole + "external_id = ext-123\nsts_region = cn-beijing\nenable = TRUE\n");

        var parameters = await AssumedWith(home);

        Assert.Equal("ext-123", parameters.ExternalId);
        Assert.Equal(new Uri("https://sts-vpc.cn-beijing.aliyuncs.com/"), StsHost(parameters));
    }

    [Fact]
    public async Task CredentialsFileAlsoReadsEnableVpc()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(IniRole + "sts_region = cn-hangzhou\nenable_vpc = true\n");

        Assert.Equal(new Uri("https://sts-vpc.cn-hangzhou.aliyuncs.com/"), StsHost(await AssumedWith(home)));
    }

    [Fact]
    public async Task EnvironmentGivesRegionAndVpcWhenTheProfileIsSilent()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(IniRole);
        home.Environment["ALIBABA_CLOUD_STS_REGION"] = "ap-southeast-1";
        home.Environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true";

        Assert.Equal(new Uri("https://sts-vpc.ap-southeast-1.aliyuncs.com/"), StsHost(await AssumedWith(home)));
    }

    [Fact]
    public async Task ProfileBeatsEnvironment()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(IniRole + "sts_region = cn-beijing\nenable = false\n");
        home.Environment["ALIBABA_CLOUD_STS_REGION"] = "ap-southeast-1";
        home.Environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true";

        Assert.Equal(new Uri("https://sts.cn-beijing.aliyuncs.com/"), StsHost(await AssumedWith(home)));
    }

    [Fact]
    public async Task VpcSwitchIsIgnoredWithoutARegion()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(IniRole + "enable = true\n");

        var parameters = await AssumedWith(home);

        Assert.False(parameters.StsVpc);
        Assert.Equal(new Uri("https://sts.aliyuncs.com/"), StsHost(parameters));
    }

    [Fact]
    public async Task CliProfileCarriesExternalIdStsRegionAndEnableVpc()
    {
        using var home = new TestHome();
        home.WriteCliConfig("""
            {"current":"role","profiles":[{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIroleprofile01","access_key_secret":"s",
             "ram_role_arn":"acs:ram::1:role/r","ram_session_name":"sess","external_id":"ext-cli","sts_region":"cn-shenzhen","enable_vpc":true}]}
            """);

        var parameters = await AssumedWith(home);

        Assert.Equal("ext-cli", parameters.ExternalId);
        Assert.Equal(new Uri("https://sts-vpc.cn-shenzhen.aliyuncs.com/"), StsHost(parameters));
    }

    [Fact]
    public async Task CliProfileWithoutStsRegionTakesTheEnvironments()
    {
        using var home = new TestHome();
        home.WriteCliConfig("""{"current":"role","profiles":[{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIroleprofile01","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/r"}]}""");
        home.Environment["ALIBABA_CLOUD_STS_REGION"] = "eu-central-1";

        Assert.Equal(new Uri("https://sts.eu-central-1.aliyuncs.com/"), StsHost(await AssumedWith(home)));
    }
}
