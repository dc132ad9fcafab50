using System.Net;
using System.Text.Json.Nodes;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The RPC pipeline: signature, nonce and timestamp failures with the cloud's codes, and the XML default of V1.</summary>
public class RpcPipelineTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Rpc_auth_failures_have_the_cloud_codes()
    {
        var wrongSecret = await _emu.StsAsync("GetCallerIdentity", key: _emu.Key with { Secret = "nope" });
        Assert.Equal("SignatureDoesNotMatch", wrongSecret.Code);
        Assert.Equal(HttpStatusCode.BadRequest, wrongSecret.Status);
        Assert.Equal("InvalidAccessKeyId.NotFound", (await _emu.StsAsync("GetCallerIdentity", key: _emu.Key with { Id = "nobody" })).Code);

        var first = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", nonce: "fixed-nonce-1");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("1234567890123456", (string?)first.Body["AccountId"]);
        Assert.Equal("SignatureNonceUsed", (await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", nonce: "fixed-nonce-1")).Code);
        var stale = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", timestamp: _emu.Clock.GetUtcNow().AddMinutes(-16));
        Assert.Equal("InvalidTimeStamp.Expired", stale.Code);
        var posted = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", method: "POST");
        Assert.Equal(HttpStatusCode.OK, posted.Status);

        using var unsigned = await _emu.Http.GetAsync("/?Action=GetCallerIdentity&Version=2015-04-01&Format=JSON");
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("MissingParameter", (string?)JsonNode.Parse(await unsigned.Content.ReadAsStringAsync())!["Code"]);
    }

    [Fact]
    public async Task Xml_is_the_default_format_for_v1()
    {
        using var response = await _emu.Http.GetAsync("/?Action=GetCallerIdentity&Version=2015-04-01");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("MissingParameter", (string?)(await XmlAsync(response)).Element("Code"));
    }
}
