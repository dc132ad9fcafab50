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
}
