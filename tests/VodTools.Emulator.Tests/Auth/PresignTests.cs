using System.Globalization;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Hosting;
using VodTools.Emulator.Oss;
using Xunit;

namespace VodTools.Emulator.Tests;

/// <summary>Presigned URLs, on the published vectors of alibabacloud-oss-go-sdk-v2 oss/signer/signer_test.go
/// (TestV1AuthQuery: V1-Q1, V1-Q2; TestV4AuthQuery: V4-Q1).</summary>
public class PresignTests
{
    private static AuthOutcome Verify(string method, string url, string host, DateTimeOffset now, string? token = null,
        params (string, string)[] headers)
    {
        var request = new IncomingRequest(method, url, headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))
            .Append(new("host", host)), []);
        var clock = new EmulatorClock();
        clock.Freeze(now);
        var address = OssAddress.Parse(host, request.RawPath);
        return new OssVerifier(new FixedKeys(new AccessKey("ak", "sk", "1", token, DateTimeOffset.MaxValue)), clock).Verify(request, address.Bucket, address.Key);
    }

    [Fact]
    public void V1_presigned_urls_verify_until_they_expire()
    {
        const string url = "/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId";
        var before = DateTimeOffset.FromUnixTimeSeconds(1699807000);
        Assert.True(Verify("GET", url, "bucket.oss-cn-hangzhou.aliyuncs.com", before).Ok);
        var expired = Verify("GET", url, "bucket.oss-cn-hangzhou.aliyuncs.com", before.AddMinutes(10));
        Assert.Equal("AccessDenied", expired.Failure!.Code);

        const string withToken = "/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId";
        Assert.True(Verify("GET", withToken, "bucket.oss-cn-hangzhou.aliyuncs.com", DateTimeOffset.FromUnixTimeSeconds(1699808000), "token").Ok);
        var tampered = Verify("GET", withToken.Replace("versionId=versionId", "versionId=other"), "bucket.oss-cn-hangzhou.aliyuncs.com",
            DateTimeOffset.FromUnixTimeSeconds(1699808000), "token");
        Assert.Equal("SignatureDoesNotMatch", tampered.Failure!.Code);
    }

    [Fact]
    public void V4_presigned_url_verifies_until_it_expires()
    {
        const string url = "/1234%2B-/123/1.txt?param1=value1&%2Bparam1=value3&%7Cparam1=value4&%2Bparam2&%7Cparam2&param2"
            + "&x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231217T025437Z&x-oss-expires=599"
            + "&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe";
        var signedAt = DateTimeOffset.Parse("2023-12-17T02:54:37Z", CultureInfo.InvariantCulture);
        (string, string)[] headers = [("x-oss-head1", "value"), ("abc", "value"), ("ZAbc", "value"), ("XYZ", "value"), ("content-type", "application/octet-stream")];
        var ok = Verify("PUT", url, "bucket.oss-cn-hangzhou.aliyuncs.com", signedAt.AddSeconds(30), null, headers);
        Assert.True(ok.Ok, ok.Failure?.Message);
        Assert.Equal("AccessDenied", Verify("PUT", url, "bucket.oss-cn-hangzhou.aliyuncs.com", signedAt.AddSeconds(600), null, headers).Failure!.Code);
        Assert.Equal("SignatureDoesNotMatch", Verify("PUT", url, "bucket.oss-cn-hangzhou.aliyuncs.com", signedAt.AddSeconds(30), null,
            [.. headers.Take(4), ("content-type", "text/plain")]).Failure!.Code);
    }
}

public class V4HeaderParsingTests
{
    /// <summary>Published vector V4-H3 (signer_test.go TestV4AuthHeaderWithAdditionalHeaders) with its Authorization fields written the way
    /// oss2 (Python) orders and spaces them: the verifier must not care.</summary>
    [Theory]
    [InlineData("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f")]
    [InlineData("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request, Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f, AdditionalHeaders=abc;zabc")]
    [InlineData("OSS4-HMAC-SHA256  Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f ,AdditionalHeaders=ZAbc;abc;x-oss-head1 , Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request")]
    public void Authorization_fields_parse_in_any_order_and_spacing(string authorization)
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "bucket.oss-cn-hangzhou.aliyuncs.com", ["x-oss-head1"] = "value", ["abc"] = "value", ["ZAbc"] = "value", ["XYZ"] = "value",
            ["content-type"] = "text/plain", ["x-oss-content-sha256"] = "UNSIGNED-PAYLOAD", ["x-oss-date"] = "20231216T172512Z",
            ["Authorization"] = authorization,
        };
        var request = new IncomingRequest("PUT", "/1234%2B-/123/1.txt?param1=value1&%2Bparam1=value3&%7Cparam1=value4&%2Bparam2&%7Cparam2&param2", headers, []);
        var clock = new EmulatorClock();
        clock.Freeze(DateTimeOffset.Parse("2023-12-16T17:25:12Z", CultureInfo.InvariantCulture));
        var outcome = new OssVerifier(new FixedKeys(new AccessKey("ak", "sk", "1")), clock).Verify(request, "bucket", "1234+-/123/1.txt");
        Assert.True(outcome.Ok, outcome.Failure?.Message);
    }
}
