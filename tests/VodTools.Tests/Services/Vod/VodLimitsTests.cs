using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Tests.Services.Vod;

public class VodLimitsTests
{
    [Theory]
    [InlineData("media-archive", "cn-shanghai", "films/a b+c.mp4", "https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a%20b%2Bc.mp4")]
    [InlineData("b1", "ap-southeast-1", "视频/测试 1.mp4", "https://b1.oss-ap-southeast-1.aliyuncs.com/%E8%A7%86%E9%A2%91/%E6%B5%8B%E8%AF%95%201.mp4")]
    public void File_urls_are_virtual_hosted_with_the_key_encoded_per_segment_and_read_back(string bucket, string region, string key, string url)
    {
        Assert.Equal(url, OssFileUrl.Build(bucket, region, key));
        Assert.True(OssFileUrl.TryParse(url, out var b, out var r, out var k));
        Assert.Equal((bucket, region, key), (b, r, k));
    }

    [Theory]
    [InlineData("https://example.com/a.mp4")]
    [InlineData("ftp://b.oss-cn-shanghai.aliyuncs.com/a.mp4")]
    [InlineData("https://b.oss-cn-shanghai.aliyuncs.com/")]
    [InlineData("not a url")]
    public void Urls_that_do_not_name_an_oss_object_are_refused(string url)
    {
        Assert.False(OssFileUrl.TryParse(url, out _, out _, out _));
        Assert.Equal("VodFileUrlNotOss", Assert.Throws<ValidationException>(() => VodLimits.FileUrl(url)).ErrorId);
    }

    [Fact]
    public void Titles_are_limited_to_128_utf8_bytes_and_no_emoji()
    {
        Assert.Equal(new string('a', 128), VodLimits.Title(new string('a', 128)));
        Assert.Equal("VodTitleTooLong", Assert.Throws<ValidationException>(() => VodLimits.Title(new string('a', 129))).ErrorId);
        Assert.Equal("VodTitleTooLong", Assert.Throws<ValidationException>(() => VodLimits.Title(new string('测', 43))).ErrorId); // 129 bytes
        Assert.Equal("VodTitleHasEmoji", Assert.Throws<ValidationException>(() => VodLimits.Title("launch 🚀")).ErrorId);
        Assert.Equal("VodTitleHasEmoji", Assert.Throws<ValidationException>(() => VodLimits.Title("sun ☀")).ErrorId);
        Assert.Equal("𠀀 rare CJK", VodLimits.Title("𠀀 rare CJK")); // a supplementary-plane ideograph is not an emoji
        Assert.Equal("VodTitleMissing", Assert.Throws<ValidationException>(() => VodLimits.Title("  ")).ErrorId);
    }

    [Fact]
    public void Tags_are_at_most_16_of_at_most_32_bytes_without_commas()
    {
        Assert.Equal("a,b", VodLimits.Tags(new[] { "a", "b" }));
        Assert.Null(VodLimits.Tags(Array.Empty<string>()));
        Assert.Equal("VodTooManyTags", Assert.Throws<ValidationException>(() => VodLimits.Tags(Enumerable.Range(0, 17).Select(i => "t" + i).ToArray())).ErrorId);
        Assert.Equal("VodTagTooLong", Assert.Throws<ValidationException>(() => VodLimits.Tags(new[] { new string('x', 33) })).ErrorId);
        Assert.Equal("VodTagInvalid", Assert.Throws<ValidationException>(() => VodLimits.Tags(new[] { "a,b" })).ErrorId);
    }

    [Fact]
    public void Json_parameters_are_parsed_locally_and_compacted()
    {
        Assert.Equal("{\"Extend\":{\"x\":\"视频\"}}", VodLimits.JsonObject("{ \"Extend\" : { \"x\": \"视频\" } }", "UserData"));
        Assert.Equal("[{\"a\":1}]", VodLimits.JsonObject("[ {\"a\": 1} ]", "TemplateList", arrayAllowed: true));
        Assert.Equal("VodJsonParameterInvalid", Assert.Throws<ValidationException>(() => VodLimits.JsonObject("[1]", "UserData")).ErrorId);
        Assert.Equal("VodJsonParameterInvalid", Assert.Throws<ValidationException>(() => VodLimits.JsonObject("{oops", "UserData")).ErrorId);
    }

    [Theory]
    [InlineData("films/film-001.mp4", "film-001")]
    [InlineData("party 🎉 night.mov", "party  night")]
    [InlineData("🎉.mp4", "untitled")]
    [InlineData("dir/no-extension", "no-extension")]
    public void Default_titles_come_from_the_file_name_without_emoji(string key, string title) =>
        Assert.Equal(title, VodLimits.DefaultTitle(key));

    [Fact]
    public void A_long_file_name_is_cut_to_fit_rather_than_refused()
    {
        var title = VodLimits.DefaultTitle(new string('视', 100) + ".mp4");
        Assert.Equal(42, title.Length); // 42 × 3 bytes = 126 ≤ 128
        Assert.Equal(title, VodLimits.Title(title));
    }
}
