using VodTools.Api.Credentials;

namespace VodTools.Tests.Api.Credentials;

public class AccessKeyTextTests
{
    [Theory]
    [InlineData("LTAI5tExampleKeyId01")]
    [InlineData("STS.NUgYrLnoC3Y7Ttb8+9gp/Example=")]
    public void AcceptsWhatAKeyHolds(string value) => Assert.Null(AccessKeyText.Problem(value, "AccessKey ID", showValue: true));

    [Theory]
    [InlineData(" LTAI5t", "space at its start")]
    [InlineData("LTAI5t ", "space at its end")]
    [InlineData("LTAI5t\r", "control character (carriage return) at its end")]
    [InlineData("LT\tAI5t", "control character (tab) at position 3")]
    [InlineData("VÖDKEY", "not ASCII 'Ö' at position 2")]
    public void NamesWhatNoKeyHolds(string value, string says) =>
        Assert.Contains(says, AccessKeyText.Problem(value, "AccessKey ID", showValue: true));

    [Fact]
    public void NeverQuotesASecret()
    {
        var problem = AccessKeyText.Problem("sécret", "AccessKey secret", showValue: false)!;
        Assert.Contains("not ASCII at position 2", problem);
        Assert.DoesNotContain("é", problem);
    }
}
