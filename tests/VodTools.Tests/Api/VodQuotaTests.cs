using VodTools.Api;

namespace VodTools.Tests.Api;

public class VodQuotaTests
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    [Theory]
    [InlineData("SubmitTranscodeJobs", "cn-beijing", 30)]
    [InlineData("ListTranscodeTask", "cn-beijing", 15)]
    [InlineData("AddTranscodeTemplateGroup", null, 5)]
    [InlineData("CreateUploadVideo", "cn-shanghai", 80)]
    [InlineData("CreateUploadVideo", "eu-central-1", 40)]
    [InlineData("SomethingNew", "cn-shanghai", VodQuota.Unlisted)]
    public void Each_action_has_its_published_figure(string action, string? region, int expected) =>
        Assert.Equal(expected, VodQuota.Of(action, region, None));

    [Fact]
    public void The_environment_overrides_named_actions_and_star_the_rest()
    {
        var overrides = VodQuota.ParseOverrides(" SubmitTranscodeJobs=60, *=20 ;ListTranscodeTask = 40");
        Assert.Equal(60, VodQuota.Of("SubmitTranscodeJobs", "cn-beijing", overrides));
        Assert.Equal(40, VodQuota.Of("ListTranscodeTask", "cn-beijing", overrides));
        Assert.Equal(20, VodQuota.Of("RegisterMedia", "cn-beijing", overrides));
    }

    [Theory]
    [InlineData("SubmitTranscodeJobs=0")]
    [InlineData("SubmitTranscodeJobs=-5")]
    [InlineData("SubmitTranscodeJobs=fast")]
    [InlineData("SubmitTranscodeJobs")]
    [InlineData("")]
    public void A_setting_that_is_not_a_positive_number_is_ignored(string text) =>
        Assert.Equal(30, VodQuota.Of("SubmitTranscodeJobs", "cn-beijing", VodQuota.ParseOverrides(text)));

    [Theory]
    [InlineData("https://vod.cn-beijing.aliyuncs.com/", "cn-beijing")]
    [InlineData("https://vod-vpc.ap-southeast-1.aliyuncs.com/", "ap-southeast-1")]
    [InlineData("http://127.0.0.1:8080/", null)]
    public void The_region_is_read_from_the_endpoint_host(string endpoint, string? region) =>
        Assert.Equal(region, VodQuota.RegionOf(new Uri(endpoint)));
}
