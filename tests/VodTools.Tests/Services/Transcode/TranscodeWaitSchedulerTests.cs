using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Transcode;

namespace VodTools.Tests.Services.Transcode;

public class TranscodeWaitSchedulerTests
{
    private DateTime _now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    private TranscodeWaitScheduler Scheduler(int? timeoutSeconds = null) =>
        new(timeoutSeconds == null ? null : TimeSpan.FromSeconds(timeoutSeconds.Value), () => _now);

    private static TranscodeTask Task(string id, string status, int progress) =>
        new() { TaskId = id, MediaId = "media-" + id, Status = status, Jobs = new[] { new TranscodeJob { JobId = "job-" + id, Status = status == "CompleteAllFail" ? "TranscodeFail" : "Transcoding", Progress = progress, ErrorCode = "InvalidVideo.Damaged" } } };

    private static CloudException Error(int status, string code) => new("VOD", "GetTranscodeTask", code, "message", status, "request-1", null, null);

    private void Advance(double seconds) => _now += TimeSpan.FromSeconds(seconds);

    [Fact]
    public void First_look_comes_after_one_second()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Assert.Empty(scheduler.Due());
        Assert.Equal(TimeSpan.FromSeconds(1), scheduler.UntilNext());
        Advance(1);
        Assert.Equal(new[] { "t1" }, scheduler.Due());
    }

    [Fact]
    public void Next_look_follows_progress_within_ten_seconds()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Advance(2);
        // 2 s for 50 %: the rest should take about 2 s more
        Assert.Equal(TranscodeWaitVerdict.Running, scheduler.Answered("t1", Task("t1", "Processing", 50)).Verdict);
        Assert.Equal(TimeSpan.FromSeconds(2), scheduler.UntilNext());
        Advance(2);
        // 4 s for 10 %: 36 s more, looked at again after 10 s at most
        scheduler.Answered("t1", Task("t1", "Processing", 10));
        Assert.Equal(TimeSpan.FromSeconds(10), scheduler.UntilNext());
    }

    [Fact]
    public void Without_progress_polls_back_off_by_half()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Advance(1);
        scheduler.Answered("t1", Task("t1", "Processing", 0));
        Assert.Equal(TimeSpan.FromSeconds(1.5), scheduler.UntilNext());
    }

    [Fact]
    public void A_finished_task_sets_the_first_look_of_later_ones()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Advance(5);
        var done = scheduler.Answered("t1", Task("t1", "CompleteAllSucc", 100));
        Assert.Equal(TranscodeWaitVerdict.Succeeded, done.Verdict);
        Assert.Null(scheduler.UntilNext());
        Assert.Equal((1, 0, 0, 100), (scheduler.Succeeded, scheduler.Failed, scheduler.Running, scheduler.PercentComplete));
        scheduler.Add("t2");
        Assert.Equal(TimeSpan.FromSeconds(4.5), scheduler.UntilNext());
    }

    [Fact]
    public void A_failed_task_names_its_failed_job()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Advance(1);
        var outcome = scheduler.Answered("t1", Task("t1", "CompleteAllFail", 100));
        Assert.Equal(TranscodeWaitVerdict.Failed, outcome.Verdict);
        Assert.Contains("job job-t1 failed with InvalidVideo.Damaged", outcome.Message);
        Assert.Equal(1, scheduler.Failed);
    }

    [Fact]
    public void A_task_still_running_at_its_deadline_times_out()
    {
        var scheduler = Scheduler(timeoutSeconds: 3);
        scheduler.Add("t1");
        Advance(1);
        scheduler.Answered("t1", Task("t1", "Processing", 1));
        // a 3 s limit caps the interval at 1 s, so a look lands on the deadline
        Assert.Equal(TimeSpan.FromSeconds(1), scheduler.UntilNext());
        Advance(2);
        var outcome = scheduler.Answered("t1", Task("t1", "Processing", 2));
        Assert.Equal(TranscodeWaitVerdict.TimedOut, outcome.Verdict);
        Assert.Contains("still Processing (2%) after 3 s", outcome.Message);
    }

    [Fact]
    public void Passing_poll_failures_are_waited_out_until_three_in_a_row()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        for (var i = 1; i < TranscodeWaitScheduler.MaxFailedPolls; i++)
        {
            Advance(10);
            Assert.Equal(TranscodeWaitVerdict.PollFailed, scheduler.PollFailed("t1", Error(503, "ServiceUnavailable")).Verdict);
        }
        Advance(10);
        Assert.Equal(TranscodeWaitVerdict.Unavailable, scheduler.PollFailed("t1", Error(503, "ServiceUnavailable")).Verdict);
        Assert.Equal(0, scheduler.Running);
    }

    [Fact]
    public void An_answer_between_failures_starts_the_count_again()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        scheduler.PollFailed("t1", Error(500, "InternalError"));
        scheduler.PollFailed("t1", Error(500, "InternalError"));
        scheduler.Answered("t1", Task("t1", "Processing", 0));
        Assert.Equal(TranscodeWaitVerdict.PollFailed, scheduler.PollFailed("t1", Error(500, "InternalError")).Verdict);
    }

    [Fact]
    public void An_error_no_poll_can_mend_makes_the_task_unavailable_at_once()
    {
        var scheduler = Scheduler();
        scheduler.Add("t1");
        Assert.Equal(TranscodeWaitVerdict.Unavailable, scheduler.PollFailed("t1", Error(404, "InvalidTranscodeTask.NotFound")).Verdict);
    }
}
