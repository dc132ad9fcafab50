using VodTools.Api.Credentials;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class CloudCredentialsTests
{
    [Theory]
    [InlineData("LTAI5tAbcdEfgh1234", "LTAI****1234")]
    [InlineData("123456789", "1234****6789")]
    [InlineData("12345678", "****")]
    [InlineData("ab", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskKeepsOnlyTheEndsOfLongValues(string? value, string expected)
    {
        Assert.Equal(expected, CloudCredentials.Mask(value));
    }

    [Fact]
    public void ToStringOfAnAccessKeyIsTheMaskedId()
    {
        Assert.Equal("LTAI****abcd", new CloudCredentials("LTAIxxxxxxxxabcd", "the-secret-value").ToString());
    }

    [Fact]
    public void ToStringOfStsCredentialsShowsTheExpiryButNeitherSecretNorToken()
    {
        var credentials = new CloudCredentials(
            "STS.NUxxxxxxxxwxyz", "the-secret-value", "the-token-value", new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(8)));

        Assert.Equal("STS.****wxyz (STS, expires 2026-03-03T21:06:07Z)", credentials.ToString());
    }

    [Fact]
    public void EmptyTokenMeansNone()
    {
        var credentials = new CloudCredentials("LTAIxxxxxxxxabcd", "the-secret-value", "");

        Assert.Null(credentials.SecurityToken);
        Assert.Equal("LTAI****abcd", credentials.ToString());
    }

    [Theory]
    [InlineData("", "secret")]
    [InlineData("id", " ")]
    public void EmptyIdOrSecretIsRejected(string id, string secret)
    {
        Assert.Throws<ArgumentException>(() => new CloudCredentials(id, secret));
    }
}
