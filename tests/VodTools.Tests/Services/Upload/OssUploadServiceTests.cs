using System.Globalization;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Upload;
using VodTools.Services.Vod;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services.Upload;

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

    /// <summary>Answers like OSS: parts with their ETag and the CRC of what arrived; Complete with <paramref name="completeCrc"/>;
    /// ListParts with <paramref name="listed"/> (null: NoSuchUpload); <paramref name="refuse"/> answers a part request first when it says so.</summary>
    private static LoopbackServer Oss(Func<string?> completeCrc, bool partCrcs = true, string? listed = null, Func<ReceivedRequest, ScriptedAnswer?>? refuse = null) => new(request =>
    {
        if (refuse?.Invoke(request) is { } refused) return refused;
        var query = request.Query.Select(p => p.Key).ToHashSet();
        if (request.Method == "POST" && query.Contains("uploads"))
            return new ScriptedAnswer(200, "<InitiateMultipartUploadResult><UploadId>U1</UploadId></InitiateMultipartUploadResult>");
        if (request.Method == "GET")
            return listed == null
                ? new ScriptedAnswer(404, "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>")
                : new ScriptedAnswer(200, "<ListPartsResult><IsTruncated>false</IsTruncated>" + listed + "</ListPartsResult>");
        if (request.Method == "PUT")
        {
            var headers = new Dictionary<string, string> { ["ETag"] = ETagOf(request.Body) };
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

    private static string ETagOf(byte[] body) => "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(body)) + "\"";

    private byte[] Part(int number) => _data.Skip((number - 1) * (int)OssUploadService.MinPartSize).Take((int)OssUploadService.MinPartSize).ToArray();

    private UploadCheckpoint NewCheckpoint() => new() { FileSize = _data.Length, PartSize = OssUploadService.MinPartSize, MediaId = "m1" };

    /// <summary>
    /// Uploads the file; returns how many times the credentials were refreshed, each checkpoint saved, each part recorded as
    /// it completed, and how many parts OSS held that the checkpoint did not name.
    /// </summary>
    private async Task<(int Refreshes, List<string> Saved, List<UploadedPart> Recorded, int Found)> UploadAsync(LoopbackServer server, UploadCheckpoint? checkpoint = null, int partsInFlight = 3)
    {
        var target = new UploadTarget(server.BaseUri, "outin-1", "sv/1/1.mp4", "cn-shanghai", new CloudCredentials("id", "secret", "token"), DateTimeOffset.UtcNow.AddHours(1));
        var options = new ClientOptions { Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)) };
        var service = new OssUploadService(t => new OssClient(t.Endpoint, "cn-shanghai", new StaticCredentialProvider(t.Credentials, "upload"), Transport, options));
        var saved = new List<string>();
        var recorded = new List<UploadedPart>();
        using var credentials = new UploadCredentials(target, _ => Task.FromResult(target));
        var found = await service.UploadAsync(_file, checkpoint ?? NewCheckpoint(), credentials, partsInFlight, new TransferProgress(_data.Length),
            c => saved.Add(System.Text.Json.JsonSerializer.Serialize(c)), recorded.Add, CancellationToken.None);
        return (credentials.Refreshes, saved, recorded, found);
    }

    private static int Completes(LoopbackServer server) => server.Received.Count(r => r.Method == "POST" && r.Query.Any(p => p.Key == "uploadId"));

    private static List<int> PartsSent(LoopbackServer server) =>
        server.Received.Where(r => r.Method == "PUT").Select(r => int.Parse(r.Query.Single(p => p.Key == "partNumber").Value, CultureInfo.InvariantCulture)).Order().ToList();

    [Fact]
    public async Task Completes_when_the_objects_crc_is_the_parts_crcs_combined()
    {
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)));
        var (_, saved, recorded, _) = await UploadAsync(server);
        Assert.Equal(new[] { 1, 2, 3 }, PartsSent(server));
        Assert.Equal(new[] { 1, 2, 3 }, recorded.Select(p => p.Number).Order()); // each recorded as it completed
        Assert.Equal(1, Completes(server));
        Assert.Contains("\"UploadId\":\"U1\",\"Parts\":[]", saved[0]); // the upload id first, then the parts as OSS acknowledged them
        var last = System.Text.Json.JsonSerializer.Deserialize<UploadCheckpoint>(saved[^1])!;
        Assert.Equal(new[] { 1, 2, 3 }, last.Parts.Select(p => p.Number).Order());
        Assert.All(last.Parts, p => Assert.Equal(ETagOf(Part(p.Number)), p.ETag));
        Assert.DoesNotContain("secret", string.Join("", saved));
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

    [Fact]
    public async Task Resumes_by_sending_only_the_parts_OSS_does_not_list_with_the_checkpoints_ETag()
    {
        // part 1 is held as the checkpoint says; part 2 is listed with another ETag (so sent again); part 3 was never sent
        var listed = $"<Part><PartNumber>1</PartNumber><ETag>{ETagOf(Part(1))}</ETag><Size>{Part(1).Length}</Size></Part>" +
            $"<Part><PartNumber>2</PartNumber><ETag>\"0000\"</ETag><Size>{Part(2).Length}</Size></Part>";
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)), listed: listed);
        var checkpoint = NewCheckpoint();
        checkpoint.UploadId = "U0";
        foreach (var n in new[] { 1, 2 })
            checkpoint.Parts.Add(new UploadedPart { Number = n, Size = Part(n).Length, ETag = ETagOf(Part(n)), Crc64 = Decimal(Crc64Ecma.Compute(Part(n))) });
        await UploadAsync(server, checkpoint);
        Assert.Equal(new[] { 2, 3 }, PartsSent(server));
        Assert.All(server.Received.Where(r => r.Method != "GET"), r => Assert.Contains(r.Query, p => p.Key == "uploadId" && p.Value == "U0"));
        Assert.Equal(1, Completes(server));
    }

    private string Listed(int number, string? etag = null, string? crc = null, long? size = null) =>
        $"<Part><PartNumber>{number}</PartNumber><ETag>{etag ?? ETagOf(Part(number))}</ETag><Size>{size ?? Part(number).Length}</Size>" +
        (crc == null ? string.Empty : $"<HashCrc64ecma>{crc}</HashCrc64ecma>") + "</Part>";

    [Fact]
    public async Task Keeps_the_parts_OSS_holds_that_match_the_file_though_the_checkpoint_never_recorded_them()
    {
        // a run killed after parts 1 and 2 reached OSS and before it recorded them: its checkpoint names the upload only
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)), listed: Listed(1) + Listed(2));
        var checkpoint = NewCheckpoint();
        checkpoint.UploadId = "U0";
        var (_, _, _, found) = await UploadAsync(server, checkpoint);
        Assert.Equal(new[] { 3 }, PartsSent(server));
        Assert.Equal(2, found);
        Assert.Equal(1, Completes(server)); // and the object's CRC-64 checked, from the CRCs of the parts kept, computed from the file
    }

    [Fact]
    public async Task Sends_again_a_listed_part_whose_bytes_are_not_the_files()
    {
        // part 1: the CRC-64 OSS lists is the file's (it decides, whatever the ETag); part 2: OSS's CRC-64 is another;
        // part 3: the MD5 (ETag) is another, with no CRC-64 listed; part 4 would be past the end of the file
        var listed = Listed(1, etag: "\"0000\"", crc: Decimal(Crc64Ecma.Compute(Part(1)))) + Listed(2, crc: "1") + Listed(3, etag: "\"0000\"")
            + Listed(4, size: 10);
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)), listed: listed);
        var checkpoint = NewCheckpoint();
        checkpoint.UploadId = "U0";
        var (_, _, _, found) = await UploadAsync(server, checkpoint);
        Assert.Equal(new[] { 2, 3 }, PartsSent(server));
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Starts_a_new_multipart_upload_when_OSS_no_longer_knows_the_checkpoints()
    {
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)), listed: null);
        var checkpoint = NewCheckpoint();
        checkpoint.UploadId = "gone";
        checkpoint.Parts.Add(new UploadedPart { Number = 1, Size = Part(1).Length, ETag = ETagOf(Part(1)) });
        await UploadAsync(server, checkpoint);
        Assert.Equal(new[] { 1, 2, 3 }, PartsSent(server));
        Assert.Equal("U1", checkpoint.UploadId);
    }

    [Fact]
    public async Task Asks_for_fresh_credentials_once_when_OSS_says_they_expired_and_sends_the_part_again()
    {
        var refused = 0;
        using var server = Oss(() => Decimal(Crc64Ecma.Compute(_data)), refuse: r =>
            r.Method == "PUT" && Interlocked.Increment(ref refused) == 1
                ? new ScriptedAnswer(403, "<Error><Code>SecurityTokenExpired</Code><Message>The security token you provided has expired.</Message></Error>")
                : null);
        var (refreshes, _, _, _) = await UploadAsync(server, partsInFlight: 1);
        Assert.Equal(1, refreshes);
        Assert.Equal(new[] { 1, 1, 2, 3 }, PartsSent(server));
    }
}
