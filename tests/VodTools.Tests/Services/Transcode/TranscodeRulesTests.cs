using VodTools.Model;
using VodTools.Services.Pacing;
using VodTools.Services.Transcode;

namespace VodTools.Tests.Services.Transcode;

public class SessionIdTests
{
    [Fact]
    public void IsStableForTheSameMediaAndGroupAndFitsVodsLimit()
    {
        var id = TranscodeRules.SessionId("media-1", "group-1", null);
        Assert.Equal(id, TranscodeRules.SessionId("media-1", "group-1", null));
        Assert.True(id.Length <= 50);
        Assert.Matches("^vodtools-[0-9a-f]{32}$", id);
    }

    [Theory]
    [InlineData("media-2", "group-1", null)]
    [InlineData("media-1", "group-2", null)]
    [InlineData("media-1", "group-1", "force-run")]
    [InlineData("media-1\ngroup", "1", null)]
    public void DiffersForAnotherMediaGroupOrSalt(string media, string group, string? salt) =>
        Assert.NotEqual(TranscodeRules.SessionId("media-1", "group-1", null), TranscodeRules.SessionId(media, group, salt));
}

public class PollBackoffTests
{
    [Fact]
    public void GrowsByHalfFromOneSecondToTenWithoutTimeout()
    {
        var delays = new List<TimeSpan> { PollBackoff.First };
        for (var i = 0; i < 10; i++) delays.Add(PollBackoff.Next(delays[^1], null));
        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(1.5), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(2.25), delays[2]);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(TimeSpan.FromSeconds(10), delays[^1]);
    }

    [Theory]
    [InlineData(30, 3)]
    [InlineData(5, 1)]
    [InlineData(3600, 10)]
    public void CapsAtATenthOfTheTimeoutBetweenOneAndTenSeconds(int timeoutSeconds, double capSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(capSeconds), PollBackoff.Next(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(timeoutSeconds)));
}

public class TranscodeFailureMessageTests
{
    [Fact]
    public void NamesEachFailedJobWithItsErrorCodeAndNoneOfTheOthers()
    {
        var task = new TranscodeTask
        {
            TaskId = "task-1",
            MediaId = "media-1",
            Status = "CompletePartialSucc",
            Jobs = new[]
            {
                new TranscodeJob { JobId = "job-ok", Definition = "HD", Status = "TranscodeSuccess" },
                new TranscodeJob { JobId = "job-bad", Definition = "SD", Status = "TranscodeFail", ErrorCode = "InvalidVideo.Damaged", ErrorMessage = "The source cannot be decoded." },
            },
        };
        var message = TranscodeRules.FailureMessage(task);
        Assert.Equal("Transcode task task-1 of media media-1 ended CompletePartialSucc: job job-bad (SD) failed with InvalidVideo.Damaged: The source cannot be decoded.", message);
        Assert.DoesNotContain("job-ok", message);
    }

    [Fact]
    public void SaysSoWhenVodNamesNoFailedJob()
    {
        var task = new TranscodeTask { TaskId = "task-1", MediaId = "media-1", Status = "CompleteAllFail" };
        Assert.Equal("Transcode task task-1 of media media-1 ended CompleteAllFail: VOD named no failed job.", TranscodeRules.FailureMessage(task));
    }
}
