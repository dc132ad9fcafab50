using VodTools.Api.Signing;

namespace VodTools.Tests.Api.Signing;

/// <summary>
/// Published vectors: the fixed examples of the RPC signature page (V1-A) and of "Request syntax and signature method
/// V3" (V3-A), the VOD and RAM signature pages of AlibabaCloudDocs/vod and /ram (V1-B, V1-C), darabonba-openapi-util's
/// own unit tests (V1-D, V1-E, V3-B), the OSS signer tests of alibabacloud-oss-go-sdk-v2 (oss/signer/signer_test.go)
/// and aliyun-oss-csharp-sdk (SignerTest.cs) (OSS H*, Q*), and OSS's V1 doc example. Derived vectors (F, C, D*) are
/// ours, each cross-checked with Alibaba's ali-oss 6.23.0 signUtils or an independent implementation.
/// </summary>
public class PublishedVectorTests
{
    private static KeyValuePair<string, string> P(string name, string value) => new(name, value);

    private static List<KeyValuePair<string, string>> Common(string action, string version, string nonce, string timestamp, string accessKeyId) => new()
    {
        P("AccessKeyId", accessKeyId), P("Action", action), P("Format", "JSON"), P("SignatureMethod", "HMAC-SHA1"),
        P("SignatureNonce", nonce), P("SignatureVersion", "1.0"), P("Timestamp", timestamp), P("Version", version),
    };

    [Fact]
    public void Percent_encoding_micro_vector() => Assert.Equal("%20~%2F%2A-%2B", Rfc3986.Encode(" ~/*-+"));

    [Fact]
    public void V1_A_official_ecs_example_get_and_post()
    {
        var p = Common("DescribeDedicatedHosts", "2014-05-26", "edb2b34af0af9a6d14deaf7c1a5315eb", "2023-03-13T08:34:30Z", "testid");
        p.Add(P("RegionId", "cn-beijing"));
        var get = RpcV1Signer.Sign("GET", p, "testsecret");
        Assert.Equal("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26", get.StringToSign);
        Assert.Equal("9NaGiOspFP5UPcwX8Iwt2YJXXuk=", get.Signature);
        Assert.Equal("ZvQ9xGiFnquSJRvj+WE6kdSpTwU=", RpcV1Signer.Sign("POST", p, "testsecret").Signature);
    }

    [Fact]
    public void V1_B_official_vod_example()
    {
        var p = Common("GetVideoPlayAuth", "2017-03-21", "8f8a035d-6496-4268-afd4-67c22837e38d", "2017-10-10T12:02:54Z", "testAccessKeyId");
        p.Add(P("VideoId", "5aed81b74ba84920be578cdfe004af4b"));
        Assert.Equal("Ibgh7y8Vp47LBuAsf5Xhi1SvDss=", RpcV1Signer.Sign("GET", p, "testAccessKeySecret").Signature);
    }

    [Fact]
    public void V1_C_official_ram_example()
    {
        var p = Common("CreateUser", "2015-05-01", "6a6e0ca6-4557-11e5-86a2-b8e8563dc8d2", "2015-08-18T03:15:45Z", "testid");
        p.Add(P("UserName", "test"));
        Assert.Equal("kRA2cnpJVacIhDMzXnoNZG9tDCI=", RpcV1Signer.Sign("GET", p, "testsecret").Signature);
    }

    [Theory]
    [InlineData("GET", "secret", "GET&%2F&body%3Dtest%26query%3Dtest", "XlUyV4sXjOuX5FnjUz9IF9tm5rU=")]
    public void V1_D_sdk_unit_test(string method, string secret, string stringToSign, string signature)
    {
        var signed = RpcV1Signer.Sign(method, new[] { P("query", "test"), P("body", "test") }, secret);
        Assert.Equal(stringToSign, signed.StringToSign);
        Assert.Equal(signature, signed.Signature);
    }

    [Fact]
    public void V1_E_empty_method()
    {
        var signed = RpcV1Signer.Sign("", new[] { P("test", "ok") }, "accessKeySecret");
        Assert.Equal("&%2F&test%3Dok", signed.StringToSign);
        Assert.Equal("jHx/oHoHNrbVfhncHEvPdHXZwHU=", signed.Signature);
    }

