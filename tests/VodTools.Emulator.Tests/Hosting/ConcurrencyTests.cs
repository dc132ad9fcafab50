using System.Net;
using System.Text;
using VodTools.Emulator.Hosting;
using VodTools.Shared;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Many requests at once leave the state consistent: one media per file, every object stored.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_uploads_and_registrations_stay_consistent()
    {
        await using var emu = await Emulator.StartAsync();
        using (await emu.OssAsync(HttpMethod.Put, "parallel")) { }
        var uploads = Enumerable.Range(0, 20).Select(async i =>
        {
            using var r = await emu.OssAsync(HttpMethod.Put, "parallel", $"p/{i % 5}.mp4", content: new StringContent("body " + i));
            return r.StatusCode;
        });
        Assert.All(await Task.WhenAll(uploads), s => Assert.Equal(HttpStatusCode.OK, s));

        var item = P("RegisterMetadatas", """[{"FileURL":"https://parallel.oss-cn-shanghai.aliyuncs.com/p/0.mp4","Title":"t"}]""");
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => emu.VodAsync("RegisterMedia", item)));
        var media = results.Select(r => r.Body["RegisteredMediaList"]![0]!).ToList();
        Assert.Single(media.Select(m => (string)m["MediaId"]!).Distinct());
        Assert.Single(media, m => (bool)m["NewRegister"]!);

        var list = await XmlAsync(await emu.OssAsync(HttpMethod.Get, "parallel"));
        Assert.Equal(5, list.Elements("Contents").Count());
    }
}
