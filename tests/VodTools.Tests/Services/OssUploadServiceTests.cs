using System.Globalization;
using System.Text;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services;

/// <summary>A multipart upload against a scripted OSS: the whole object's CRC-64 is checked after CompleteMultipartUpload.</summary>
public sealed class OssUploadServiceTests : IDisposable
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });
    private readonly string _file = Path.GetTempFileName();
    private readonly byte[] _data = new byte[250 * 1024]; // three parts of 100 KB at most

    public OssUploadServiceTests()
    {
        new Random(5).NextBytes(_data);
        File.WriteAllBytes(_file, _data);
    }

    public void Dispose() => File.Delete(_file);

    private static string Decimal(ulong crc) => crc.ToString(CultureInfo.InvariantCulture);

    /// <summary>Answers like OSS: parts with their ETag and the CRC of what arrived; Complete with <paramref name="completeCrc"/>.</summary>
    private static LoopbackServer Oss(Func<string?> completeCrc, bool partCrcs = true) => new(request =>
    {
        var query = request.Query.Select(p => p.Key).ToHashSet();
        if (request.Method == "POST" && query.Contains("uploads"))
            return new ScriptedAnswer(200, "<InitiateMultipartUploadResult><UploadId>U1</UploadId></InitiateMultipartUploadResult>");
        if (request.Method == "PUT")
        {
            var headers = new Dictionary<string, string> { ["ETag"] = "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(request.Body)) + "\"" };
            if (partCrcs) headers["x-oss-hash-crc64ecma"] = Decimal(Crc64Ecma.Compute(request.Body));
            return new ScriptedAnswer(200, Headers: headers);
        }
        if (request.Method == "POST")
        {
            var crc = completeCrc();
            return new ScriptedAnswer(200, "<CompleteMultipartUploadResult><ETag>\"X-3\"</ETag></CompleteMultipartUploadResult>",
                crc == null ? null : new Dictionary<string, string> { ["x-oss-hash-crc64ecma"] = crc });
        }
        return new ScriptedAnswer(204);
    });

    private Task UploadAsync(LoopbackServer server)
    {
        var target = new UploadTarget(server.BaseUri, "outin-1", "sv/1/1.mp4", "cn-shanghai", new CloudCredentials("id", "secret", "token"), DateTimeOffset.UtcNow.AddHours(1));
        var options = new ClientOptions { Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)) };
        var service = new OssUploadService(t => new OssClient(t.Endpoint, "cn-shanghai", new StaticCredentialProvider(t.Credentials, "upload"), Transport, options));
        return service.UploadAsync(_file, target, _ => Task.FromResult(target), OssUploadService.MinPartSize, new TransferProgress(_data.Length), CancellationToken.None);
    }

    private static int Completes(LoopbackServer server) => server.Received.Count(r => r.Method == "POST" && r.Query.Any(p => p.Key == "uploadId"));

    [Fact]
    public async Task Completes_when_the_objects_crc_is_the_parts_crcs_combined()
    {
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)));
        await UploadAsync(server);
        Assert.Equal(3, server.Received.Count(r => r.Method == "PUT"));
        Assert.Equal(1, Completes(server));
    }

    [Fact]
    public async Task Fails_with_crc_mismatch_when_the_completed_object_is_not_what_was_sent()
    {
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data) + 1));
        var error = await Assert.ThrowsAsync<CloudException>(() => UploadAsync(server));
        Assert.Equal(("CompleteMultipartUpload", TransportCodes.CrcMismatch), (error.Operation, error.Code));
        Assert.Equal(1, Completes(server)); // repeating it could not help: the upload is complete and gone
    }

    [Fact]
    public async Task Skips_the_objects_check_when_a_part_answer_had_no_crc()
    {
        using var server = Oss(() => "12345", partCrcs: false);
        await UploadAsync(server);
        Assert.Equal(1, Completes(server));
    }
}