    private const string RegisterMetadatas = "[{\"FileURL\":\"https://my-bucket.oss-cn-shanghai.aliyuncs.com/in/a b*~(1)!.mp4\",\"Title\":\"测试 video\"}]";

    [Fact]
    public void V1_F_derived_register_media_with_and_without_token()
    {
        var p = Common("RegisterMedia", "2017-03-21", "00000000-0000-0000-0000-000000000001", "2024-01-02T03:04:05Z", "testid");
        p.Add(P("RegisterMetadatas", RegisterMetadatas));
        p.Add(P("TemplateGroupId", "VOD_NO_TRANSCODE"));
        Assert.Contains("%5B%7B%22FileURL%22%3A%22https%3A%2F%2Fmy-bucket.oss-cn-shanghai.aliyuncs.com%2Fin%2Fa%20b%2A~%281%29%21.mp4%22%2C%22Title%22%3A%22%E6%B5%8B%E8%AF%95%20video%22%7D%5D", RpcV1Signer.Sign("POST", p, "testsecret").CanonicalizedQuery);
        Assert.Equal("2VEqd9GdFfn1AVI9aIwzccdgSEw=", RpcV1Signer.Sign("POST", p, "testsecret").Signature);
        p.Add(P("SecurityToken", "CAIS+test/token=="));
        Assert.Equal("qcRFhxfkzdBw4kxyYpFvCERbMhk=", RpcV1Signer.Sign("POST", p, "testsecret").Signature);
    }

    private static List<KeyValuePair<string, string>> AcsHeaders(string host, string action, string version, string date, string nonce, string payloadHash) => new()
    {
        P("host", host), P("x-acs-action", action), P("x-acs-version", version), P("x-acs-date", date),
        P("x-acs-signature-nonce", nonce), P("x-acs-content-sha256", payloadHash),
    };

