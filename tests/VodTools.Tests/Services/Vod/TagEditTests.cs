using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Tests.Services.Vod;

public class TagEditTests
{
    [Fact]
    public void Tags_are_taken_off_and_added_letter_case_aside_keeping_the_media_own_order()
    {
        var edit = new TagEdit(new[] { "New", "archive", "new" }, new[] { "DRAFT" });
        Assert.Equal("archive,keep,New", edit.ApplyTo("archive, draft,keep"));
        Assert.Equal("New,archive", edit.ApplyTo(null));
    }

    [Fact]
    public void Removing_every_tag_sends_an_empty_list()
    {
        Assert.Equal(string.Empty, new TagEdit(null, new[] { "a", "b" }).ApplyTo("A,b"));
    }

    [Fact]
    public void More_tags_than_vod_keeps_are_refused_for_that_media()
    {
        var edit = new TagEdit(new[] { "extra" }, null);
        var sixteen = string.Join(",", Enumerable.Range(1, 16).Select(n => $"t{n}"));
        Assert.Throws<ValidationException>(() => edit.ApplyTo(sixteen));
        Assert.Throws<ValidationException>(() => new TagEdit(new[] { new string('x', 33) }, null));
    }
}
