using System.Collections.Generic;
using System.Globalization;
using VodTools.Shared;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>What Start-VodEmulator asks of the emulator; unset values leave the emulator's own defaults.</summary>
    internal sealed class EmulatorSettings
    {
        /// <summary>0 lets the emulator pick a free port.</summary>
        public int Port { get; set; }
        /// <summary>A file-system path (already resolved from a PowerShell path); ignored in memory.</summary>
        public string DataDir { get; set; } = EmulatorDefaults.DefaultDataDir();
        public bool InMemory { get; set; }
        public bool SeedSample { get; set; }
        /// <summary>A folder (resolved path) whose files become objects of <see cref="SeedBucket"/>; null = none.</summary>
        public string? SeedDir { get; set; }
        public string? SeedBucket { get; set; }
        /// <summary>off or real.</summary>
        public string Quota { get; set; } = "off";
        public string? Faults { get; set; }
        /// <summary>The seed of the fault draws (--fault-seed); null = the emulator picks one.</summary>
        public int? FaultSeed { get; set; }
        /// <summary>SearchMedia's paging limit (--search-result-limit); null = the cloud's.</summary>
        public int? SearchResultLimit { get; set; }
        /// <summary>OSS's code for a bucket asked at another region's endpoint (--wrong-endpoint-code); null = the emulator's default.</summary>
        public string? WrongEndpointCode { get; set; }
        public double TranscodeSeconds { get; set; } = 5;
        /// <summary>The round trip the emulator adds to every request (--latency-ms); 0 = none.</summary>
        public int LatencyMs { get; set; }
        public int? StsTokenSeconds { get; set; }
        /// <summary>Enforce nothing the seed workflow sets up (--lenient).</summary>
        public bool Lenient { get; set; }
        /// <summary>Seconds VOD's upload credentials work (--upload-auth-seconds), whatever they say.</summary>
        public int? UploadAuthSeconds { get; set; }
        /// <summary>The emulator ends when this process ends; null = it runs until stopped.</summary>
        public int? ParentProcessId { get; set; }

        /// <summary>The emulator's command line (after the dll and its --url-file).</summary>
        public List<string> Arguments()
        {
            var arguments = new List<string> { EmulatorDefaults.Flags.Port, Port.ToString(CultureInfo.InvariantCulture) };
            arguments.AddRange(Options());
            return arguments;
        }

        /// <summary>The command line but the port: two emulators started with the same options behave the same. It
        /// always leaves the terminal's session: a Ctrl+C meant for the command in the foreground must not stop it.</summary>
        public List<string> Options()
        {
            var arguments = new List<string>
            {
                EmulatorDefaults.Flags.Quota, Quota,
                EmulatorDefaults.Flags.TranscodeSeconds, TranscodeSeconds.ToString(CultureInfo.InvariantCulture),
                EmulatorDefaults.Flags.OwnSession,
            };
            if (InMemory) arguments.Add(EmulatorDefaults.Flags.InMemory);
            else arguments.AddRange(new[] { EmulatorDefaults.Flags.DataDir, DataDir });
            if (SeedSample) arguments.Add(EmulatorDefaults.Flags.SeedSample);
            if (Lenient) arguments.Add(EmulatorDefaults.Flags.Lenient);
            if (SeedDir != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.SeedDir, SeedDir, EmulatorDefaults.Flags.SeedBucket, SeedBucket! });
            if (Faults != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.Faults, Faults });
            if (FaultSeed != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.FaultSeed, FaultSeed.Value.ToString(CultureInfo.InvariantCulture) });
            if (SearchResultLimit != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.SearchResultLimit, SearchResultLimit.Value.ToString(CultureInfo.InvariantCulture) });
            if (WrongEndpointCode != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.WrongEndpointCode, WrongEndpointCode });
            if (StsTokenSeconds != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.StsTokenSeconds, StsTokenSeconds.Value.ToString(CultureInfo.InvariantCulture) });
            if (LatencyMs > 0) arguments.AddRange(new[] { EmulatorDefaults.Flags.LatencyMs, LatencyMs.ToString(CultureInfo.InvariantCulture) });
            if (UploadAuthSeconds != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.UploadAuthSeconds, UploadAuthSeconds.Value.ToString(CultureInfo.InvariantCulture) });
            if (ParentProcessId != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.ParentPid, ParentProcessId.Value.ToString(CultureInfo.InvariantCulture) });
            return arguments;
        }
    }
}
