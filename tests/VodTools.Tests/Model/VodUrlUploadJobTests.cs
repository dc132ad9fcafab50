using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Tests.Model;

public class VodUrlUploadJobTests
{
    [Theory]
    [InlineData("PENDING", false, false)]
    [InlineData("PROCESSING", false, false)]
    [InlineData("SUCCESS", false, true)]
    [InlineData("FAIL", false, true)]
    [InlineData("DOWNLOAD_FAIL", false, true)]
    [InlineData("SomethingNew", true, true)]
    public void A_job_has_ended_with_a_completion_time_or_a_final_status(string status, bool completed, bool finished)
    {
        var job = new VodUrlUploadJob { Status = status, CompleteTime = completed ? DateTime.UtcNow : null };
        Assert.Equal(finished, job.IsFinished);
    }

    [Theory]
    [InlineData("https://media.example.com/a b,c.mp4")]
    [InlineData("http://127.0.0.1:8080/films/film%201.mp4?x=1&y=2")]
    public void A_url_goes_out_encoded_whole_and_comes_back_as_given(string url)
    {
        var encoded = VodService.EncodeUrl(url);
        Assert.DoesNotContain(",", encoded);
        Assert.DoesNotContain("://", encoded);
        Assert.Equal(url, VodService.DecodeUrl(encoded));
        Assert.Equal(url, VodService.DecodeUrl(url));
    }
}
