using System.Linq;
using System.Threading;
using System;
using VodTools.Api.Endpoints;
using VodTools.Api;
using VodTools.Services.EmulatorControl;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// Which cloud a session talks to, in words (Get-VodContext), and what a command says about it before its first call:
    /// that the session's emulator has died, or, once per process, that the session now goes to Alibaba Cloud after it
    /// had used an emulator (after Stop-VodEmulator the same script would otherwise change the real account silently).
    /// </summary>
    internal sealed class SessionTarget
    {
        /// <summary>The state of this PowerShell process: the module's static state is shared by all its runspaces.</summary>
        public static readonly SessionTarget Current = new SessionTarget();

        private static readonly CloudService[] Services = (CloudService[])Enum.GetValues(typeof(CloudService));

        private Uri? _emulatorUsed;
        private int _warned;

        /// <summary>Alibaba Cloud's own endpoints: the public ones a service without an override goes to, and any
        /// <c>*.aliyuncs.com</c> override (internal, VPC or another region's).</summary>
        public static bool IsAlibabaCloud(Uri endpoint) =>
            endpoint.Host.Equals("aliyuncs.com", StringComparison.OrdinalIgnoreCase) || endpoint.Host.EndsWith(".aliyuncs.com", StringComparison.OrdinalIgnoreCase);

        /// <summary>"Alibaba Cloud cn-shanghai", "Emulator http://127.0.0.1:9081/", "Emulator http://127.0.0.1:9081/ (not
        /// running)", "Endpoint https://proxy.example/", or, when the services go to different places, one part per service.</summary>
        public static string Describe(ConnectionSettings settings, string? region, EmulatorProcess? emulator)
        {
            var places = Services.ToDictionary(s => s, s => Place(settings, s));
            if (places.Values.Distinct().Count() == 1) return Name(places[CloudService.Vod], region, emulator);
            return string.Join(", ", Services.Select(s => $"{s}: {Name(places[s], region, emulator)}"));
        }

        /// <summary>The error to end a command with when the services it would call include the session's emulator and
        /// that emulator is no longer running; null otherwise.</summary>
        public static string? EmulatorGone(ConnectionSettings settings, EmulatorProcess? emulator)
        {
            if (emulator == null || emulator.IsRunning || !settings.Endpoints.Values.Contains(emulator.Url)) return null;
            return $"The emulator this session started at {emulator.Url} (process {emulator.Process.Id}) is no longer running "
                + $"(exit code {emulator.Process.ExitCode}; its output is in {emulator.LogPath}). Start it again with Start-VodEmulator "
                + "(an emulator in memory starts empty; one with a data folder has its state back), or point the session elsewhere with Set-VodContext.";
        }

        /// <summary>Remembers that this session used the emulator at <paramref name="url"/>.</summary>
        public void NoteEmulator(Uri url) => Volatile.Write(ref _emulatorUsed, url);

        /// <summary>Called with the settings of each command: notes an endpoint on this machine as an emulator used, and
        /// returns the warning to write the first time a command goes to Alibaba Cloud after that; else null.</summary>
        public string? SwitchWarning(ConnectionSettings settings, string region)
        {
            var local = settings.Endpoints.Values.FirstOrDefault(e => e.IsLoopback);
            if (local != null) NoteEmulator(local);
            var used = Volatile.Read(ref _emulatorUsed);
            if (used == null || !Services.Any(s => Place(settings, s) == null) || Interlocked.Exchange(ref _warned, 1) != 0) return null;
            return $"This command goes to Alibaba Cloud ({region}), to your real account: this session used the emulator at {used} before. "
                + "Start-VodEmulator, or Set-VodContext -Endpoint, points it at an emulator again. (Said once per session.)";
        }

        /// <summary>Where a service goes: its override, or null for Alibaba Cloud.</summary>
        private static Uri? Place(ConnectionSettings settings, CloudService service) =>
            settings.Endpoints.TryGetValue(service, out var endpoint) && !IsAlibabaCloud(endpoint) ? endpoint : null;

        private static string Name(Uri? place, string? region, EmulatorProcess? emulator)
        {
            if (place == null) return region == null ? "Alibaba Cloud" : "Alibaba Cloud " + region;
            if (emulator != null && place == emulator.Url) return "Emulator " + place + (emulator.IsRunning ? string.Empty : " (not running)");
            return "Endpoint " + place + (place.IsLoopback ? " (this machine)" : string.Empty);
        }
    }
}
