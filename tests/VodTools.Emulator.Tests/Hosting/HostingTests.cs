using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Hosting;
using VodTools.Shared;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

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
            await using (var running = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; }))
                await Assert.ThrowsAsync<IOException>(() => StartAsync(o => { o.InMemory = false; o.DataDir = dir; }));
            string orphan = Path.Combine(dir, "objects", "left-by-a-kill");
            File.WriteAllText(orphan, "an unacknowledged body");
            await using var second = await StartAsync(o => { o.InMemory = false; o.DataDir = dir; });
            Assert.False(File.Exists(orphan));
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
                Assert.Contains(EmulatorDefaults.AccessKeySecret, await process.StandardOutput.ReadLineAsync());

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
    public async Task Verbose_logs_each_request_without_tokens_or_signatures()
    {
        string dir = TempDir();
        string urlFile = Path.Combine(dir, "url.txt");
        using var process = StartProcess(Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll"), $"--port 0 --in-memory --lenient --verbose --url-file \"{urlFile}\"");
        for (int i = 0; i < 3; i++) await process.StandardOutput.ReadLineAsync();
        await using var client = await Emulator.ConnectAsync(await File.ReadAllTextAsync(urlFile));
        var trust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}],"Version":"1"}""";
        await client.RamAsync("CreateRole", P("RoleName", "logged", "AssumeRolePolicyDocument", trust));
        var creds = (await client.StsAsync("AssumeRole", P("RoleArn", "acs:ram::1234567890123456:role/logged", "RoleSessionName", "s1"))).Body["Credentials"]!;
        var temporary = new VodTools.Emulator.Auth.AccessKey((string)creds["AccessKeyId"]!, (string)creds["AccessKeySecret"]!, "1234567890123456", (string)creds["SecurityToken"]!);
        await client.RpcV1Async("2015-04-01", "GetCallerIdentity", key: temporary);
        using (await client.OssAsync(HttpMethod.Get, "nobucket", "some key.mp4", accessKey: temporary)) { }
        process.Kill();
        await process.WaitForExitAsync();
        string log = await process.StandardOutput.ReadToEndAsync();
        Assert.Contains("RPC CreateRole 2015-05-01 -> 200", log);
        Assert.Contains("RPC GetCallerIdentity 2015-04-01 -> 200", log);
        Assert.Contains("OSS GET 127.0.0.1/nobucket/some%20key.mp4 -> 404", log);
        Assert.DoesNotContain((string)creds["SecurityToken"]!, log);
        Assert.DoesNotContain((string)creds["AccessKeySecret"]!, log);
        Assert.DoesNotContain("Signature", log);
        Directory.Delete(dir, recursive: true);
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
    public void Fault_seed_and_search_result_limit_are_read_and_checked()
    {
        var parsed = EmulatorOptions.Parse(["--fault-seed", "42", "--search-result-limit", "100"]);
        Assert.Equal((42, 100), (parsed.FaultSeed, parsed.SearchResultLimit));
        Assert.Equal((null, 5000), (EmulatorOptions.Parse([]).FaultSeed, EmulatorOptions.Parse([]).SearchResultLimit));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--fault-seed", "-1"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--fault-seed", "x"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--search-result-limit", "0"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--search-result-limit", "5001"]));
    }

    [Fact]
    public async Task The_start_lines_name_the_fault_seed_picked_or_given()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll");
        foreach (var (arguments, expected) in new[] { ("--fault-seed 42", "42"), ("", null) })
        {
            using var process = StartProcess(dll, "--port 0 --in-memory " + arguments);
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) != null && !line.StartsWith("Fault seed: ")) { }
            process.Kill();
            await process.WaitForExitAsync();
            var seed = System.Text.RegularExpressions.Regex.Match(line ?? "", @"^Fault seed: (\d+) \(--fault-seed \1 draws the same faults again\)$");
            Assert.True(seed.Success, line);
            if (expected != null) Assert.Equal(expected, seed.Groups[1].Value);
        }
    }

    [Fact]
    public async Task A_fault_rule_naming_an_unknown_action_exits_with_code_2()
    {
        using var process = StartProcess(Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll"), "--port 0 --in-memory --faults lost:0.5@SubmitTranscodeJob");
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("target \"SubmitTranscodeJob\"", error);
    }

    [Fact]
    public async Task An_emulator_started_with_parent_pid_stops_cleanly_once_that_process_ends()
    {
        using var parent = Process.Start(OperatingSystem.IsWindows()
            ? new ProcessStartInfo("ping", "-n 120 127.0.0.1") { RedirectStandardOutput = true }
            : new ProcessStartInfo("sleep", "120"))!;
        using var process = StartProcess(Path.Combine(AppContext.BaseDirectory, "VodTools.Emulator.dll"), $"--port 0 --in-memory --parent-pid {parent.Id}");
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) != null && !line.StartsWith("Ends when process")) { }
        Assert.Equal($"Ends when process {parent.Id} ends", line);
        Assert.False(process.HasExited);

        parent.Kill();
        string rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains($"Process {parent.Id} has ended: stopping", rest);
        Assert.Contains("VodTools emulator stopped", rest);
    }

    [Fact]
    public void Latency_is_read_and_checked()
    {
        Assert.Equal(250, EmulatorOptions.Parse(["--latency-ms", "250"]).LatencyMs);
        Assert.Equal(0, EmulatorOptions.Parse([]).LatencyMs);
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--latency-ms", "-1"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--latency-ms", "10001"]));
    }

    [Fact]
    public async Task Latency_holds_every_request_for_a_round_trip()
    {
        await using var emu = await StartAsync(o => o.LatencyMs = 1000);
        var watch = Stopwatch.StartNew();
        var calls = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => emu.StsAsync("GetCallerIdentity")));
        var elapsed = watch.Elapsed;
        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Status));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(1000), $"five calls in {elapsed.TotalMilliseconds:0} ms");
        var stats = JsonNode.Parse(await emu.Http.GetStringAsync("/_emulator/stats"))!.AsObject();
        Assert.Equal(5, (long)stats["peakConcurrentRequests"]!); // each held while the others were: five at once
        Assert.Equal(5, (long)stats["requests"]!);
    }

    [Fact]
    public void Parent_pid_must_be_a_process_id()
    {
        Assert.Equal(42, EmulatorOptions.Parse(["--parent-pid", "42", "--own-session"]).ParentPid);
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--parent-pid", "0"]));
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--parent-pid", "me"]));
    }

    [Fact]
    public async Task Service_ports_serve_one_service_each()
    {
        int ossPort = FreePort(), vodPort = FreePort();
        await using var emu = await StartAsync(o => { o.ServicePorts["oss"] = ossPort; o.ServicePorts["vod"] = vodPort; });
        using var http = new HttpClient();
        // on the OSS port even "/?Action=..." is OSS: an unsigned ListBuckets, refused in OSS's shape
        using (var oss = await http.GetAsync($"http://127.0.0.1:{ossPort}/?Action=GetRole&Version=2015-05-01"))
            Assert.Equal("AccessDenied", (string?)(await XmlAsync(oss)).Element("Code"));
        await using var vod = await Emulator.ConnectAsync($"http://127.0.0.1:{vodPort}");
        Assert.Equal("InvalidVersion", (await vod.RamAsync("GetRole", P("RoleName", "x"))).Code);
        Assert.Equal("InvalidVideo.NotFound", (await vod.VodAsync("GetVideoInfo", P("VideoId", "x"))).Code);
        Assert.Equal(new Dictionary<string, string> { ["oss"] = $"http://127.0.0.1:{ossPort}", ["vod"] = $"http://127.0.0.1:{vodPort}" },
            emu.ServiceUrls);
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--service-port", "cdn=9000"]));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public void Config_file_settings_apply_and_flags_win()
    {
        string file = Path.Combine(TempDir(), "emulator.json");
        File.WriteAllText(file, """{"port": 9999, "inMemory": true, "quota": "real", "accessKeyId": "FROMFILE", "accessKeySecret": "s", "transcodeSeconds": 1}""");
        var options = EmulatorOptions.Parse(["--config", file, "--port", "0"]);
        Assert.Equal(0, options.Port);
        Assert.True(options.InMemory && options.RealQuota);
        Assert.Equal("FROMFILE", options.AccessKeyId);
        Assert.Equal(1, options.TranscodeSeconds);
        File.WriteAllText(file, """{"nonsense": 1}""");
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--config", file]));
        File.WriteAllText(file, """{"port": "abc"}""");
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--config", file]));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task Faults_inject_errors_in_each_services_shape_and_drop_connections()
    {
        await using (var failing = await StartAsync(o => o.Faults = "503:1"))
        {
            var rpc = await failing.StsAsync("GetCallerIdentity");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rpc.Status);
            Assert.Equal("ServiceUnavailable", rpc.Code);
            Assert.Equal("ServiceUnAvailable", (await failing.VodAsync("GetVideoInfo", P("VideoId", "x"))).Code);
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
        var plan = FaultPlan.Parse("500:0.25,delay:1:5", seed: 42);
        var draws = Enumerable.Range(0, 4000).Select(_ => plan.Draw()).ToList();
        Assert.All(draws, d => Assert.Contains(d, r => r.Kind == FaultKind.Delay && r.Rule.DelayMs == 5));
        int errors = draws.Count(d => d.Any(r => r.Kind == FaultKind.Status && r.Rule.Status == 500));
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
