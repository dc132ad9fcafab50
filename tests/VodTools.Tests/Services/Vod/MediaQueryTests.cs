using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Tests.Services.Vod;

public class MediaQueryTests
{
    [Fact]
    public void Filters_become_one_Match_expression_in_the_search_protocols_syntax()
    {
        var query = new MediaQuery
        {
            Statuses = ["Normal", "TranscodeFail"],
            TitleFragment = "Intro",
            CateId = 1000000001,
            Tags = ["news", "sport"],
            StorageLocation = "media-archive.oss-cn-shanghai.aliyuncs.com",
            CreatedAfter = new DateTime(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Utc),
            CreatedBefore = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            Match = "Size = (1000,) ",
        };
        Assert.Equal(
            "Status in ('Normal','TranscodeFail') and Title = 'Intro' and CateId = 1000000001 and Tags in ('news','sport')"
            + " and StorageLocation in ('media-archive.oss-cn-shanghai.aliyuncs.com')"
            + " and CreationTime = ['2026-01-02T03:04:05Z','2026-02-01T00:00:00Z'] and Size = (1000,)",
            query.ToMatch());
    }

    [Fact]
    public void An_open_time_range_leaves_its_other_end_empty_and_rounds_outwards()
    {
        Assert.Equal("CreationTime = ['2026-01-02T03:04:05Z',]", new MediaQuery { CreatedAfter = new DateTime(2026, 1, 2, 3, 4, 5, 999, DateTimeKind.Utc) }.ToMatch());
        Assert.Equal("CreationTime = [,'2026-01-02T03:04:06Z']", new MediaQuery { CreatedBefore = new DateTime(2026, 1, 2, 3, 4, 5, 1, DateTimeKind.Utc) }.ToMatch());
        Assert.Null(new MediaQuery().ToMatch());
    }

    [Fact]
    public void A_value_with_a_quote_is_refused_before_any_call()
    {
        var error = Assert.Throws<ValidationException>(() => new MediaQuery { Tags = ["rock'n'roll"] }.ToMatch());
        Assert.Equal("VodSearchValueInvalid", error.ErrorId);
    }

    [Theory]
    [InlineData("Intro*", "Intro")]
    [InlineData("*part 2 of ?0*", "part 2 of")]
    [InlineData("a[bc]defg*", "defg")]
    [InlineData("What`?*", "What?")]
    [InlineData("it's long", "s long")]
    [InlineData("*", null)]
    [InlineData("[ab]?", null)]
    public void The_title_search_gets_the_longest_plain_piece_of_the_wildcard(string wildcard, string? expected) =>
        Assert.Equal(expected, MediaQuery.LongestLiteral(wildcard));

    [Fact]
    public void Results_of_the_loose_search_are_checked_exactly()
    {
        var query = new MediaQuery
        {
            Statuses = ["Normal"],
            TitleMatches = t => t == "Intro",
            Tags = ["news"],
            StorageLocation = "b.oss-cn-shanghai.aliyuncs.com",
            CreatedAfter = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        VodMedia Media(string title = "Intro", string tags = "sport, news", string status = "Normal", string location = "B.oss-cn-shanghai.aliyuncs.com", int day = 2) =>
            new() { Title = title, Tags = tags, Status = status, StorageLocation = location, CreationTime = new DateTime(2026, 1, day, 0, 0, 0, DateTimeKind.Utc) };
        Assert.True(query.Matches(Media()));
        Assert.False(query.Matches(Media(title: "Intro part 2")));
        Assert.False(query.Matches(Media(tags: "newsroom")));
        Assert.False(query.Matches(Media(status: "Uploading")));
        Assert.False(query.Matches(Media(location: "c.oss-cn-shanghai.aliyuncs.com")));
        Assert.False(query.Matches(Media(day: 1)));
    }

    [Theory]
    [InlineData("media-archive", "media-archive.oss-cn-beijing.aliyuncs.com")]
    [InlineData("Media-Archive.oss-cn-shanghai.aliyuncs.com", "media-archive.oss-cn-shanghai.aliyuncs.com")]
    public void A_storage_location_is_a_bucket_host_or_a_bucket_of_the_region(string given, string expected) =>
        Assert.Equal(expected, MediaQuery.StorageLocationOf(given, "cn-beijing"));
}
