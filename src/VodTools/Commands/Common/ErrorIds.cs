namespace VodTools.Commands.Common
{
    /// <summary>The stable ErrorIds of failures shared by every cmdlet; each cmdlet adds its own per-item ids.</summary>
    public static class ErrorIds
    {
        public const string EndpointUnreachable = "EndpointUnreachable";
        public const string AuthenticationFailed = "AuthenticationFailed";
        /// <summary>The session's emulator is needed and has stopped (or none was started, for Stop-VodEmulator).</summary>
        public const string EmulatorNotRunning = "EmulatorNotRunning";
    }
}
