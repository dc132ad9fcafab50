using System.Collections.Generic;

namespace VodTools.Model
{
    /// <summary>What Get-VodContext shows: the session defaults, secrets masked.</summary>
    public sealed class VodContextInfo
    {
        /// <summary>Where commands go: "Alibaba Cloud cn-shanghai", "Emulator http://127.0.0.1:9081/" (with "(not running)"
        /// once it has stopped), "Endpoint ...", or one part per service when they differ.</summary>
        public string Target { get; set; } = string.Empty;
        public string? Region { get; set; }
        public string? ProfileName { get; set; }
        /// <summary>The session's access key id, masked; null when the credential chain decides.</summary>
        public string? AccessKeyId { get; set; }
        /// <summary>Always masked.</summary>
        public string? AccessKeySecret { get; set; }
        public string? SecurityToken { get; set; }
        /// <summary>Service → base URL overrides.</summary>
        public IDictionary<string, string> Endpoints { get; set; } = new Dictionary<string, string>();
        public bool AllowInsecureHttp { get; set; }
        /// <summary>The emulator this session started (Start-VodEmulator), until Stop-VodEmulator.</summary>
        public int? EmulatorProcessId { get; set; }
        /// <summary>Whether that emulator still runs; null when there is none.</summary>
        public bool? EmulatorRunning { get; set; }
    }

    /// <summary>A running local emulator started by Start-VodEmulator.</summary>
    public sealed class EmulatorInstance
    {
        public string Url { get; set; } = string.Empty;
        public int ProcessId { get; set; }
        /// <summary>Where it keeps its state; null when in memory.</summary>
        public string? DataPath { get; set; }
        public string AccessKeyId { get; set; } = string.Empty;
        public string Region { get; set; } = string.Empty;
        /// <summary>The emulator's console output.</summary>
        public string? LogPath { get; set; }

        public override string ToString() => Url;
    }
}
