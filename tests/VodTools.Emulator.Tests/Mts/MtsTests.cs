using System.Net;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Media Processing's media buckets: binding and the paged listing.</summary>
public class MtsTests
{
    [Fact]
    public async Task ListAllMediaBucket_pages_the_buckets_bound_to_MPS_and_binding_needs_an_existing_bucket()
    {
        await using var emu = await StartAsync();
        foreach (var name in new[] { "in-a", "in-b", "out-c" })
            using (await emu.OssAsync(HttpMethod.Put, name)) { }
        Assert.Equal(HttpStatusCode.OK, (await emu.RpcAsync("2014-06-18", "BindInputBucket", P("Bucket", "in-a"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await emu.RpcAsync("2014-06-18", "BindInputBucket", P("Bucket", "in-b"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await emu.RpcAsync("2014-06-18", "BindOutputBucket", P("Bucket", "out-c"))).Status);
        Assert.Equal("NoSuchBucket", (await emu.RpcAsync("2014-06-18", "BindInputBucket", P("Bucket", "no-such-bucket"))).Code);

        var first = (await emu.RpcAsync("2014-06-18", "ListAllMediaBucket", P("MaximumPageSize", "2"))).Body;
        var page = first["MediaBucketList"]!["MediaBucket"]!.AsArray();
        Assert.Equal(new[] { "in-a", "in-b" }, page.Select(b => (string?)b!["Bucket"]));
        Assert.Equal("Input", (string?)page[0]!["Type"]);
        var token = (string)first["NextPageToken"]!;
        var second = (await emu.RpcAsync("2014-06-18", "ListAllMediaBucket", P("MaximumPageSize", "2", "NextPageToken", token))).Body;
        var last = Assert.Single(second["MediaBucketList"]!["MediaBucket"]!.AsArray())!;
        Assert.Equal(("out-c", "Output"), ((string?)last["Bucket"], (string?)last["Type"]));
        Assert.Null(second["NextPageToken"]);
        Assert.Equal("InvalidParameter", (await emu.RpcAsync("2014-06-18", "ListAllMediaBucket", P("MaximumPageSize", "101"))).Code);
    }
}
