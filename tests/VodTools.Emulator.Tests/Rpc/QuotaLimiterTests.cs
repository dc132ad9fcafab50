using System.Net;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>--quota real: VOD's per-second limits, counted on the emulator's clock.</summary>
public class QuotaLimiterTests
{
    [Fact]
    public async Task Real_quota_throttles_register_media_beyond_50_per_second()
    {
        await using var emu = await StartAsync(o => o.RealQuota = true);
        emu.Clock.Freeze(DateTimeOffset.UtcNow); // one second of the emulator's clock for all calls
        var codes = new List<string?>();
        for (int i = 0; i < 51; i++)
            codes.Add((await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", "[]"))).Code);
        Assert.DoesNotContain("Throttling.User", codes.Take(50));
        var throttled = await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", "[]"));
        Assert.Equal(HttpStatusCode.BadRequest, throttled.Status);
        Assert.Equal("Throttling.User", throttled.Code);
        emu.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual("Throttling.User", (await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", "[]"))).Code);
    }
}
