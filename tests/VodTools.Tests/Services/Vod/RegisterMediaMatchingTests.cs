using VodTools.Services.Vod;

namespace VodTools.Tests.Services.Vod;

/// <summary>RegisterMedia's answers are matched to the files given by what they mean (bucket and decoded key), not by their spelling.</summary>
public class RegisterMediaMatchingTests
{
    private static readonly string[] Given =
    {
        "https://media.oss-cn-shanghai.aliyuncs.com/films/a%20b.mp4",
        "https://media.oss-cn-shanghai.aliyuncs.com/films/%E7%94%B5%E5%BD%B1.mp4",
        "https://media.oss-cn-shanghai.aliyuncs.com/films/c.mp4",
    };

    [Fact]
    public void Another_scheme_and_encoding_still_name_the_file()
    {
        var slots = VodService.MatchToItems(Given,
            new[] { "http://media.oss-cn-shanghai.aliyuncs.com/films/电影.mp4", "http://media.oss-cn-shanghai.aliyuncs.com/films/a b.mp4" },
            new[] { "http://media.oss-cn-shanghai.aliyuncs.com/films/c.mp4" });

        Assert.Equal(new[] { 1, 0 }, slots);
    }

    [Fact]
    public void An_answer_naming_no_file_takes_the_first_file_neither_matched_nor_refused()
    {
        var slots = VodService.MatchToItems(Given,
            new[] { "https://media.oss-cn-shanghai.aliyuncs.com/films/c.mp4", "oss://somewhere/else", "not a url" },
            new[] { "http://media.oss-cn-shanghai.aliyuncs.com/films/a b.mp4" });

        Assert.Equal(new[] { 2, 1, -1 }, slots);
    }

    [Fact]
    public void The_same_bucket_in_another_region_spelling_is_the_same_file()
    {
        var slots = VodService.MatchToItems(new[] { Given[2] }, new[] { "https://media.oss-cn-shanghai-internal.aliyuncs.com/films/c.mp4" }, Array.Empty<string>());
        Assert.Equal(new[] { 0 }, slots);
    }
}
