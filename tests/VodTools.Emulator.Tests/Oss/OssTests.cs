using System.Net.Http.Headers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using VodTools.Emulator.Oss;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

public class OssTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync();
    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private async Task PutAsync(string bucket, string key, string text, OssStyle style = OssStyle.Path, bool v4 = false)
    {
        using var response = await _emu.OssAsync(HttpMethod.Put, bucket, key, content: new StringContent(text), style: style, v4: v4);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task CreateBucketAsync(string bucket)
    {
        using var response = await _emu.OssAsync(HttpMethod.Put, bucket);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static IEnumerable<string> Values(XElement root, string element, string child) =>
        root.Elements(element).Select(e => (string)e.Element(child)!);

    [Fact]
    public async Task Buckets_are_created_listed_described_and_deleted()
    {
        await CreateBucketAsync("media-a");
        using (var vhost = await _emu.OssAsync(HttpMethod.Put, "media-b", style: OssStyle.VirtualHost, v4: true))
            Assert.Equal(HttpStatusCode.OK, vhost.StatusCode);
        using (var dup = await _emu.OssAsync(HttpMethod.Put, "media-a"))
        {
            Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
            Assert.Equal("BucketAlreadyExists", (string?)(await XmlAsync(dup)).Element("Code"));
        }
        using (var bad = await _emu.OssAsync(HttpMethod.Put, "Bad_Name"))
            Assert.Equal("InvalidBucketName", (string?)(await XmlAsync(bad)).Element("Code"));

        var list = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, null));
        Assert.Equal(["media-a", "media-b"], list.Element("Buckets")!.Elements("Bucket").Select(b => (string)b.Element("Name")!));
        Assert.Equal("cn-shanghai", (string?)list.Element("Buckets")!.Element("Bucket")!.Element("Region"));

        var info = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "media-a", query: "bucketInfo"));
        Assert.Equal("oss-cn-shanghai", (string?)info.Element("Bucket")!.Element("Location"));
        Assert.Equal("oss-cn-shanghai.aliyuncs.com", (string?)info.Element("Bucket")!.Element("ExtranetEndpoint"));
        var location = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "media-b", query: "location", style: OssStyle.VirtualHost));
        Assert.Equal("oss-cn-shanghai", location.Value);

        await PutAsync("media-a", "x.mp4", "x");
        using (var notEmpty = await _emu.OssAsync(HttpMethod.Delete, "media-a"))
            Assert.Equal("BucketNotEmpty", (string?)(await XmlAsync(notEmpty)).Element("Code"));
        using (await _emu.OssAsync(HttpMethod.Delete, "media-a", "x.mp4")) { }
        using (var deleted = await _emu.OssAsync(HttpMethod.Delete, "media-a"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var missing = await _emu.OssAsync(HttpMethod.Get, "media-a", query: "bucketInfo");
        var error = await XmlAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NoSuchBucket", (string?)error.Element("Code"));
        Assert.Equal("media-a", (string?)error.Element("BucketName"));
        Assert.NotNull(error.Element("RequestId"));
        Assert.NotNull(error.Element("HostId"));
    }

    [Fact]
    public async Task Objects_round_trip_with_md5_range_and_metadata()
    {
        await CreateBucketAsync("media");
        const string key = "视频/a b+c (1)*~.mp4";
        var body = Encoding.UTF8.GetBytes("0123456789abcdef");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Headers.ContentMD5 = MD5.HashData(body);
        using (var put = await _emu.OssAsync(HttpMethod.Put, "media", key, content: content, headers: P("x-oss-meta-author", "alice"), v4: true))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("\"" + Convert.ToHexString(MD5.HashData(body)) + "\"", put.Headers.ETag!.ToString());
        }
        var wrongMd5 = new ByteArrayContent(body);
        wrongMd5.Headers.ContentMD5 = MD5.HashData([1]);
        using (var bad = await _emu.OssAsync(HttpMethod.Put, "media", key, content: wrongMd5))
            Assert.Equal("InvalidDigest", (string?)(await XmlAsync(bad)).Element("Code"));

        using (var get = await _emu.OssAsync(HttpMethod.Get, "media", key, style: OssStyle.VirtualHost))
        {
            Assert.Equal(body, await get.Content.ReadAsByteArrayAsync());
            Assert.Equal("video/mp4", get.Content.Headers.ContentType!.MediaType);
            Assert.Equal("alice", get.Headers.GetValues("x-oss-meta-author").Single());
        }
        using (var range = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("Range", "bytes=2-5")))
        {
            Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
            Assert.Equal("2345", await range.Content.ReadAsStringAsync());
            Assert.Equal("bytes 2-5/16", range.Content.Headers.ContentRange!.ToString());
        }
        using (var beyond = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("Range", "bytes=100-200")))
            Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        using (var head = await _emu.OssAsync(HttpMethod.Head, "media", key))
            Assert.Equal(16, head.Content.Headers.ContentLength);
        string etag = "\"" + Convert.ToHexString(MD5.HashData(body)) + "\"";
        using (var notModified = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("If-None-Match", etag)))
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using (var failed = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("If-Match", "\"0000\"")))
            Assert.Equal("PreconditionFailed", (string?)(await XmlAsync(failed)).Element("Code"));
        using (var clipped = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("Range", "bytes=10-100", "x-oss-range-behavior", "standard")))
            Assert.Equal("abcdef", await clipped.Content.ReadAsStringAsync());
        using (var unsatisfiable = await _emu.OssAsync(HttpMethod.Get, "media", key, headers: P("Range", "bytes=100-200", "x-oss-range-behavior", "standard")))
            Assert.Equal((HttpStatusCode)416, unsatisfiable.StatusCode);
        using (var copy = await _emu.OssAsync(HttpMethod.Put, "media", "copy.mp4", content: new ByteArrayContent([]), headers: P("x-oss-copy-source", "/media/x")))
            Assert.Equal("NotImplemented", (string?)(await XmlAsync(copy)).Element("Code"));
        using (var delete = await _emu.OssAsync(HttpMethod.Delete, "media", key))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await _emu.OssAsync(HttpMethod.Head, "media", key);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(await gone.Content.ReadAsByteArrayAsync());
        Assert.Equal("0026-00000001", gone.Headers.GetValues("x-oss-ec").Single());
        var err = XElement.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(gone.Headers.GetValues("x-oss-err").Single())));
        Assert.Equal("NoSuchKey", (string?)err.Element("Code"));
    }

    [Fact]
    public async Task Listings_page_in_byte_order_with_delimiters_and_url_encoding()
    {
        await CreateBucketAsync("lib");
        string[] keys = ["a.mp4", "films/2020/x.mp4", "films/2021/y.mov", "films/top.mp4", "films/ü space.mp3", "Zed.txt", "b%.m3u8"];
        foreach (var k in keys) await PutAsync("lib", k, k);

        var all = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib"));
        Assert.Equal(keys.OrderBy(k => Encoding.UTF8.GetBytes(k), ByteOrder.Instance), Values(all, "Contents", "Key"));
        Assert.All(all.Elements("Contents"), c => Assert.NotNull(c.Element("Owner")!.Element("ID")));

        var grouped = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", query: "prefix=films%2F&delimiter=%2F"));
        Assert.Equal(["films/top.mp4", "films/ü space.mp3"], Values(grouped, "Contents", "Key"));
        Assert.Equal(["films/2020/", "films/2021/"], Values(grouped, "CommonPrefixes", "Prefix"));

        var pages = new List<string>();
        string marker = "";
        for (int i = 0; i < 10; i++)
        {
            var page = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", query: "max-keys=2&delimiter=%2F&marker=" + Uri.EscapeDataString(marker)));
            pages.AddRange(Values(page, "Contents", "Key").Concat(Values(page, "CommonPrefixes", "Prefix")));
            if ((string?)page.Element("IsTruncated") != "true") break;
            marker = (string)page.Element("NextMarker")!;
        }
        Assert.Equal(["Zed.txt", "a.mp4", "b%.m3u8", "films/"], pages.OrderBy(p => p, StringComparer.Ordinal));

        var v2Keys = new List<string>();
        string? token = null;
        do
        {
            var page = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", v4: true, style: OssStyle.VirtualHost,
                query: "list-type=2&max-keys=3&encoding-type=url" + (token == null ? "" : "&continuation-token=" + Uri.EscapeDataString(token))));
            Assert.Equal((string?)page.Element("KeyCount"), page.Elements("Contents").Count().ToString());
            v2Keys.AddRange(Values(page, "Contents", "Key").Select(Uri.UnescapeDataString));
            token = (string?)page.Element("NextContinuationToken") is { } next ? Uri.UnescapeDataString(next) : null; // encoded as the keys are
        } while (token != null);
        Assert.Equal(Values(all, "Contents", "Key"), v2Keys);

        foreach (var query in new[] { "max-keys=0", "list-type=2&max-keys=0" })
        {
            var empty = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", query: query));
            Assert.Equal("true", (string?)empty.Element("IsTruncated"));
            Assert.Empty(empty.Elements("Contents"));
        }
        using (var badMax = await _emu.OssAsync(HttpMethod.Get, "lib", query: "max-keys=1001"))
            Assert.Equal("InvalidArgument", (string?)(await XmlAsync(badMax)).Element("Code"));

        await PutAsync("lib", "ctl\u0001key.mp4", "x");
        using (var raw = await _emu.OssAsync(HttpMethod.Get, "lib", query: "prefix=ctl"))
        {
            Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
            Assert.Contains("ctl&#x1;key.mp4", await raw.Content.ReadAsStringAsync());
        }
        var control = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", query: "prefix=ctl&encoding-type=url"));
        Assert.Equal("ctl%01key.mp4", (string?)control.Element("Contents")!.Element("Key"));

        var encoded = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "lib", query: "prefix=films%2F%C3%BC&encoding-type=url"));
        Assert.Equal("films%2F%C3%BC%20space.mp3", (string?)encoded.Element("Contents")!.Element("Key"));
    }

    [Fact]
    public async Task Listings_encode_a_space_as_percent_20_and_a_plus_as_percent_2B()
    {
        // what the official decoders need to agree: oss2 (Python) decodes %XX only, the C#, Java and Go SDKs also read '+' as a space
        await CreateBucketAsync("names");
        await PutAsync("names", "a b+c%d é.mp4", "x");
        var listed = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "names", query: "list-type=2&encoding-type=url"));
        Assert.Equal("a%20b%2Bc%25d%20%C3%A9.mp4", (string?)listed.Element("Contents")!.Element("Key"));

        // the V2 token is encoded like the names: its base64 '+' must not reach a decoder that reads '+' as a space
        await CreateBucketAsync("tokens");
        await PutAsync("tokens", "x~~~.mp4", "x"); // base64 eH5+fi5tcDQ=
        await PutAsync("tokens", "y.mp4", "y");
        var first = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "tokens", query: "list-type=2&encoding-type=url&max-keys=1"));
        string token = (string)first.Element("NextContinuationToken")!;
        Assert.Equal("eH5%2Bfi5tcDQ%3D", token);
        var second = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "tokens", query: "list-type=2&encoding-type=url&continuation-token=" + token));
        Assert.Equal(token, (string?)second.Element("ContinuationToken"));
        Assert.Equal("y.mp4", (string?)second.Element("Contents")!.Element("Key"));
    }

    [Fact]
    public void Dot_segments_in_the_path_are_part_of_the_key_escaped_or_not()
    {
        Assert.Equal(new OssAddress("b", "a/../x.mp4"), OssAddress.Parse("localhost:9081", "/b/a/%2E%2E/x.mp4"));
        Assert.Equal(new OssAddress("b", "./x.mp4"), OssAddress.Parse("b.oss-cn-shanghai.aliyuncs.com", "/%2e/x.mp4"));
        Assert.Equal(new OssAddress("b", "a/./x.mp4"), OssAddress.Parse("127.0.0.1:9081", "/b/a/./x.mp4"));
    }

    [Fact]
    public async Task Keys_with_dot_segments_are_stored_listed_read_registered_and_deleted_exactly()
    {
        await CreateBucketAsync("dots");
        string[] keys = ["./x.mp4", "a/../b.mp4", "a/./b.mp4", "a/b.mp4", "b.mp4"];
        foreach (var k in keys) await PutAsync("dots", k, "body of " + k);

        var listed = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "dots", query: "list-type=2&encoding-type=url"));
        Assert.Equal(keys, Values(listed, "Contents", "Key").Select(Uri.UnescapeDataString));
        foreach (var k in keys)
        {
            using var get = await _emu.OssAsync(HttpMethod.Get, "dots", k, v4: true);
            Assert.Equal("body of " + k, await get.Content.ReadAsStringAsync());
        }

        var items = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["FileURL"] = "https://dots.oss-cn-shanghai.aliyuncs.com/a/%2E%2E/b.mp4", ["Title"] = "dots" });
        var registered = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", items.ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));
        var videoId = (string)registered.Body["RegisteredMediaList"]![0]!["MediaId"]!;
        var mezzanine = await _emu.VodAsync("GetMezzanineInfo", P("VideoId", videoId));
        Assert.Equal("body of a/../b.mp4".Length, (long)mezzanine.Body["Mezzanine"]!["Size"]!);

        using (await _emu.OssAsync(HttpMethod.Delete, "dots", "a/../b.mp4")) { }
        var left = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "dots"));
        Assert.Equal(keys.Where(k => k != "a/../b.mp4"), Values(left, "Contents", "Key"));
    }

    [Fact]
    public void Crc64_gives_the_published_check_value() =>
        Assert.Equal(0x995DC9BBDF1939FAUL, Crc64.Of("123456789"u8));

    [Fact]
    public async Task The_crc64_of_an_object_is_answered_on_its_writes_and_reads()
    {
        static string Crc(HttpResponseMessage r) => r.Headers.GetValues("x-oss-hash-crc64ecma").Single();
        await CreateBucketAsync("crc");
        using (var put = await _emu.OssAsync(HttpMethod.Put, "crc", "check.mp4", content: new StringContent("123456789")))
            Assert.Equal("11051210869376104954", Crc(put)); // 0x995DC9BBDF1939FA as an unsigned decimal
        using (var head = await _emu.OssAsync(HttpMethod.Head, "crc", "check.mp4"))
            Assert.Equal("11051210869376104954", Crc(head));
        using (var range = await _emu.OssAsync(HttpMethod.Get, "crc", "check.mp4", headers: P("Range", "bytes=0-3")))
            Assert.Equal("11051210869376104954", Crc(range)); // the whole object's

        var uploadId = (string)(await XmlAsync(await _emu.OssAsync(HttpMethod.Post, "crc", "big.mp4", query: "uploads"))).Element("UploadId")!;
        var part1 = new byte[100 * 1024];
        new Random(3).NextBytes(part1);
        var part2 = "tail"u8.ToArray();
        var etags = new List<string>();
        foreach (var (number, data) in new[] { (1, part1), (2, part2) })
        {
            using var r = await _emu.OssAsync(HttpMethod.Put, "crc", "big.mp4", query: $"partNumber={number}&uploadId={uploadId}", content: new ByteArrayContent(data));
            Assert.Equal(Crc64.Of(data).ToString(), Crc(r));
            etags.Add(r.Headers.ETag!.Tag);
        }
        var body = "<CompleteMultipartUpload>" + string.Concat(etags.Select((e, i) => $"<Part><PartNumber>{i + 1}</PartNumber><ETag>{e}</ETag></Part>")) + "</CompleteMultipartUpload>";
        string whole = Crc64.Of(part1.Concat(part2).ToArray()).ToString();
        using (var complete = await _emu.OssAsync(HttpMethod.Post, "crc", "big.mp4", query: $"uploadId={uploadId}", content: new StringContent(body)))
            Assert.Equal(whole, Crc(complete));
        using (var get = await _emu.OssAsync(HttpMethod.Get, "crc", "big.mp4"))
            Assert.Equal(whole, Crc(get));
    }

    [Fact]
    public async Task Delete_multiple_objects()
    {
        await CreateBucketAsync("del");
        await PutAsync("del", "k1", "1");
        await PutAsync("del", "k2", "2");
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete><Quiet>false</Quiet><Object><Key>k1</Key></Object><Object><Key>nope</Key></Object></Delete>";
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.ContentMD5 = MD5.HashData(Encoding.UTF8.GetBytes(xml));
        var result = await XmlAsync(await _emu.OssAsync(HttpMethod.Post, "del", query: "delete", content: content));
        Assert.Equal(["k1", "nope"], Values(result, "Deleted", "Key"));
        var left = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "del"));
        Assert.Equal(["k2"], Values(left, "Contents", "Key"));
        using var malformed = await _emu.OssAsync(HttpMethod.Post, "del", query: "delete", content: new StringContent("<Delete><Object>"));
        Assert.Equal("MalformedXML", (string?)(await XmlAsync(malformed)).Element("Code"));
    }

    [Fact]
    public async Task Multipart_upload_assembles_parts_in_order()
    {
        await CreateBucketAsync("mpu");
        var init = await XmlAsync(await _emu.OssAsync(HttpMethod.Post, "mpu", "big.mp4", query: "uploads"));
        string uploadId = (string)init.Element("UploadId")!;
        var part1 = new byte[100 * 1024];
        new Random(4).NextBytes(part1);
        var part2 = Encoding.UTF8.GetBytes("tail");
        string etag1, etag2;
        using (var r = await _emu.OssAsync(HttpMethod.Put, "mpu", "big.mp4", query: $"partNumber=1&uploadId={uploadId}", content: new ByteArrayContent(part1)))
            etag1 = r.Headers.ETag!.Tag;
        using (var r = await _emu.OssAsync(HttpMethod.Put, "mpu", "big.mp4", query: $"partNumber=2&uploadId={uploadId}", content: new ByteArrayContent(part2)))
            etag2 = r.Headers.ETag!.Tag;
        var uploads = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "mpu", query: "uploads"));
        Assert.Equal([uploadId], Values(uploads, "Upload", "UploadId"));
        var parts = await XmlAsync(await _emu.OssAsync(HttpMethod.Get, "mpu", "big.mp4", query: $"uploadId={uploadId}"));
        Assert.Equal(["1", "2"], Values(parts, "Part", "PartNumber"));

        string Body(params (int N, string E)[] p) =>
            "<CompleteMultipartUpload>" + string.Concat(p.Select(x => $"<Part><PartNumber>{x.N}</PartNumber><ETag>{x.E}</ETag></Part>")) + "</CompleteMultipartUpload>";
        using (var wrongOrder = await _emu.OssAsync(HttpMethod.Post, "mpu", "big.mp4", query: $"uploadId={uploadId}", content: new StringContent(Body((2, etag2), (1, etag1)))))
            Assert.Equal("InvalidPartOrder", (string?)(await XmlAsync(wrongOrder)).Element("Code"));
        using (var wrongEtag = await _emu.OssAsync(HttpMethod.Post, "mpu", "big.mp4", query: $"uploadId={uploadId}", content: new StringContent(Body((1, "\"00\"")))))
            Assert.Equal("InvalidPart", (string?)(await XmlAsync(wrongEtag)).Element("Code"));
        var done = await XmlAsync(await _emu.OssAsync(HttpMethod.Post, "mpu", "big.mp4", query: $"uploadId={uploadId}", content: new StringContent(Body((1, etag1), (2, etag2)))));
        Assert.EndsWith("-2\"", (string)done.Element("ETag")!);

        using var get = await _emu.OssAsync(HttpMethod.Get, "mpu", "big.mp4");
        Assert.Equal(part1.Concat(part2).ToArray(), await get.Content.ReadAsByteArrayAsync());
        using var abort = await _emu.OssAsync(HttpMethod.Delete, "mpu", "big.mp4", query: $"uploadId={uploadId}");
        Assert.Equal("NoSuchUpload", (string?)(await XmlAsync(abort)).Element("Code"));
    }

    [Fact]
    public async Task Oss_auth_failures_have_the_cloud_codes()
    {
        await CreateBucketAsync("auth");
        using (var wrong = await _emu.OssAsync(HttpMethod.Get, "auth", accessKey: _emu.Key with { Secret = "nope" }))
        {
            var error = await XmlAsync(wrong);
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal("SignatureDoesNotMatch", (string?)error.Element("Code"));
            Assert.StartsWith("GET\n", (string?)error.Element("StringToSign"));
            Assert.NotNull(error.Element("SignatureProvided"));
            Assert.Equal("0002-00000040", (string?)error.Element("EC"));
        }
        using (var unknown = await _emu.OssAsync(HttpMethod.Get, "auth", v4: true, accessKey: _emu.Key with { Id = "nobody" }))
            Assert.Equal("InvalidAccessKeyId", (string?)(await XmlAsync(unknown)).Element("Code"));
        using (var anonymous = await _emu.Http.GetAsync("/auth/"))
            Assert.Equal("AccessDenied", (string?)(await XmlAsync(anonymous)).Element("Code"));

        _emu.ClientSkew = TimeSpan.FromMinutes(-20);
        using (var skewed = await _emu.OssAsync(HttpMethod.Get, "auth"))
            Assert.Equal("RequestTimeTooSkewed", (string?)(await XmlAsync(skewed)).Element("Code"));
        _emu.ClientSkew = TimeSpan.FromMinutes(-14);
        using (var withinSkew = await _emu.OssAsync(HttpMethod.Get, "auth", v4: true))
            Assert.Equal(HttpStatusCode.OK, withinSkew.StatusCode);
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x!.AsSpan().SequenceCompareTo(y);
    }
}