    [Fact]
    public void V3_A_official_example()
    {
        var headers = AcsHeaders("ecs.cn-shanghai.aliyuncs.com", "RunInstances", "2014-05-26", "2023-10-26T10:22:32Z", "3156853299f313e23d1673dc12e1703d", Crypto.EmptySha256);
        var query = new[] { P("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), P("RegionId", "cn-shanghai") };
        var signed = RpcV3Signer.Sign("POST", query, headers, Crypto.EmptySha256, "YourAccessKeyId", "YourAccessKeySecret");
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", signed.StringToSign);
        Assert.Equal("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signed.Authorization);
    }

    [Theory]
    [InlineData("GET", "6c416f315497f25326e3f67e06370dbfce4d082b99aecdfc2411eeecd152f68f", "d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1")]
    [InlineData("", "de5b11a1e2e756c1d859871395fe0b6d47f2564e88a5477eb586c03c6fc105ff", "4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3")]
    public void V3_B_duplicate_headers_and_empty_value(string method, string hashedCanonicalRequest, string signature)
    {
        var signed = RpcV3Signer.Sign(method, new[] { P("test", "ok"), P("empty", "") },
            new[] { P("x-acs-test", "http"), P("x-acs-TEST", "https") },
            "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23", "acesskey", "secret");
        Assert.Contains("\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n", signed.CanonicalRequest);
        Assert.Equal("ACS3-HMAC-SHA256\n" + hashedCanonicalRequest, signed.StringToSign);
        Assert.Equal(signature, signed.Signature);
    }

    [Fact]
    public void V3_C_derived_register_media_with_token_in_query_and_in_form_body()
    {
        var headers = AcsHeaders("vod.cn-shanghai.aliyuncs.com", "RegisterMedia", "2017-03-21", "2024-01-02T03:04:05Z", "0123456789abcdef0123456789abcdef", Crypto.EmptySha256);
        headers.Add(P("x-acs-security-token", "CAIS+test/token=="));
        var parameters = new[] { P("RegisterMetadatas", RegisterMetadatas), P("TemplateGroupId", "VOD_NO_TRANSCODE") };
        var inQuery = RpcV3Signer.Sign("POST", parameters, headers, Crypto.EmptySha256, "STS.testid", "testsecret");
        Assert.Equal("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version", inQuery.SignedHeaders);
        Assert.Equal("ACS3-HMAC-SHA256\n4ca29b6e6df5cf7a7d05f4d703ecbabec7733020eeebac18ade25a685da93ee5", inQuery.StringToSign);
        Assert.Equal("6de5d58df36f047e4266736f674b3efa71e8a9eba4949918de25864d341dc228", inQuery.Signature);

        var body = string.Join("&", parameters.Select(p => p.Key + "=" + Rfc3986.Encode(p.Value)));
        var bodyHash = Crypto.Sha256Hex(body);
        Assert.Equal("8a2b9072b9369d77edb5f5e04756f5a281075fbd84c24efc3979b29fc7b1497f", bodyHash);
        headers.RemoveAll(h => h.Key == "x-acs-content-sha256");
        headers.Add(P("x-acs-content-sha256", bodyHash));
        headers.Add(P("content-type", "application/x-www-form-urlencoded"));
        var inBody = RpcV3Signer.Sign("POST", Array.Empty<KeyValuePair<string, string>>(), headers, bodyHash, "STS.testid", "testsecret");
        Assert.Equal("8d38a25d117a57a18eed732f30ca5740ace2a50dc5fac73aa4cb5dcaefc131c9", inBody.Signature);
    }

    private static OssRequestParts Oss(string method, string? bucket, string? key, KeyValuePair<string, string>[]? query = null, KeyValuePair<string, string>[]? headers = null) =>
        new(method, bucket, key, query ?? Array.Empty<KeyValuePair<string, string>>(), headers ?? Array.Empty<KeyValuePair<string, string>>());

    private const string GoDate = "Wed, 28 Dec 2022 10:27:41 GMT";

    private static KeyValuePair<string, string>[] H1Headers(bool mixedCase = false) => new[]
    {
        P("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="), P("Content-Type", "text/html"),
        P("x-oss-meta-author", "alice"), P(mixedCase ? "x-Oss-meta-magic" : "x-oss-meta-magic", "abracadabra"),
        P(mixedCase ? "X-oss-date" : "x-oss-date", GoDate), P("Date", GoDate), P("User-Agent", "test"),
    };

    [Fact]
    public void Oss_v1_header_vectors_H1_H2_H2b()
    {
        var h1 = OssV1Signer.SignHeader(Oss("PUT", "examplebucket", "nelson", headers: H1Headers()), "ak", "sk");
        Assert.Equal("PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n" + GoDate + "\nx-oss-date:" + GoDate + "\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson", h1.StringToSign);
        Assert.Equal("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=", h1.Authorization);
        var h2 = OssV1Signer.SignHeader(Oss("PUT", "examplebucket", "nelson", new[] { P("acl", "") }, H1Headers()), "ak", "sk");
        Assert.Equal("OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=", h2.Authorization);
        var h2b = OssV1Signer.SignHeader(Oss("PUT", "examplebucket", "nelson", new[] { P("acl", ""), P("non-resousce", "123") }, H1Headers(mixedCase: true)), "ak", "sk");
        Assert.Equal(h2.Authorization, h2b.Authorization);
    }

    [Fact]
    public void Oss_v1_header_vectors_H3_H4_bucket_level_sub_resources()
    {
        var headers = new[] { P("x-oss-date", GoDate) };
        var h3 = OssV1Signer.SignHeader(Oss("GET", "examplebucket", null, new[] { P("resourceGroup", ""), P("non-resousce", "null") }, headers), "ak", "sk");
        Assert.Equal("GET\n\n\n" + GoDate + "\nx-oss-date:" + GoDate + "\n/examplebucket/?resourceGroup", h3.StringToSign);
        Assert.Equal("OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=", h3.Authorization);
        var h4 = OssV1Signer.SignHeader(Oss("GET", "examplebucket", null, new[] { P("resourceGroup", ""), P("acl", "") }, headers), "ak", "sk");
        Assert.Equal("OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=", h4.Authorization);
    }

    [Fact]
    public void Oss_v1_doc_example_with_the_md5_its_signature_was_made_with()
    {
        var signed = OssV1Signer.SignHeader(Oss("PUT", "oss-example", "nelson", headers: new[]
        {
            P("Content-Md5", "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM="), P("Content-Type", "text/html"),
            P("Date", "Thu, 17 Nov 2005 18:49:58 GMT"), P("X-OSS-Meta-Author", "foo@bar.com"), P("X-OSS-Magic", "abracadabra"),
        }), "44CF9590006BF252F707", "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV");
        Assert.Equal("OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=", signed.Authorization);
    }

    [Fact]
    public void Oss_v1_presign_Q1_and_Q2_with_token()
    {
        var q1 = OssV1Signer.Presign(Oss("GET", "bucket", "key", new[] { P("versionId", "versionId") }), DateTimeOffset.FromUnixTimeSeconds(1699807420), "ak", "sk", null);
        Assert.Equal(new[] { P("OSSAccessKeyId", "ak"), P("Expires", "1699807420"), P("Signature", "dcLTea+Yh9ApirQ8o8dOPqtvJXQ=") }, q1);
        var q2 = OssV1Signer.Presign(Oss("GET", "bucket", "key+123", new[] { P("versionId", "versionId") }), DateTimeOffset.FromUnixTimeSeconds(1699808204), "ak", "sk", "token");
        Assert.Equal("jzKYRrM5y6Br0dRFPaTGOsbrDhY=", q2.Single(p => p.Key == "Signature").Value);
        Assert.Equal("token", q2.Single(p => p.Key == "security-token").Value);
    }

    private static readonly DateTimeOffset Jan2024 = DateTimeOffset.FromUnixTimeSeconds(1704067200);

    [Fact]
    public void Oss_v1_derived_vectors()
    {
        var date = new[] { P("x-oss-date", OssV1Signer.FormatDate(Jan2024)) };
        Assert.Equal("OSS ak:3PO4c2IpLjp9EQDNxYtYRnc/v6U=", OssV1Signer.SignHeader(Oss("GET", "examplebucket", null, new[] { P("prefix", "a"), P("max-keys", "5") }, date), "ak", "sk").Authorization);
        var put = OssV1Signer.SignHeader(Oss("PUT", "examplebucket", "video/测试 1.mp4", headers: date.Concat(new[]
        {
            P("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="), P("Content-Type", "video/mp4"), P("x-oss-security-token", "token"),
        }).ToArray()), "ak", "sk");
        Assert.Equal("OSS ak:09laXFe8O+bT93UwEGTRSsU1bBY=", put.Authorization);
        var page2 = OssV1Signer.SignHeader(Oss("GET", "examplebucket", null, new[] { P("list-type", "2"), P("continuation-token", "CgJiYw--") }, date), "ak", "sk");
        Assert.Equal("OSS ak:kZ1sxbaqOSxAXdX9SEVqS7vqhgI=", page2.Authorization);
    }

    private static KeyValuePair<string, string>[] GoV4Query() => new[]
    {
        P("param1", "value1"), P("+param1", "value3"), P("|param1", "value4"), P("+param2", ""), P("|param2", ""), P("param2", ""),
    };

    private static OssRequestParts GoV4Request(DateTimeOffset time, string contentType, bool headerAuth, string? token = null)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            P("x-oss-head1", "value"), P("abc", "value"), P("ZAbc", "value"), P("XYZ", "value"), P("content-type", contentType),
        };
        if (headerAuth)
        {
            headers.Add(P("x-oss-content-sha256", "UNSIGNED-PAYLOAD"));
            headers.Add(P("x-oss-date", OssV4Signer.FormatDate(time)));
        }
        if (token != null) headers.Add(P("x-oss-security-token", token));
        return new OssRequestParts("PUT", "bucket", "1234+-/123/1.txt", GoV4Query(), headers);
    }

    [Fact]
    public void Oss_v4_header_H1()
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(1702743657);
        var signed = OssV4Signer.SignHeader(GoV4Request(time, "text/plain", true), Array.Empty<string>(), "cn-hangzhou", time, "ak", "sk");
        Assert.Equal("PUT\n/bucket/1234%2B-/123/1.txt\n%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD", signed.CanonicalRequest);
        Assert.Equal("OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\nf4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4", signed.StringToSign);
        Assert.Equal("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe", signed.Authorization);
    }

