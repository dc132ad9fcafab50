using System.Collections.Generic;
using System.Globalization;
using VodTools.Shared;

namespace VodTools.Services
{
    /// <summary>What Start-VodEmulator asks of the emulator; unset values leave the emulator's own defaults.</summary>
    internal sealed class EmulatorSettings
    {
        /// <summary>0 lets the emulator pick a free port.</summary>
        public int Port { get; set; }
        /// <summary>A file-system path (already resolved from a PowerShell path); null = the emulator's default folder.</summary>
        public string? DataDir { get; set; }
        public bool InMemory { get; set; }
        public bool SeedSample { get; set; }
        /// <summary>off or real.</summary>
        public string Quota { get; set; } = "off";
        public string? Faults { get; set; }
        public double TranscodeSeconds { get; set; } = 5;
        public int? StsTokenSeconds { get; set; }

        /// <summary>The emulator's command line (after the dll), writing its URL to <paramref name="urlFile"/>.</summary>
        public List<string> Arguments(string urlFile)
        {
            var arguments = new List<string>
            {
                EmulatorDefaults.Flags.Port, Port.ToString(CultureInfo.InvariantCulture),
                EmulatorDefaults.Flags.UrlFile, urlFile,
                EmulatorDefaults.Flags.Quota, Quota,
                EmulatorDefaults.Flags.TranscodeSeconds, TranscodeSeconds.ToString(CultureInfo.InvariantCulture),
            };
            if (InMemory) arguments.Add(EmulatorDefaults.Flags.InMemory);
            else if (DataDir != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.DataDir, DataDir });
            if (SeedSample) arguments.Add(EmulatorDefaults.Flags.SeedSample);
            if (Faults != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.Faults, Faults });
            if (StsTokenSeconds != null) arguments.AddRange(new[] { EmulatorDefaults.Flags.StsTokenSeconds, StsTokenSeconds.Value.ToString(CultureInfo.InvariantCulture) });
            return arguments;
        }
    }
}
