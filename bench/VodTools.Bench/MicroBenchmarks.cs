using System.Net;
using System.Text;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using VodTools.Api;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api.Signing;
using VodTools.Services.Oss;
using VodTools.Services.Vod;

namespace VodTools.Bench;

/// <summary>Scenario 4's micro-benchmarks: the client-side CPU of one call, no network.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MicroBenchmarks
{
    private static readonly CloudCredentials Credentials = new("VODEMULATORKEYID", "VodEmulatorSecretKey");
    private static readonly Uri Endpoint = new("http://127.0.0.1:9081");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private string _page = "";
    private KeyValuePair<string, string>[] _rpcQuery = [];
    private KeyValuePair<string, string>[] _rpcHeaders = [];
    private OssRequestParts _ossRequest = null!;
    private RpcClient _vodClient = null!;
    private VodService _vodStub = null!;
    private List<MediaRegistration> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = ListPage(1000);
        _files = Enumerable.Range(0, 10).Select(i => new MediaRegistration
        {
            FileUrl = $"https://media-archive.oss-cn-shanghai.aliyuncs.com/media/0000/clip-{i:D7}.mp4",
            Title = $"clip-{i:D7}",
        }).ToList();
        _rpcQuery = [new("RegisterMetadatas", "[{\"FileURL\":\"https://media-archive.oss-cn-shanghai.aliyuncs.com/media/0000/clip-0000001.mp4\",\"Title\":\"clip-0000001\"}]"), new("TemplateGroupId", "VOD_NO_TRANSCODE")];
        _rpcHeaders =
        [
            new("host", "vod.cn-shanghai.aliyuncs.com"), new("x-acs-action", "RegisterMedia"), new("x-acs-version", "2017-03-21"),
            new("x-acs-date", "2026-11-24T21:00:00Z"), new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")), new("x-acs-content-sha256", Crypto.EmptySha256),
        ];
        var date = OssV4Signer.FormatDate(_now);
        _ossRequest = new OssRequestParts("GET", "media-archive", null,
            [new("list-type", "2"), new("prefix", "media/"), new("max-keys", "1000"), new("encoding-type", "url"), new("continuation-token", "bWVkaWEvMDAwMC9jbGlwLTAwMDA5OTkubXA0")],
            [new("host", "media-archive.oss-cn-shanghai.aliyuncs.com"), new("x-oss-date", date), new("x-oss-content-sha256", OssV4Signer.UnsignedPayload)]);
        var provider = new StaticCredentialProvider(Credentials, "bench");
        var options = new ClientOptions { UseQpsBudget = false };
        _vodClient = new RpcClient(RpcService.Vod, Endpoint, provider, new HttpTransport(new SocketsHttpHandler()), options);
        _vodStub = new VodService(new RpcClient(RpcService.Vod, Endpoint, provider, new HttpTransport(new CannedRegisterMedia()), options));
    }

    /// <summary>Target: ≤ 2 ms per 1,000 keys (XML text → OssObject list, as Get-OssObject does per page).</summary>
    [Benchmark]
    public int ParseListPage1000Keys() => OssService.ReadObjectPage(XDocument.Parse(_page).Root!, "media-archive", "cn-shanghai").Objects.Count;

    [Benchmark]
    public string SignRpcV3() => RpcV3Signer.Sign("POST", _rpcQuery, _rpcHeaders, Crypto.EmptySha256, Credentials.AccessKeyId, Credentials.AccessKeySecret).Authorization;

    [Benchmark]
    public string SignOssV4() => OssV4Signer.SignHeader(_ossRequest, [], "cn-shanghai", _now, Credentials.AccessKeyId, Credentials.AccessKeySecret).Authorization;

    /// <summary>One signed RegisterMedia request (nonce, V3 signature, headers) as the module sends it.</summary>
    [Benchmark]
    public HttpRequestMessage BuildRegisterMediaRequest() => _vodClient.BuildRequest("RegisterMedia", _rpcQuery, Credentials, _now);

    /// <summary>A whole 10-file RegisterMedia call on the client side (metadata JSON, request, signature, parse) against a canned answer.</summary>
    [Benchmark]
    public async Task<int> RegisterMediaCall10Files() => (await _vodStub.RegisterMediaAsync(_files, "VOD_NO_TRANSCODE", null, null, CancellationToken.None)).Media.Count(m => m != null);

    internal static string ListPage(int keys)
    {
        var root = new XElement("ListBucketResult",
            new XElement("Name", "media-archive"), new XElement("Prefix", "media%2F"), new XElement("MaxKeys", keys),
            new XElement("EncodingType", "url"), new XElement("IsTruncated", "true"), new XElement("KeyCount", keys),
            new XElement("NextContinuationToken", "bWVkaWEvMDAwMC9jbGlwLTAwMDA5OTkubXA0"));
        for (int i = 0; i < keys; i++)
            root.Add(new XElement("Contents",
                new XElement("Key", $"media%2F0000%2Fclip-{i:D7}.mp4"), new XElement("LastModified", "2026-11-24T21:00:00.000Z"),
                new XElement("ETag", "\"5B1D4E1B0F1E4A3B9C2D7E8F6A5B4C3D\""), new XElement("Type", "Normal"), new XElement("Size", 30),
                new XElement("StorageClass", "Standard")));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root).ToString();
    }

    private sealed class CannedRegisterMedia : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"RequestId\":\"bench\",\"RegisteredMediaList\":["
            + string.Join(",", Enumerable.Range(0, 10).Select(i => $"{{\"FileURL\":\"https://media-archive.oss-cn-shanghai.aliyuncs.com/media/0000/clip-{i:D7}.mp4\",\"MediaId\":\"m{i:D31}\",\"NewRegister\":true}}"))
            + "],\"FailedFileURLs\":[]}");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) });
    }
}