    [Fact]
    public void Oss_v4_header_H2_token_H3_additional_H4_cloudbox()
    {
        var t2 = DateTimeOffset.FromUnixTimeSeconds(1702784856);
        var h2 = OssV4Signer.SignHeader(GoV4Request(t2, "text/plain", true, "token"), Array.Empty<string>(), "cn-hangzhou", t2, "ak", "sk");
        Assert.Equal("69494678fb11579d4ee12996e2796d9e2ba43c34aa4c723c4aec018f3d6b86b8", Crypto.Sha256Hex(h2.CanonicalRequest));
        Assert.Equal("OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea", h2.Authorization);

        var t3 = DateTimeOffset.FromUnixTimeSeconds(1702747512);
        var expected = "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f";
        Assert.Equal(expected, OssV4Signer.SignHeader(GoV4Request(t3, "text/plain", true), new[] { "ZAbc", "abc" }, "cn-hangzhou", t3, "ak", "sk").Authorization);
        Assert.Equal(expected, OssV4Signer.SignHeader(GoV4Request(t3, "text/plain", true), new[] { "x-oss-no-exist", "ZAbc", "x-oss-head1", "abc" }, "cn-hangzhou", t3, "ak", "sk").Authorization);

        var t1 = DateTimeOffset.FromUnixTimeSeconds(1702743657);
        var h4 = OssV4Signer.SignHeader(GoV4Request(t1, "text/plain", true), Array.Empty<string>(), "cb-123", t1, "ak", "sk", "oss-cloudbox");
        Assert.Equal("OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43", h4.Authorization);
    }

