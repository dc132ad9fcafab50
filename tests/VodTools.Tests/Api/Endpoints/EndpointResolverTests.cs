using VodTools.Api.Endpoints;
using Xunit;

namespace VodTools.Tests.Api.Endpoints;

public class EndpointResolverTests
{
    [Theory]
    [InlineData(CloudService.Vod, EndpointNetwork.Public, "https://vod.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Vod, EndpointNetwork.Vpc, "https://vod-vpc.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Ram, EndpointNetwork.Public, "https://ram.aliyuncs.com/")]
    [InlineData(CloudService.Ram, EndpointNetwork.Vpc, "https://ram.aliyuncs.com/")]
    [InlineData(CloudService.Sts, EndpointNetwork.Public, "https://sts.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Sts, EndpointNetwork.Vpc, "https://sts-vpc.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Mts, EndpointNetwork.Public, "https://mts.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Mts, EndpointNetwork.Vpc, "https://mts.ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Oss, EndpointNetwork.Public, "https://oss-ap-southeast-1.aliyuncs.com/")]
    [InlineData(CloudService.Oss, EndpointNetwork.Internal, "https://oss-ap-southeast-1-internal.aliyuncs.com/")]
    [InlineData(CloudService.Oss, EndpointNetwork.Vpc, "https://oss-ap-southeast-1-internal.aliyuncs.com/")]
    public void FollowsTheRulesOfEachService(CloudService service, EndpointNetwork network, string expected)
    {
        Assert.Equal(new Uri(expected), new EndpointResolver("ap-southeast-1", network).GetBaseUri(service));
    }

    [Fact]
    public void HangzhouVodIsServedByShanghaiButOssStaysInHangzhou()
    {
        var resolver = new EndpointResolver("cn-hangzhou");

        Assert.Equal("vod.cn-shanghai.aliyuncs.com", resolver.GetBaseUri(CloudService.Vod).Host);
        Assert.Equal("vod-vpc.cn-shanghai.aliyuncs.com", new EndpointResolver("cn-hangzhou", EndpointNetwork.Vpc).GetBaseUri(CloudService.Vod).Host);
        Assert.Equal("oss-cn-hangzhou.aliyuncs.com", resolver.GetBaseUri(CloudService.Oss).Host);
        Assert.Equal("sts.cn-hangzhou.aliyuncs.com", resolver.GetBaseUri(CloudService.Sts).Host);
    }

    [Theory]
    [InlineData("cn-beijing")]
    [InlineData("cn-shanghai")]
    [InlineData("cn-shenzhen")]
    [InlineData("ap-northeast-1")]
    [InlineData("ap-southeast-1")]
    [InlineData("ap-southeast-5")]
    [InlineData("cn-hongkong")]
    [InlineData("eu-central-1")]
    [InlineData("us-west-1")]
    [InlineData("cn-hangzhou")]
    public void VodServesItsRegions(string region)
    {
        Assert.True(new EndpointResolver(region).ServesVod);
        Assert.True(EndpointResolver.OffersVod(region));
    }

    [Fact]
    public void VodIsRefusedInARegionWithoutItUnlessAnEndpointIsGiven()
    {
        var resolver = new EndpointResolver("cn-qingdao");

        Assert.False(resolver.ServesVod);
        Assert.False(EndpointResolver.OffersVod("cn-qingdao"));
        Assert.Throws<InvalidOperationException>(() => resolver.GetBaseUri(CloudService.Vod));
        Assert.Equal("oss-cn-qingdao.aliyuncs.com", resolver.GetBaseUri(CloudService.Oss).Host);
        Assert.Equal("ram.aliyuncs.com", resolver.GetBaseUri(CloudService.Ram).Host);

        var own = new Uri("https://vod.example.com/");
        var overridden = new EndpointResolver("cn-qingdao", overrides: new Dictionary<CloudService, Uri> { [CloudService.Vod] = own });
        Assert.True(overridden.ServesVod);
        Assert.Equal(own, overridden.GetBaseUri(CloudService.Vod));
    }

    [Fact]
    public void DomainCallsGoToShanghaiUnlessAnEndpointIsGiven()
    {
        Assert.Equal(new Uri("https://vod.cn-shanghai.aliyuncs.com/"), new EndpointResolver("cn-beijing").GetVodDomainBaseUri());
        Assert.Equal(new Uri("https://vod.cn-shanghai.aliyuncs.com/"), new EndpointResolver("cn-qingdao", EndpointNetwork.Vpc).GetVodDomainBaseUri());
        var emulator = new Uri("http://127.0.0.1:8990");
        Assert.Equal(emulator, new EndpointResolver("cn-beijing", overrides: new Dictionary<CloudService, Uri> { [CloudService.Vod] = emulator }).GetVodDomainBaseUri());
    }

    [Fact]
    public void StsVpcIsChosenPerCall()
    {
        var resolver = new EndpointResolver("cn-shanghai");

        Assert.Equal(new Uri("https://sts-vpc.cn-beijing.aliyuncs.com/"), resolver.GetStsBaseUri("cn-beijing", vpc: true));
        Assert.Equal(new Uri("https://sts.cn-beijing.aliyuncs.com/"), resolver.GetStsBaseUri("cn-beijing"));
        Assert.Equal(new Uri("https://sts.aliyuncs.com/"), resolver.GetStsBaseUri(null, vpc: true));
    }

    [Fact]
    public void StsForAssumeRoleIsGlobalWithoutARegion()
    {
        var resolver = new EndpointResolver("cn-shanghai", EndpointNetwork.Vpc);

        Assert.Equal(new Uri("https://sts.aliyuncs.com/"), resolver.GetStsBaseUri(null));
        Assert.Equal(new Uri("https://sts-vpc.cn-beijing.aliyuncs.com/"), resolver.GetStsBaseUri("cn-beijing"));
        Assert.Throws<ArgumentException>(() => resolver.GetStsBaseUri("Beijing"));
    }

    [Fact]
    public void OverridesWinForTheirServiceOnly()
    {
        var emulator = new Uri("http://127.0.0.1:8990");
        var resolver = new EndpointResolver(
            "cn-shanghai",
            overrides: new Dictionary<CloudService, Uri> { [CloudService.Vod] = emulator, [CloudService.Sts] = emulator });

        Assert.Equal(emulator, resolver.GetBaseUri(CloudService.Vod));
        Assert.Equal(emulator, resolver.GetStsBaseUri("cn-beijing"));
        Assert.Equal(emulator, resolver.GetStsBaseUri(null));
        Assert.Equal("oss-cn-shanghai.aliyuncs.com", resolver.GetBaseUri(CloudService.Oss).Host);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8990", "http://127.0.0.1:8990/")]
    [InlineData("vod.example.com", "https://vod.example.com/")]
    [InlineData(" https://oss.example.com:8443/ ", "https://oss.example.com:8443/")]
    public void ParsesOverridesAsUsersTypeThem(string text, string expected)
    {
        Assert.Equal(new Uri(expected), EndpointResolver.ParseOverride(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://")]
    public void RejectsOverridesThatAreNotEndpoints(string text)
    {
        Assert.Throws<ArgumentException>(() => EndpointResolver.ParseOverride(text));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://127.0.0.1/?a=b")]
    public void RejectsOverridesWithAnotherSchemeOrAQuery(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new EndpointResolver("cn-shanghai", overrides: new Dictionary<CloudService, Uri> { [CloudService.Oss] = new Uri(uri) }));

        Assert.Contains("Oss", error.Message);
    }

    [Theory]
    [InlineData("cn-shanghai")]
    [InlineData("ap-southeast-1")]
    [InlineData("cn-north-2-gov-1")]
    public void AcceptsRegionIds(string regionId)
    {
        Assert.True(RegionId.IsValid(regionId));
        Assert.Equal(regionId, new EndpointResolver(regionId).RegionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CN-Shanghai")]
    [InlineData("cn_shanghai")]
    [InlineData("cn-shanghai.evil.com")]
    [InlineData("-cn")]
    [InlineData("cn--x")]
    public void RejectsAnythingElseWithAClearError(string regionId)
    {
        var error = Assert.Throws<ArgumentException>(() => new EndpointResolver(regionId));

        Assert.Contains("lowercase letters, digits", error.Message);
    }
}
