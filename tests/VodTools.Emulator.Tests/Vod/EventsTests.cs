using System.Net;
using VodTools.Emulator.Vod;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>Event notification settings and the callbacks' signature.</summary>
public class EventsTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync(o => o.TranscodeSeconds = 0);

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task SetMessageCallback_checks_the_key_and_url_and_GetMessageCallback_reads_it_back()
    {
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("SetMessageCallback", P("CallbackURL", "http://127.0.0.1:9/cb", "AuthKey", "lowercaseonly1"))).Code);
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("SetMessageCallback", P("CallbackURL", "http://127.0.0.1:9/" + new string('a', 250)))).Code);
        Assert.Equal("MissingParameter", (await _emu.VodAsync("SetMessageCallback", P("CallbackType", "HTTP"))).Code);
        var set = await _emu.VodAsync("SetMessageCallback", P("CallbackURL", "http://127.0.0.1:9/cb", "EventTypeList", "FileUploadComplete,TranscodeComplete",
            "AuthSwitch", "on", "AuthKey", "Key2026abc"));
        Assert.Equal(HttpStatusCode.OK, set.Status);
        var read = (await _emu.VodAsync("GetMessageCallback")).Body["MessageCallback"]!;
        Assert.Equal("app-1000000", (string?)read["AppId"]);
        Assert.Equal("HTTP", (string?)read["CallbackType"]);
        Assert.Equal("FileUploadComplete,TranscodeComplete", (string?)read["EventTypeList"]);
        Assert.Equal("on", (string?)read["AuthSwitch"]);
        Assert.Equal("Key2026abc", (string?)read["AuthKey"]);
    }

    [Fact]
    public void The_callback_signature_is_the_guides_example()
    {
        // "HTTP callback authentication": md5sum(https://www.example.com/your/callback|1519375990|test123)
        Assert.Equal("c72b60894140fa98920f1279219b7ed4", EventNotifier.CallbackSignature("https://www.example.com/your/callback", "1519375990", "test123"));
    }
}
