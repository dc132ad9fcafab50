using VodTools.Emulator.Hosting;
using Xunit;

namespace VodTools.Emulator.Tests;

/// <summary>The admin endpoints a script uses to wait for the emulator and to stop it.</summary>
public class AdminEndpointTests
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal("""{"status":"ok"}""", await emu.Http.GetStringAsync("/_emulator/health"));
    }

    [Fact]
    public async Task Post_shutdown_stops_the_emulator_cleanly_and_get_does_not()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/_emulator/shutdown")).StatusCode);
        var stopped = host.WaitForShutdownAsync();
        Assert.False(stopped.IsCompleted);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await http.PostAsync("/_emulator/shutdown", null)).StatusCode);
        Assert.Same(stopped, await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(10))));
    }
}
