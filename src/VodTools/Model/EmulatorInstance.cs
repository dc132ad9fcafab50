namespace VodTools.Model
{
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
