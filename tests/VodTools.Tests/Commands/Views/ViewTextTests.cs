using VodTools.Commands.Views;

namespace VodTools.Tests.Commands.Views;

/// <summary>How the default views shorten what they show: wrapped at word boundaries, never a word cut where it can be helped.</summary>
public class ViewTextTests
{
    [Theory]
    [InlineData("The session's credentials come from the environment", 20, "The session's\ncredentials come\nfrom the environment")]
    [InlineData("films/2019/a-very-long-name-of-a-film.mp4", 16, "films/2019/\na-very-long-\nname-of-a-film.\nmp4")]
    [InlineData("https://media-archive.oss-cn-shanghai.aliyuncs.com/snapshot/00001.jpg", 30, "https://media-archive.oss-cn-\nshanghai.aliyuncs.com/\nsnapshot/00001.jpg")]
    [InlineData("Detail\nRemedy: add it", 40, "Detail\nRemedy: add it")]
    [InlineData("0123456789abcdef", 10, "0123456789\nabcdef")]
    [InlineData(null, 10, "")]
    public void WrapsAtSpacesThenAfterSlashesThenAfterPunctuationAndCutsOnlyAWordWithoutAny(string? text, int width, string expected)
    {
        Assert.Equal(expected, ViewText.Wrap(text, width));
    }

    [Fact]
    public void NoLineIsLongerThanItsColumn()
    {
        var text = string.Join(" ", Enumerable.Range(0, 50).Select(i => new string('w', i % 23) + "/x-" + i));
        Assert.All(ViewText.Wrap(text, 17).Split('\n'), line => Assert.True(line.Length <= 17, line));
    }

    [Theory]
    [InlineData(40L, "40 B")]
    [InlineData(1536L, "1.5 KB")]
    [InlineData(3L * 1024 * 1024 + 1, "3.0 MB")]
    [InlineData(null, "")]
    public void SizesAreInBinaryUnits(long? bytes, string expected)
    {
        using var culture = new InvariantCultureScope();
        Assert.Equal(expected, ViewText.Size(bytes));
    }

    [Theory]
    [InlineData(0.4, "0:00:00")]
    [InlineData(3725.4, "1:02:05")]
    [InlineData(36000.0, "10:00:00")]
    public void DurationsAreHoursMinutesSeconds(double seconds, string expected)
    {
        Assert.Equal(expected, ViewText.Duration(seconds));
    }

    [Fact]
    public void DatesAreLocalShortDates()
    {
        var utc = new DateTime(2026, 1, 2, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(utc.ToLocalTime().ToString("d", System.Globalization.CultureInfo.CurrentCulture), ViewText.ShortDate(utc));
        Assert.Equal("", ViewText.ShortDate(null));
    }

    private sealed class InvariantCultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _saved = System.Globalization.CultureInfo.CurrentCulture;

        public InvariantCultureScope() => System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;

        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _saved;
    }
}
