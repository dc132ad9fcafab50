using System.Net;
using System.Text;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>CDN domains: paging and the Shanghai-only answer.</summary>
public class DomainTests : MediaArchiveTests
{
    [Fact]
    public async Task DescribeVodUserDomains_lists_the_accounts_domains_a_page_at_a_time()
    {
        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        foreach (var name in new[] { "a.example.com", "b.example.com", "c.example.org" })
            Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("AddVodDomain", P("DomainName", name, "Sources", sources))).Status);

        var first = (await Emu.VodAsync("DescribeVodUserDomains", P("PageSize", "2"))).Body;
        Assert.Equal(3, (int)first["TotalCount"]!);
        Assert.Equal((1, 2), ((int)first["PageNumber"]!, (int)first["PageSize"]!));
        var items = first["Domains"]!["PageData"]!.AsArray();
        Assert.Equal(new[] { "a.example.com", "b.example.com" }, items.Select(d => (string)d!["DomainName"]!));
        Assert.Equal("oss", (string?)items[0]!["Sources"]!["Source"]![0]!["Type"]);
        Assert.Equal(443, (int)items[0]!["Sources"]!["Source"]![0]!["Port"]!);
        Assert.NotNull(items[0]!["Cname"]);
        var second = (await Emu.VodAsync("DescribeVodUserDomains", P("PageSize", "2", "PageNumber", "2"))).Body["Domains"]!["PageData"]!.AsArray();
        Assert.Equal("c.example.org", (string?)Assert.Single(second)!["DomainName"]);
        Assert.Equal(2, (await Emu.VodAsync("DescribeVodUserDomains", P("DomainName", "example.com"))).Body["Domains"]!["PageData"]!.AsArray().Count);
        Assert.Equal("InvalidPageSize.ValueNotSupported", (await Emu.VodAsync("DescribeVodUserDomains", P("PageSize", "51"))).Code);
    }

    [Fact]
    public async Task Domain_calls_are_answered_on_the_Shanghai_host_only()
    {
        var sources = """[{"content":"media-archive.oss-cn-shanghai.aliyuncs.com","type":"oss","port":443,"priority":"20"}]""";
        var port = new Uri(Emu.BaseUrl).Port;
        foreach (var action in new[] { "AddVodDomain", "DescribeVodDomainDetail", "DescribeVodUserDomains", "DeleteVodDomain" })
        {
            var elsewhere = await Emu.VodAsync(action, P("DomainName", "h.example.com", "Sources", sources), host: $"vod.cn-beijing.aliyuncs.com:{port}");
            Assert.Equal((HttpStatusCode.NotFound, "InvalidAction.NotFound"), (elsewhere.Status, elsewhere.Code));
        }
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("AddVodDomain", P("DomainName", "h.example.com", "Sources", sources), host: $"vod.cn-shanghai.aliyuncs.com:{port}")).Status);
        // other VOD calls are served on any region's host
        Assert.Equal(HttpStatusCode.OK, (await Emu.VodAsync("GetAppInfos", P("AppIds", "app-1000000"), host: $"vod.cn-beijing.aliyuncs.com:{port}")).Status);
    }
}
