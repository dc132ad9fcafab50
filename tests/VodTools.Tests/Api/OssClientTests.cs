using System.Text;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api.Signing;
using VodTools.Api;
using VodTools.Tests.Support;

namespace VodTools.Tests.Api;

/// <summary>OssClient against a real loopback HTTP server: addressing, signing, retries with bodies, error shapes.</summary>
public class OssClientTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });

    private static OssClient Client(Uri endpoint, OssSignatureVersion signature = OssSignatureVersion.V4, TimeSpan? timeout = null, int attempts = 3) =>
        new(endpoint, "oss-cn-shanghai", new StaticCredentialProvider(new CloudCredentials("testid", "testsecret", "tok"), "test credentials"), Transport,
            new ClientOptions
            {
                Retry = new RetryPolicy(attempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)),
                AttemptTimeout = timeout ?? TimeSpan.FromSeconds(60),
            }, signature);

    private static OssRequest Put(string key, Func<HttpContent> content, bool verifyCrc = true) =>
        new("PutObject", HttpMethod.Put, "media", key) { Content = content, VerifyBodyCrc64 = verifyCrc };

    private static ScriptedAnswer Stored(ulong crc) => new(200, Headers: new() { ["x-oss-hash-crc64ecma"] = crc.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public void Addresses_are_virtual_hosted_for_names_and_path_style_for_ip_or_localhost()
    {
        var cloud = Client(new Uri("https://oss-cn-shanghai.aliyuncs.com"));
        Assert.Equal("https://media.oss-cn-shanghai.aliyuncs.com/films/%E7%94%B5%E5%BD%B1%20a%2Bb.mp4",
            cloud.Address("media", "films/电影 a+b.mp4").AbsoluteUri);
        Assert.Equal("https://oss-cn-shanghai.aliyuncs.com/", cloud.Address(null, null).AbsoluteUri);
        Assert.Equal("cn-shanghai", cloud.Region);

        var local = Client(new Uri("http://127.0.0.1:8990"));
        Assert.True(local.PathStyle);
        Assert.Equal("http://127.0.0.1:8990/media/?list-type=2&prefix=a%2Fb", local.Address("media", null, new[] { new KeyValuePair<string, string>("list-type", "2"), new("prefix", "a/b") }).AbsoluteUri);
        Assert.True(Client(new Uri("http://localhost:8990")).PathStyle);
    }

    [Theory]
    [InlineData(OssSignatureVersion.V4)]
    [InlineData(OssSignatureVersion.V1)]
    public async Task A_put_is_signed_over_what_is_sent_and_its_body_is_resent_on_retry(OssSignatureVersion version)
    {
        using var server = new LoopbackServer(new ScriptedAnswer(503, "<Error><Code>ServiceUnavailable</Code><Message>busy</Message><RequestId>R1</RequestId></Error>"), new ScriptedAnswer(200));
        var body = Encoding.UTF8.GetBytes("hello world\n");
        var request = new OssRequest("PutObject", HttpMethod.Put, "media", "films/a b.mp4")
            .WithHeader("Content-Type", "video/mp4")
            .WithHeader("Content-MD5", Crypto.Md5Base64(body));
        request.Content = () => new ByteArrayContent(body);

        using (await Client(server.BaseUri, version).SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }

        Assert.Equal(2, server.Received.Count);
        foreach (var received in server.Received)
        {
            Assert.Equal("/media/films/a%20b.mp4", received.Path);
            Assert.Equal(body, received.Body);
            Assert.Equal("tok", received.Header("x-oss-security-token"));
            var parts = new OssRequestParts("PUT", "media", "films/a b.mp4", received.Query, received.Headers.ToList());
            var expected = version == OssSignatureVersion.V4
                ? OssV4Signer.SignHeader(parts, Array.Empty<string>(), "cn-shanghai", DateTimeOffset.ParseExact(received.Header("x-oss-date")!, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal), "testid", "testsecret").Authorization
                : OssV1Signer.SignHeader(parts, "testid", "testsecret").Authorization;
            Assert.Equal(expected, received.Header("Authorization"));
        }
    }

    [Fact]
    public async Task An_error_body_becomes_a_cloud_exception_with_the_ec()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error xmlns=\"http://doc.oss-cn-hangzhou.aliyuncs.com\"><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>534B371674E88A4D8906</RequestId><HostId>nope.oss-cn-shanghai.aliyuncs.com</HostId><BucketName>nope</BucketName><EC>0015-00000101</EC></Error>";
        using var server = new LoopbackServer(new ScriptedAnswer(404, xml, new() { ["x-oss-request-id"] = "534B371674E88A4D8906", ["x-oss-ec"] = "0015-00000101" }));

        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).GetXmlAsync(new OssRequest("ListObjectsV2", HttpMethod.Get, "nope").WithQuery("list-type", "2"), CancellationToken.None));

        Assert.Single(server.Received);
        Assert.Equal(("OSS", "NoSuchBucket", 404, "534B371674E88A4D8906"), (error.Service, error.Code, error.HttpStatus, error.RequestId));
        Assert.Contains("EC 0015-00000101", error.Message);
    }

    [Fact]
    public async Task A_policy_refusal_names_the_denied_permission()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access denied by bucket policy.</Message><RequestId>R2</RequestId>"
            + "<AccessDeniedDetail><AuthPrincipalType>SubUser</AuthPrincipalType><NoPermissionType>ExplicitDeny</NoPermissionType><AuthAction>oss:GetObject</AuthAction></AccessDeniedDetail>"
            + "<EC>0003-00000201</EC></Error>";
        using var server = new LoopbackServer(new ScriptedAnswer(403, xml));

        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).SendAsync(new OssRequest("GetObject", HttpMethod.Get, "media", "k"), HttpCompletionOption.ResponseContentRead, CancellationToken.None));

        Assert.Equal(("oss:GetObject", true), (error.Denial!.Action, error.Denial.ExplicitDeny));
        Assert.Contains("Access denied by bucket policy. A RAM policy denies oss:GetObject to these credentials.", error.Message);
    }

    [Fact]
    public async Task A_head_error_is_read_from_the_x_oss_err_header()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>6556E3AED11E553933CCDEDF</RequestId><HostId>h</HostId><Key>k</Key></Error>";
        using var server = new LoopbackServer(new ScriptedAnswer(404, "", new() { ["x-oss-err"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(xml)), ["x-oss-ec"] = "0026-00000001" }));

        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).SendAsync(new OssRequest("HeadObject", HttpMethod.Head, "media", "k"), HttpCompletionOption.ResponseHeadersRead, CancellationToken.None));

        Assert.Equal(("NoSuchKey", "6556E3AED11E553933CCDEDF"), (error.Code, error.RequestId));
    }

    [Fact]
    public async Task A_body_that_keeps_moving_is_sent_whole_although_it_takes_longer_than_the_attempt_timeout()
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200));
        var body = new TrickledContent(chunks: 15, chunkSize: 1000, pause: TimeSpan.FromMilliseconds(200)); // about 3 s

        using (await Client(server.BaseUri, timeout: TimeSpan.FromSeconds(1), attempts: 1)
            .SendAsync(Put("big.mp4", () => body, verifyCrc: false), HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }

        Assert.Equal(body.Bytes, Assert.Single(server.Received).Body);
    }

    [Fact]
    public async Task A_transfer_in_which_nothing_moves_for_the_attempt_timeout_times_out()
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200)) { StallBodies = true };
        var body = new byte[64 * 1024 * 1024]; // more than the socket buffers of both ends take in

        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri, timeout: TimeSpan.FromSeconds(1), attempts: 1)
            .SendAsync(Put("big.mp4", () => new ByteArrayContent(body), verifyCrc: false), HttpCompletionOption.ResponseContentRead, CancellationToken.None));

        Assert.Equal(TransportCodes.Timeout, error.Code);
        Assert.Contains("Nothing moved", error.Message);
    }

    [Fact]
    public async Task A_put_whose_answer_has_another_crc_is_sent_again_and_accepted_once_the_crcs_agree()
    {
        var body = Encoding.UTF8.GetBytes("frames of a film");
        var crc = Crc64Ecma.Compute(body);
        using var server = new LoopbackServer(Stored(crc ^ 1), Stored(crc));

        using (await Client(server.BaseUri).SendAsync(Put("a.mp4", () => new ByteArrayContent(body)), HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }

        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, r => Assert.Equal(body, r.Body));
    }

    [Fact]
    public async Task A_crc_that_never_agrees_fails_with_crc_mismatch_after_every_attempt()
    {
        var body = Encoding.UTF8.GetBytes("frames of a film");
        using var server = new LoopbackServer(Stored(Crc64Ecma.Compute(body) ^ 0x8000_0000_0000_0000));

        var error = await Assert.ThrowsAsync<CloudException>(() => Client(server.BaseUri).SendAsync(Put("a.mp4", () => new ByteArrayContent(body)), HttpCompletionOption.ResponseContentRead, CancellationToken.None));

        Assert.Equal(3, server.Received.Count);
        Assert.Equal((TransportCodes.CrcMismatch, 200), (error.Code, error.HttpStatus));
        Assert.Contains(Crc64Ecma.Compute(body).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task An_answer_without_a_crc_is_accepted_as_the_official_sdks_accept_it()
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200));

        using (await Client(server.BaseUri).SendAsync(Put("a.mp4", () => new ByteArrayContent(new byte[] { 1, 2, 3 })), HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }

        Assert.Single(server.Received);
    }

    [Theory]
    [InlineData(OssSignatureVersion.V4)]
    [InlineData(OssSignatureVersion.V1)]
    public async Task A_key_with_dot_segments_is_sent_with_its_dots_escaped_and_signed_over_the_key_itself(OssSignatureVersion version)
    {
        using var server = new LoopbackServer(new ScriptedAnswer(200));
        var client = Client(server.BaseUri, version);
        if (Type.GetType("Mono.Runtime") != null)
        {
            // Mono's Uri removes dot segments even escaped (the tests built for .NET Framework run on it): refused, never sent
            foreach (var key in new[] { "a/./b.mp4", "a/../b.mp4", "./x", "../x" })
            {
                var refused = await Assert.ThrowsAsync<VodTools.Services.ValidationException>(() => client.SendAsync(new OssRequest("DeleteObject", HttpMethod.Delete, "media", key), HttpCompletionOption.ResponseContentRead, CancellationToken.None));
                Assert.Equal("OssKeyDotSegments", refused.ErrorId);
                Assert.Contains(key, refused.Message);
            }
            using (await client.SendAsync(new OssRequest("DeleteObject", HttpMethod.Delete, "media", "a/.../b.mp4"), HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }
            Assert.Equal(new[] { "/media/a/.../b.mp4" }, server.Received.Select(r => r.Path));
            return;
        }
        foreach (var key in new[] { "a/./b.mp4", "a/../b.mp4", "./x", "../x", "a/.../b.mp4" })
        {
            using (await client.SendAsync(new OssRequest("DeleteObject", HttpMethod.Delete, "media", key), HttpCompletionOption.ResponseContentRead, CancellationToken.None)) { }
        }

        var received = server.Received.ToList();
        Assert.Equal(new[] { "/media/a/%2E/b.mp4", "/media/a/%2E%2E/b.mp4", "/media/%2E/x", "/media/%2E%2E/x", "/media/a/.../b.mp4" }, received.Select(r => r.Path));
        foreach (var (request, key) in received.Zip(new[] { "a/./b.mp4", "a/../b.mp4", "./x", "../x", "a/.../b.mp4" }))
        {
            // what the server decodes from the path is the key, and the signature covers that key (dots unescaped)
            Assert.Equal("/media/" + key, Uri.UnescapeDataString(request.Path));
            var parts = new OssRequestParts("DELETE", "media", key, request.Query, request.Headers.ToList());
            var expected = version == OssSignatureVersion.V4
                ? OssV4Signer.SignHeader(parts, Array.Empty<string>(), "cn-shanghai", DateTimeOffset.ParseExact(request.Header("x-oss-date")!, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal), "testid", "testsecret").Authorization
                : OssV1Signer.SignHeader(parts, "testid", "testsecret").Authorization;
            Assert.Equal(expected, request.Header("Authorization"));
        }
    }

    /// <summary>A body written a chunk at a time with a pause after each: a slow link that keeps moving.</summary>
    private sealed class TrickledContent(int chunks, int chunkSize, TimeSpan pause) : HttpContent
    {
        public byte[] Bytes { get; } = Enumerable.Range(0, chunks * chunkSize).Select(i => (byte)i).ToArray();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < Bytes.Length; offset += chunkSize)
            {
                await stream.WriteAsync(Bytes.AsMemory(offset, chunkSize));
                await stream.FlushAsync();
                await Task.Delay(pause);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Bytes.Length;
            return true;
        }
    }
}
