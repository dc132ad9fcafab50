using System.Text;
using VodTools.Services.Upload;
using VodTools.Services.Vod;

namespace VodTools.Tests.Services.Vod;

public class UploadTargetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static readonly string Address = Base64("""{"Endpoint":"https://oss-cn-shanghai.aliyuncs.com","Bucket":"outin-123","FileName":"sv/abc/abc.mp4"}""");

    [Fact]
    public void DecodesAddressAndCredentialsWithTheirExpiryTime()
    {
        var auth = Base64("""{"AccessKeyId":"STS.id","AccessKeySecret":"secret","SecurityToken":"token","ExpireUTCTime":"2026-11-24T12:50:00Z","Expiration":"3000"}""");
        var target = UploadTarget.Parse(Address, auth, Now);
        Assert.Equal(new Uri("https://oss-cn-shanghai.aliyuncs.com"), target.Endpoint);
        Assert.Equal("outin-123", target.Bucket);
        Assert.Equal("sv/abc/abc.mp4", target.Key);
        Assert.Equal("STS.id", target.Credentials.AccessKeyId);
        Assert.Equal("token", target.Credentials.SecurityToken);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 50, 0, TimeSpan.Zero), target.Expires);
    }

    [Theory]
    [InlineData("""{"AccessKeyId":"a","AccessKeySecret":"s","Expiration":"600"}""", 600)]
    [InlineData("""{"AccessKeyId":"a","AccessKeySecret":"s"}""", 3000)]
    public void CountsExpiryFromNowWithoutAnExpiryTime(string auth, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), UploadTarget.Parse(Address, Base64(auth), Now).Expires);

    [Fact]
    public void RefusesCredentialsWithoutAKey() =>
        Assert.Throws<FormatException>(() => UploadTarget.Parse(Address, Base64("""{"AccessKeySecret":"s"}"""), Now));

    [Theory]
    [InlineData("https://oss-cn-beijing.aliyuncs.com", null, "cn-beijing")]
    [InlineData("oss-ap-southeast-1-internal.aliyuncs.com", null, "ap-southeast-1")]
    [InlineData("https://oss-cn-beijing.aliyuncs.com", "cn-hangzhou", "cn-hangzhou")]
    [InlineData("http://127.0.0.1:9081/", null, "cn-shanghai")]
    public void SignsForUploadAuthsRegionElseTheEndpointsElseTheSessions(string endpoint, string? region, string expected)
    {
        var auth = region == null ? """{"AccessKeyId":"a","AccessKeySecret":"s"}""" : $$"""{"AccessKeyId":"a","AccessKeySecret":"s","Region":"{{region}}"}""";
        var target = UploadTarget.Parse(Base64($$"""{"Endpoint":"{{endpoint}}","Bucket":"b","FileName":"k.mp4"}"""), Base64(auth), Now);
        Assert.Equal(expected, target.SigningRegion("cn-shanghai"));
    }

    [Theory]
    [InlineData(1_000_000, 8_388_608, 8_388_608)]
    [InlineData(200_000_000_000, 8_388_608, 20_000_000)]
    [InlineData(100L * 1024 * 1024 * 1024 * 1024, 8_388_608, 5L * 1024 * 1024 * 1024)]
    public void GrowsThePartSizeSoTheFileFitsInTenThousandParts(long fileSize, long asked, long expected) =>
        Assert.Equal(expected, OssUploadService.PartSizeFor(fileSize, asked));
}
