using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Hosting;
using VodTools.Emulator.Storage;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The emulator as a process and as persistent state: CLI contract, restart, kill -9, seed, quota, faults.</summary>
public class HostingTests
{
    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "vodtools-emu-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task State_survives_a_restart_on_the_same_data_dir()
    {
        string dir = TempDir();
        try
        {
            string videoId;
            await using (var first = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; }))
            {
                using (await first.OssAsync(HttpMethod.Put, "keep")) { }
                using (await first.OssAsync(HttpMethod.Put, "keep", "a/b c.mp4", content: new StringContent("body"))) { }
                await first.RamAsync("CreateRole", P("RoleName", "kept", "AssumeRolePolicyDocument", """{"Statement":[],"Version":"1"}"""));
                var registered = await first.VodAsync("RegisterMedia", P("RegisterMetadatas",
                    """[{"FileURL":"https://keep.oss-cn-shanghai.aliyuncs.com/a/b%20c.mp4","Title":"t"}]"""));
                videoId = (string)registered.Body["RegisteredMediaList"]![0]!["MediaId"]!;
            }
            await using var second = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; });
            using var get = await second.OssAsync(HttpMethod.Get, "keep", "a/b c.mp4");
            Assert.Equal("body", await get.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await second.RamAsync("GetRole", P("RoleName", "kept"))).Status);
            Assert.Equal(HttpStatusCode.OK, (await second.VodAsync("GetVideoInfo", P("VideoId", videoId))).Status);
            Assert.Single((await second.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]!.AsArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Command_line_prints_its_url_writes_the_url_file_and_loses_nothing_on_kill()
    {
        string dir = TempDir();
        string urlFile = Path.Combine(dir, "url.txt");
        string dll = Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll");
        try
        {
            using (var process = StartProcess(dll, $"--port 0 --data-dir \"{Path.Combine(dir, "data")}\" --url-file \"{urlFile}\" --seed-sample"))
            {
                string line = (await process.StandardOutput.ReadLineAsync())!;
                Assert.Matches(@"^VodTools emulator listening on http://127\.0\.0\.1:\d+$", line);
                string url = await File.ReadAllTextAsync(urlFile);
                Assert.Equal(line["VodTools emulator listening on ".Length..], url);
                Assert.Contains(EmulatorOptions.DefaultAccessKeySecret, await process.StandardOutput.ReadLineAsync());

                await using var client = await ConnectAsync(url);
                var list = await XmlAsync(await client.OssAsync(HttpMethod.Get, SampleData.Bucket, query: "max-keys=1000"));
                Assert.Equal(SampleData.Keys().Count(), list.Elements("Contents").Count());
                using (var put = await client.OssAsync(HttpMethod.Put, SampleData.Bucket, "acked.mp4", content: new StringContent("acknowledged")))
                    Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                process.Kill(); // SIGKILL: no shutdown code runs
                await process.WaitForExitAsync();
            }
            using (var process = StartProcess(dll, $"--port 0 --data-dir \"{Path.Combine(dir, "data")}\" --url-file \"{urlFile}\""))
            {
                await process.StandardOutput.ReadLineAsync();
                await using var client = await ConnectAsync(await File.ReadAllTextAsync(urlFile));
                using var get = await client.OssAsync(HttpMethod.Get, SampleData.Bucket, "acked.mp4");
                Assert.Equal("acknowledged", await get.Content.ReadAsStringAsync());
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_secret_is_never_printed()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll");
        using var process = StartProcess(dll, "--port 0 --in-memory --access-key-id MYKEYID --access-key-secret TopSecretValue123");
        var output = new StringBuilder();
        for (int i = 0; i < 3; i++) output.AppendLine(await process.StandardOutput.ReadLineAsync());
        process.Kill();
        await process.WaitForExitAsync();
        output.Append(await process.StandardOutput.ReadToEndAsync()).Append(await process.StandardError.ReadToEndAsync());
        Assert.Contains("MYKEYID", output.ToString());
        Assert.DoesNotContain("TopSecretValue123", output.ToString());
    }

    [Fact]
    public void Bad_command_lines_are_refused_with_a_message()
    {
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--quota", "sometimes"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--faults", "500:2"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--port"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--bogus"]));
        var parsed = EmulatorOptions.Parse(["--port", "0", "--in-memory", "--quota", "real", "--faults", "503:0.5,delay:0.1:20", "--transcode-seconds", "2.5"]);
        Assert.True(parsed.RealQuota && parsed.InMemory);
        Assert.Equal(2.5, parsed.TranscodeSeconds);
    }

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

    [Fact]
    public async Task Faults_inject_errors_in_each_services_shape_and_drop_connections()
    {
        await using (var failing = await StartAsync(o => o.Faults = "503:1"))
        {
            var rpc = await failing.StsAsync("GetCallerIdentity");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rpc.Status);
            Assert.Equal("ServiceUnavailable", rpc.Code);
            using var oss = await failing.OssAsync(HttpMethod.Get, null);
            Assert.Equal("ServiceUnavailable", (string?)(await XmlAsync(oss)).Element("Code"));
            Assert.Equal("""{"status":"ok"}""", await failing.Http.GetStringAsync("/_emulator/health"));
        }
        await using var dropping = await StartAsync(o => o.Faults = "drop:1");
        await Assert.ThrowsAsync<HttpRequestException>(() => dropping.StsAsync("GetCallerIdentity"));
    }

    [Fact]
    public void Fault_rules_fire_at_their_rates()
    {
        var plan = FaultPlan.Parse("500:0.25,delay:1:5", new Random(42));
        var draws = Enumerable.Range(0, 4000).Select(_ => plan.Draw()).ToList();
        Assert.All(draws, d => Assert.Contains(d, r => r.Kind == FaultPlan.Kind.Delay && r.DelayMs == 5));
        int errors = draws.Count(d => d.Any(r => r.Kind == FaultPlan.Kind.Error500));
        Assert.InRange(errors, 800, 1200);
    }

    [Fact]
    public async Task Malformed_requests_get_4xx_never_500()
    {
        await using var emu = await StartAsync();
        using (var bad = await emu.Http.PostAsync("/", new StringContent("Action=%ZZ&&==", Encoding.UTF8, "application/x-www-form-urlencoded")))
            Assert.InRange((int)bad.StatusCode, 400, 499);
        using (var huge = await emu.Http.PostAsync("/?Action=GetRole&Version=2015-05-01", new ByteArrayContent(new byte[5 * 1024 * 1024])))
            Assert.InRange((int)huge.StatusCode, 400, 499);
        var weird = await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", """[{"FileURL":{"a":1},"Title":[1]}, 5, null]"""));
        Assert.Equal(HttpStatusCode.BadRequest, weird.Status);
        var longTitle = await emu.VodAsync("CreateUploadVideo", P("Title", new string('x', 100_000), "FileName", "a.mp4"));
        Assert.Equal("LengthExceededMax", longTitle.Code);
        using var badAuth = await emu.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/bucket/key") { Headers = { { "Authorization", "OSS4-HMAC-SHA256 garbage" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badAuth.StatusCode);
    }

    private static Process StartProcess(string dll, string arguments)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info)!;
    }
}
