using System.Diagnostics;
using VodTools.TestSupport;
using Xunit;

namespace VodTools.Emulator.Tests;

/// <summary>Alibaba's own Node.js clients (ali-oss, @alicloud/pop-core, pinned in tests/clients) against the
/// emulator (not lenient: they see its RAM refusals too): path style, virtual host and V4 for OSS, V1 GET/POST for RAM,
/// STS and VOD. Needs node and npm;
/// installs the packages with "npm ci" the first time.</summary>
public class OfficialClientTests
{
    [Fact]
    public async Task Official_node_clients_work_against_the_emulator()
    {
        await using var emu = await Emulator.StartAsync(o => o.Lenient = false);
        await RunScriptAsync("official-clients.mjs", emu);
    }

    /// <summary>The surface beyond registration: categories, uploads with VOD's credentials in both addressing modes, VOD's own
    /// transcode, images, updates, the search scroll, URL pulls, signed callbacks, playback, MTS and RAM users.</summary>
    [Fact]
    public async Task Official_node_clients_drive_the_VOD_surface_from_categories_to_RAM_users()
    {
        await using var emu = await Emulator.StartAsync(o => { o.Lenient = false; o.TranscodeSeconds = 0; });
        await RunScriptAsync("vod-surface.mjs", emu);
    }

    /// <summary>Runs one script of tests/clients (installing the pinned packages with "npm ci" the first time); every check must pass.</summary>
    private static async Task RunScriptAsync(string script, Emulator emu)
    {
        string folder = Path.Combine(TestVectors.RepoRoot, "tests", "clients");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "ali-oss")))
        {
            var (installCode, installOutput) = await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund", folder);
            Assert.True(installCode == 0, "npm ci failed:\n" + installOutput);
        }

        var (code, output) = await RunAsync("node", $"{script} {emu.BaseUrl}", folder);

        Assert.True(code == 0, output);
        Assert.Contains(" 0 failed", output);
        Assert.DoesNotContain("FAIL ", output);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string folder)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
