using System.Text.Json;
using VodTools.Api.Signing;
using VodTools.TestSupport;
using VodTools.Tests.Support;

namespace VodTools.Tests.Api.Signing;

/// <summary>
/// Every vector of tests/vectors/vectors.json, every client output in it: the module's signers,
/// fed the request as the client put it on the wire, must reproduce the client's intermediate strings,
/// signature and Authorization byte for byte.
/// </summary>
public class VectorTests
{
    private static readonly JsonDocument Vectors = TestVectors.Vectors();

    private static IEnumerable<JsonElement> OfKind(string kind) =>
        Vectors.RootElement.GetProperty("vectors").EnumerateArray().Where(v => v.GetProperty("kind").GetString() == kind);

    private static JsonElement Vector(string name) =>
        Vectors.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    public static TheoryData<string, string> Outputs(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in OfKind(kind))
        {
            foreach (var output in vector.GetProperty("output").EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("wire", out _)))
            {
                data.Add(vector.GetProperty("name").GetString()!, output.Name);
            }
        }
        return data;
    }

    public static TheoryData<string, string> RpcV1Outputs() => Outputs("rpc-v1");
    public static TheoryData<string, string> RpcV3Outputs() => Outputs("rpc-v3");
    public static TheoryData<string, string> OssOutputs() => Outputs("oss");

    [Fact]
    public void The_file_holds_the_35_vectors_the_readme_describes()
    {
        Assert.Equal(11, OfKind("rpc-v1").Count());
        Assert.Equal(11, OfKind("rpc-v3").Count());
        Assert.Equal(13, OfKind("oss").Count());
        Assert.Equal(44, RpcV1Outputs().Count + RpcV3Outputs().Count); // two clients each
        Assert.Equal(25, OssOutputs().Count); // v1 and v4, one vector V4 only
    }

    [Theory]
    [MemberData(nameof(RpcV1Outputs))]
    public void Rpc_v1_reproduces_the_client(string name, string client)
    {
        var vector = Vector(name);
        var output = vector.GetProperty("output").GetProperty(client);
        var wire = WireRequest.FromJson(output.GetProperty("wire"));
        var parameters = wire.Query.Concat(wire.FormParameters()).ToList();
        var secret = vector.GetProperty("input").GetProperty("credentials").GetProperty("accessKeySecret").GetString()!;

        var signed = RpcV1Signer.Sign(wire.Method, parameters, secret);

        Assert.Equal(output.GetProperty("stringToSign").GetString(), signed.StringToSign);
        Assert.Equal(output.GetProperty("signature").GetString(), signed.Signature);
        Assert.Equal(signed.Signature, parameters.Single(p => p.Key == "Signature").Value);
        if (vector.GetProperty("output").TryGetProperty("crossCheck", out var crossCheck) && client == "popCore")
        {
            Assert.Equal(crossCheck.GetProperty("signature").GetString(), signed.Signature);
        }
    }

    [Theory]
    [MemberData(nameof(RpcV3Outputs))]
    public void Rpc_v3_reproduces_the_client(string name, string client)
    {
        var vector = Vector(name);
        var output = vector.GetProperty("output").GetProperty(client);
        var wire = WireRequest.FromJson(output.GetProperty("wire"));
        var credentials = vector.GetProperty("input").GetProperty("credentials");
        var payloadHash = Crypto.Sha256Hex(wire.Body);

        var signed = RpcV3Signer.Sign(wire.Method, wire.Query, wire.Headers, payloadHash,
            credentials.GetProperty("accessKeyId").GetString()!, credentials.GetProperty("accessKeySecret").GetString()!);

        Assert.Equal(wire.Header("x-acs-content-sha256"), payloadHash);
        Assert.Equal(output.GetProperty("canonicalRequest").GetString(), signed.CanonicalRequest);
        Assert.Equal(output.GetProperty("stringToSign").GetString(), signed.StringToSign);
        Assert.Equal(output.GetProperty("authorization").GetString(), signed.Authorization);
        Assert.Equal(wire.Header("Authorization"), signed.Authorization);
    }

    [Theory]
    [MemberData(nameof(OssOutputs))]
    public void Oss_reproduces_the_client_except_the_documented_divergences(string name, string client)
    {
        var vector = Vector(name);
        var input = vector.GetProperty("input");
        var output = vector.GetProperty("output").GetProperty(client);
        var wire = WireRequest.FromJson(output.GetProperty("wire"));
        var parts = OssParts(wire, input.GetProperty("bucket").GetString()!);
        var credentials = input.GetProperty("credentials");
        var accessKeyId = credentials.GetProperty("accessKeyId").GetString()!;
        var secret = credentials.GetProperty("accessKeySecret").GetString()!;
        var diverges = input.TryGetProperty("divergesFrom", out var d) && d.EnumerateArray().Any(x => x.GetString() == client);

        if (client == "v1")
        {
            var signed = OssV1Signer.SignHeader(parts, accessKeyId, secret);
            Assert.Equal(output.GetProperty("stringToSign").GetString(), signed.StringToSign);
            Assert.Equal(output.GetProperty("authorization").GetString(), signed.Authorization);
            Assert.Equal(wire.Header("authorization"), signed.Authorization);
            Assert.False(diverges, "no V1 divergence is documented");
            return;
        }

        var additional = AdditionalHeadersOf(wire.Header("authorization")!);
        var time = DateTimeOffset.Parse(input.GetProperty("time").GetString()!);
        var v4 = OssV4Signer.SignHeader(parts, additional, input.GetProperty("region").GetString()!, time, accessKeyId, secret);
        var theirs = output.GetProperty("canonicalRequest").GetString()!;
        if (!diverges)
        {
            Assert.Equal(theirs, v4.CanonicalRequest);
            Assert.Equal(output.GetProperty("stringToSign").GetString(), v4.StringToSign);
            Assert.Equal(output.GetProperty("authorization").GetString(), v4.Authorization);
            return;
        }

        // The two ali-oss 6.23.0 quirks (tests/vectors/README.md): only the query line differs,
        // and ours is the byte-ordered, bare-empty-value form the other SDKs and the server use.
        var ourLines = v4.CanonicalRequest.Split('\n');
        var theirLines = theirs.Split('\n');
        Assert.NotEqual(theirLines[2], ourLines[2]);
        Assert.Equal(theirLines.Where((_, i) => i != 2), ourLines.Where((_, i) => i != 2));
        Assert.Equal(ByteOrderBareEmpty(theirLines[2]), ourLines[2]);
        Assert.NotEqual(output.GetProperty("authorization").GetString(), v4.Authorization);
    }

    /// <summary>Re-canonicalises a query line the way OSS "Recommend to use signature version 4" writes it: sorted by byte order, empty value as bare name.</summary>
    private static string ByteOrderBareEmpty(string queryLine) =>
        string.Join("&", queryLine.Split('&').Select(p => p.EndsWith('=') ? p[..^1] : p).OrderBy(p => p.Split('=')[0], StringComparer.Ordinal));

    private static IEnumerable<string> AdditionalHeadersOf(string authorization)
    {
        var part = authorization.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("AdditionalHeaders=", StringComparison.Ordinal));
        return part == null ? Array.Empty<string>() : part["AdditionalHeaders=".Length..].Split(';');
    }

    /// <summary>Bucket and key from the wire: virtual-hosted (bucket in Host) or path style (bucket first in the path).</summary>
    private static OssRequestParts OssParts(WireRequest wire, string bucket)
    {
        var path = Uri.UnescapeDataString(wire.Path);
        var host = wire.Header("Host")!;
        var key = host.StartsWith(bucket + ".", StringComparison.Ordinal) ? path.TrimStart('/') : path.Substring(bucket.Length + 2);
        return new OssRequestParts(wire.Method, bucket, key, wire.Query, wire.Headers);
    }
}