    [Theory]
    [InlineData(1702781677, null, false, "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe")]
    [InlineData(1702785388, "token", false, "3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5")]
    [InlineData(1702783809, null, true, "6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7")]
    public void Oss_v4_presign_Q1_Q2_Q3(long unixTime, string? token, bool additional, string signature)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixTime);
        var added = OssV4Signer.Presign(GoV4Request(time, "application/octet-stream", false), additional ? new[] { "ZAbc", "abc" } : Array.Empty<string>(),
            "cn-hangzhou", time, 599, "ak", "sk", token);
        Assert.Equal(signature, added.Last().Value);
        Assert.Equal("x-oss-signature", added.Last().Key);
        Assert.Equal("ak/" + OssV4Signer.FormatDate(time)[..8] + "/cn-hangzhou/oss/aliyun_v4_request", added.Single(p => p.Key == "x-oss-credential").Value);
    }

    private static OssRequestParts D(string method, string? bucket, string? key, KeyValuePair<string, string>[]? query = null, KeyValuePair<string, string>[]? headers = null) =>
        Oss(method, bucket, key, query, new[] { P("x-oss-date", OssV4Signer.FormatDate(Jan2024)), P("x-oss-content-sha256", "UNSIGNED-PAYLOAD") }.Concat(headers ?? Array.Empty<KeyValuePair<string, string>>()).ToArray());

    [Fact]
    public void Oss_v4_derived_D1_list_D2_put_D3_list_buckets()
    {
        var d1 = OssV4Signer.SignHeader(D("GET", "examplebucket", null, new[] { P("list-type", "2"), P("prefix", "video/"), P("max-keys", "1000"), P("encoding-type", "url") }),
            Array.Empty<string>(), "cn-hangzhou", Jan2024, "ak", "sk");
        Assert.Equal("b24f5f6c0aadfd4d34645a9d61a613ce9ce7baf1fdf5b2072c5f9071f93498ec", Crypto.Sha256Hex(d1.CanonicalRequest));
        Assert.Equal("OSS4-HMAC-SHA256 Credential=ak/20240101/cn-hangzhou/oss/aliyun_v4_request,Signature=537e806138faf6a6ee81d817613c7e50150ddfa42f562c96406a740e1a146d5d", d1.Authorization);

        var d2 = OssV4Signer.SignHeader(D("PUT", "examplebucket", "video/测试 1.mp4", headers: new[] { P("Content-Type", "video/mp4"), P("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==") }),
            Array.Empty<string>(), "cn-hangzhou", Jan2024, "ak", "sk");
        Assert.Equal("d93b1f7a62f51356ffb362a6db2af657b6ddcd11ad2a5f5dc0e1ff43757a032a", Crypto.Sha256Hex(d2.CanonicalRequest));
        Assert.Equal("71eea96840c70e968968c05f876ba1ff1b8e844e8b1b79b9825c2d80c898acfd", d2.Signature);

        var d3 = OssV4Signer.SignHeader(D("GET", null, null), Array.Empty<string>(), "oss-cn-hangzhou", Jan2024, "ak", "sk");
        Assert.Equal("ba3114087e2f567429801371871aa970bded4d421dd4e9ac5c9d1c5aa59ade75", d3.Signature);
    }
}
