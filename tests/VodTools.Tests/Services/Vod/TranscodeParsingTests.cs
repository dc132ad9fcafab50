using System.Text.Json;
using VodTools.Services.Vod;

namespace VodTools.Tests.Services.Vod;

public class TranscodeParsingTests
{
    private const string Job = """
        {"TranscodeJobId":"j1","TranscodeTemplateId":"t1","TranscodeJobStatus":"TranscodeFail","TranscodeProgress":"100","Definition":"SD",
         "ErrorCode":"InvalidVideo.Damaged","ErrorMessage":"broken","CreationTime":"2026-11-24T12:00:00Z","OutputFile":{"OutputFileUrl":"https://b/x.mp4"}}
        """;

    [Theory]
    [InlineData("[" + Job + "]")]
    [InlineData("{\"TranscodeJobInfo\":[" + Job + "]}")]
    public void ReadsATaskWithItsJobsBareOrInTheRpcWrapper(string jobs)
    {
        using var document = JsonDocument.Parse($$"""
            {"TranscodeTaskId":"task","VideoId":"media","TaskStatus":"CompleteAllFail","Trigger":"Auto","TranscodeTemplateGroupId":"g",
             "CreationTime":"2026-11-24T12:00:00Z","CompleteTime":"2026-11-24T12:01:00Z","TranscodeJobInfoList":{{jobs}}}
            """);
        var task = VodService.ReadTask(document.RootElement);
        Assert.Equal(("task", "media", "CompleteAllFail", "Auto", "g"), (task.TaskId, task.MediaId, task.Status, task.Trigger, task.TemplateGroupId));
        Assert.True(task.IsComplete);
        Assert.Equal(new DateTime(2026, 11, 24, 12, 1, 0, DateTimeKind.Utc), task.CompleteTime?.ToUniversalTime());
        Assert.Equal(DateTimeKind.Local, task.CompleteTime?.Kind); // shown as Get-Date shows times
        var job = Assert.Single(task.Jobs);
        Assert.Equal(("j1", "t1", "TranscodeFail", 100, "SD"), (job.JobId, job.TemplateId, job.Status, job.Progress, job.Definition));
        Assert.Equal(("InvalidVideo.Damaged", "broken", "https://b/x.mp4"), (job.ErrorCode, job.ErrorMessage, job.OutputUrl));
        Assert.Equal(100, task.Progress);
    }

    [Fact]
    public void TakesEmptyErrorFieldsForNone()
    {
        using var document = JsonDocument.Parse("""{"TranscodeJobId":"j1","TranscodeJobStatus":"Transcoding","TranscodeProgress":40,"ErrorCode":"","ErrorMessage":""}""");
        var job = VodService.ReadJob(document.RootElement);
        Assert.Null(job.ErrorCode);
        Assert.Null(job.ErrorMessage);
        Assert.Null(job.OutputUrl);
        Assert.Equal(40, job.Progress);
    }
}
