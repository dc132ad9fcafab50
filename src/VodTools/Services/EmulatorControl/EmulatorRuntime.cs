using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System;
using VodTools.Services.Formats;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>The .NET host that runs the emulator (it is framework-dependent) and a check, before it starts, that the host
    /// has the ASP.NET Core runtime the emulator's runtimeconfig.json asks for: a PowerShell installed from an MSI, winget,
    /// brew or apt brings its own .NET but not ASP.NET Core, and the host's own error would come only in the emulator's log.</summary>
    internal static class EmulatorRuntime
    {
        private const string AspNetCore = "Microsoft.AspNetCore.App";

        /// <summary>The dotnet host to run <paramref name="dll"/> with: the first that has the ASP.NET Core runtime its
        /// runtimeconfig.json asks for (the same major version, at least the one asked for: its roll-forward), looking at the
        /// host running this PowerShell (DOTNET_HOST_PATH), the one under DOTNET_ROOT, those on PATH, then where the official
        /// installers put it. Throws <see cref="EmulatorStartException"/> (RuntimeMissing) with the install command when none has.</summary>
        public static string HostFor(string dll)
        {
            var hosts = Candidates().Where(c => !string.IsNullOrEmpty(c) && File.Exists(c)).Select(c => c!).Distinct().ToList();
            var needed = Needed(dll);
            if (needed == null && hosts.Count > 0) return hosts[0]; // it names no ASP.NET Core: any host will do
            var wanted = needed ?? new Version(10, 0);
            foreach (var host in hosts)
            {
                var installed = Installed(host);
                if (installed.Any(v => v.Major == wanted.Major && v >= wanted)) return host;
            }
            throw Missing(wanted, hosts.Count == 0
                ? "no .NET host ('dotnet') was found on PATH, under DOTNET_ROOT or where the installers put it"
                : $"{string.Join(", ", hosts)} {(hosts.Count == 1 ? "has" : "have")} no ASP.NET Core {wanted.Major} runtime", hosts.FirstOrDefault() ?? "dotnet");
        }

        private static IEnumerable<string?> Candidates()
        {
            bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            string name = windows ? "dotnet.exe" : "dotnet";
            yield return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            yield return InFolder(Environment.GetEnvironmentVariable("DOTNET_ROOT"), name);
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)) yield return InFolder(folder, name);
            if (windows)
            {
                yield return InFolder(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "dotnet"), name);
                yield return InFolder(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet"), name);
            }
            else yield return InFolder(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet"), name);
        }

        /// <summary>The one command that installs the ASP.NET Core runtime of <paramref name="major"/> on this OS.</summary>
        public static string InstallCommand(int major) => RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? $"winget install Microsoft.DotNet.AspNetCore.{major}"
            : $"curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --runtime aspnetcore --channel {major}.0";

        private static EmulatorStartException Missing(Version needed, string why, string target) =>
            new EmulatorStartException(EmulatorStartException.RuntimeMissing,
                $"The emulator needs the ASP.NET Core {needed.Major} runtime, and {why}. Install it with:{Environment.NewLine}" +
                $"    {InstallCommand(needed.Major)}{Environment.NewLine}then run Start-VodEmulator again.", target);

        private static string? InFolder(string? folder, string name) => string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, name);

        /// <summary>The ASP.NET Core version the emulator's runtimeconfig.json names; null when it names none.</summary>
        private static Version? Needed(string dll)
        {
            var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
            if (!File.Exists(config)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllText(config));
            if (!doc.RootElement.TryGetProperty("runtimeOptions", out var options)) return null;
            var frameworks = options.TryGetProperty("frameworks", out var list) ? list.EnumerateArray().ToList()
                : options.TryGetProperty("framework", out var one) ? new List<JsonElement> { one } : new List<JsonElement>();
            var aspNet = frameworks.FirstOrDefault(f => f.Str("name") == AspNetCore);
            return aspNet.ValueKind == JsonValueKind.Object && Version.TryParse(aspNet.Str("version"), out var version) ? version : null;
        }

        /// <summary>The ASP.NET Core versions <c>dotnet --list-runtimes</c> lists ("Microsoft.AspNetCore.App 10.0.12 [path]").</summary>
        private static List<Version> Installed(string host)
        {
            var start = new ProcessStartInfo(host, "--list-runtimes") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, CreateNoWindow = true };
            try
            {
                using var process = Process.Start(start)!;
                process.ErrorDataReceived += (_, __) => { };
                process.BeginErrorReadLine();
                var lines = process.StandardOutput.ReadToEnd().Split('\n');
                process.WaitForExit();
                return lines.Select(line => line.Trim().Split(' '))
                    .Where(parts => parts.Length >= 2 && parts[0] == AspNetCore)
                    .Select(parts => Version.TryParse(parts[1].Split('-')[0], out var v) ? v : null)
                    .Where(v => v != null).Select(v => v!).ToList();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return new List<Version>(); // not a program this OS can run
            }
        }
    }
}
