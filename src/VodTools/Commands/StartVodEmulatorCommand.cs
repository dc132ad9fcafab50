using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;
using VodTools.Model;

using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts the local emulator of RAM, STS, VOD and OSS and points this session at it.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VodEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EmulatorInstance))]
    public sealed class StartVodEmulatorCommand : PSCmdlet
    {
        /// <summary>The emulator's well-known local key (like Azurite's): it works only against the emulator.</summary>
        public const string EmulatorAccessKeyId = "VODEMULATORKEYID";
        public const string EmulatorAccessKeySecret = "VodEmulatorSecretKey";

        /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Where the emulator keeps its state (SQLite and object bodies). Default: its own folder under LocalApplicationData.</summary>
        [Parameter]
        public string? DataPath { get; set; }

        /// <summary>Keep nothing after the emulator stops.</summary>
        [Parameter]
        public SwitchParameter InMemory { get; set; }

        /// <summary>Create the bucket media-archive with a few hundred sample media keys.</summary>
        [Parameter]
        public SwitchParameter SeedSample { get; set; }

        /// <summary>off (default) or real: enforce VOD's per-group QPS limits and answer excess with Throttling.User.</summary>
        [Parameter]
        [ValidateSet("off", "real")]
        public string Quota { get; set; } = "off";

        /// <summary>Failures to inject, e.g. "500:0.1,503:0.05,delay:0.2:1500,drop:0.01" (kind:rate[:ms]).</summary>
        [Parameter]
        public string? Faults { get; set; }

        /// <summary>How long a simulated transcode or snapshot job runs, in seconds. Default 5.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public double TranscodeSeconds { get; set; } = 5;

        /// <summary>Cap, in seconds, on the lifetime of the STS tokens the emulator issues, to rehearse credential refresh (the cloud issues at least 900 s). Default: as asked.</summary>
        [Parameter]
        [ValidateRange(1, 43200)]
        public int? StsTokenSeconds { get; set; }

        /// <summary>The region the session uses against the emulator. Default cn-shanghai, where the sample bucket is.</summary>
        [Parameter]
        [ValidatePattern("^[a-z0-9][a-z0-9-]*[a-z0-9]$", Options = RegexOptions.None)] // case-sensitive: region ids are lowercase
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string Region { get; set; } = "cn-shanghai";

        /// <summary>The emulator's VodTools.Emulator.dll, or its folder. Default: the copy shipped in the module folder.</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>Seconds to wait for the emulator to answer. Default 60.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int StartTimeoutSec { get; set; } = 60;

        protected override void EndProcessing()
        {
            var dll = ResolveEmulatorDll();
            var urlFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N") + ".url");
            var logPath = System.IO.Path.ChangeExtension(urlFile, ".log");
            var arguments = new List<string> { dll, "--port", Port.ToString(CultureInfo.InvariantCulture), "--url-file", urlFile, "--quota", Quota,
                "--transcode-seconds", TranscodeSeconds.ToString(CultureInfo.InvariantCulture) };
            if (InMemory) arguments.Add("--in-memory");
            else if (DataPath != null) arguments.AddRange(new[] { "--data-dir", GetUnresolvedProviderPathFromPSPath(DataPath) });
            if (SeedSample) arguments.Add("--seed-sample");
            if (Faults != null) arguments.AddRange(new[] { "--faults", Faults });
            if (StsTokenSeconds != null) arguments.AddRange(new[] { "--sts-token-seconds", StsTokenSeconds.Value.ToString(CultureInfo.InvariantCulture) });

            if (!ShouldProcess(dll, "Start the VodTools emulator")) return;

            var process = StartProcess(arguments, logPath);
            var url = WaitUntilAnswering(process, urlFile, logPath);
            var endpoint = new Uri(url);
            VodContext.Replace(VodContext.Current.WithEmulator(process.Id, endpoint, Region, EmulatorAccessKeyId, EmulatorAccessKeySecret));
            WriteVerbose($"Emulator {url} (process {process.Id}) is this session's endpoint for VOD, RAM, STS and OSS; its log: {logPath}");
            WriteObject(new EmulatorInstance
            {
                Url = url,
                ProcessId = process.Id,
                DataPath = InMemory ? null : DataPath == null ? null : GetUnresolvedProviderPathFromPSPath(DataPath),
                AccessKeyId = EmulatorAccessKeyId,
                Region = Region,
                LogPath = logPath,
            });
        }

        private string ResolveEmulatorDll()
        {
            var candidate = Path == null
                ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(StartVodEmulatorCommand).Assembly.Location)!, "emulator", "VodTools.Emulator.dll")
                : GetUnresolvedProviderPathFromPSPath(Path);
            if (Directory.Exists(candidate)) candidate = System.IO.Path.Combine(candidate, "VodTools.Emulator.dll");
            if (!File.Exists(candidate))
            {
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The emulator is not at {candidate}. Give -Path, or build the module with build.ps1.", candidate),
                    "EmulatorNotFound", ErrorCategory.ObjectNotFound, candidate));
            }
            return candidate;
        }

        /// <summary>dotnet runs the emulator (it is framework-dependent): the host that runs this PowerShell, if any, else the one on PATH.</summary>
        private static string DotnetHost()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host!;
            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        }

        private Process StartProcess(List<string> arguments, string logPath)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                Arguments = string.Join(" ", arguments.ConvertAll(Quote)),
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
                var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
                process.OutputDataReceived += (_, e) => { if (e.Data != null) log.WriteLine(e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) log.WriteLine(e.Data); };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                return process;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("The emulator needs the .NET 10 runtime ('dotnet' on PATH): " + e.Message, e),
                    "EmulatorRuntimeMissing", ErrorCategory.NotInstalled, start.FileName));
                throw;
            }
        }

        private static string Quote(string argument) => argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

        private string WaitUntilAnswering(Process process, string urlFile, string logPath)
        {
            var deadline = DateTime.UtcNow.AddSeconds(StartTimeoutSec);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"The emulator exited with code {process.ExitCode}. Its output is in {logPath}:{Environment.NewLine}{ReadLog(logPath)}"),
                        "EmulatorExited", ErrorCategory.OpenError, null));
                }
                if (File.Exists(urlFile))
                {
                    var url = File.ReadAllText(urlFile).Trim();
                    if (url.Length > 0 && IsHealthy(url))
                    {
                        File.Delete(urlFile);
                        return url;
                    }
                }
                if (Stopping) break;
                Thread.Sleep(100);
            }
            try { process.Kill(); } catch (InvalidOperationException) { }
            ThrowTerminatingError(new ErrorRecord(new TimeoutException($"The emulator did not answer within {StartTimeoutSec} s. Its output is in {logPath}."),
                "EmulatorStartTimeout", ErrorCategory.OperationTimeout, null));
            throw new InvalidOperationException();
        }

        private static bool IsHealthy(string url)
        {
            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = HttpTransport.Shared.HttpClient.GetAsync(url.TrimEnd('/') + "/_emulator/health", cancel.Token).GetAwaiter().GetResult();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                return false;
            }
        }

        private static string ReadLog(string logPath)
        {
            try { return File.ReadAllText(logPath); } catch (IOException) { return string.Empty; }
        }
    }
}
