using System.Text.Json;
using VodTools.Services.Playback;
using VodTools.Services.Vod;

namespace VodTools.Tests.Services.Playback;

public class PlaybackTests
{
    [Theory]
    [InlineData(206, 0L, 99L, 300L, 100L, 100L, 100L, 300L, true)]
    [InlineData(206, 0L, 99L, 301L, 100L, 100L, 100L, 300L, false)] // serves another size than VOD says
    [InlineData(206, 0L, 99L, 300L, 100L, 60L, 100L, 300L, false)]  // the body stopped short
    [InlineData(206, 10L, 99L, 300L, 90L, 90L, 100L, 300L, false)]  // another range
    [InlineData(200, null, null, null, 300L, 0L, 100L, 300L, true)] // ranges ignored, the whole stream
    [InlineData(200, null, null, null, 299L, 0L, 100L, 300L, false)]
    [InlineData(403, null, null, null, 0L, 0L, 100L, 300L, false)]
    [InlineData(404, null, null, null, 0L, 0L, 100L, 300L, false)]
    public void ARangedGetPlaysWhenItAnswersTheRangeAndTheStreamsSize(
        int status, long? from, long? to, long? total, long? length, long received, long asked, long? expected, bool playable)
    {
        var verdict = PlaybackProbe.Judge(status, from, to, total, length, received, asked, expected);
        Assert.Equal(playable, verdict.Playable);
        Assert.NotEmpty(verdict.Detail);
    }

    [Fact]
    public void ThePlayInfoOfTheReferenceExampleReadsWithItsNumbersAsStrings()
    {
        // the API reference's JSON example of GetPlayInfo, shortened: every number is a string there
        using var doc = JsonDocument.Parse("""
            {"VideoBase":{"Status":"Normal","VideoId":"93ab850b4f6f54b6e91d24d81d4","Title":"ApsaraVideo VOD","Duration":"3.1667"},
             "RequestId":"52c7e33c","PlayInfoList":{"PlayInfo":[{"Status":"Normal","StreamType":"video","Size":"418112","Fps":"30.0032",
             "Definition":"LD","Duration":"3.1667","Bitrate":"992.7800","Encrypt":"1","Format":"m3u8","PlayURL":"http://vod.example.com/a.m3u8?auth_key=x",
             "CreationTime":"2017-06-26T06:38:48Z","Height":"960","Width":"540","JobId":"fd1c76fc806b"}]}}
            """);
        var stream = Assert.Single(VodService.ReadPlayInfo(doc.RootElement, "asked"));
        Assert.Equal("93ab850b4f6f54b6e91d24d81d4", stream.MediaId);
        Assert.Equal(("LD", "m3u8", "video"), (stream.Definition, stream.Format, stream.StreamType));
        Assert.Equal((992.78, 540L, 960L, 418112L, 3.1667), (stream.Bitrate, stream.Width, stream.Height, stream.Size, stream.Duration));
        Assert.True(stream.Encrypted);
        Assert.Equal("http://vod.example.com/a.m3u8?auth_key=x", stream.PlayUrl);
    }
}
