using System;
using System.IO;

namespace VodTools.Shared
{
    /// <summary>What the module's Start-VodEmulator and the emulator must agree on, compiled into both (netstandard2.0
    /// and net10.0): the well-known key pair and account (public, like Azurite's; they work only against the
    /// emulator), the default data folder, the service names, the command-line flags and the admin paths.</summary>
    internal static class EmulatorDefaults
    {
        public const string AccessKeyId = "VODEMULATORKEYID";
        public const string AccessKeySecret = "VodEmulatorSecretKey";
        public const string AccountId = "1234567890123456";

        /// <summary>The services one emulator plays, as fault targets and --service-port names spell them.</summary>
        public static readonly string[] ServiceNames = { "vod", "ram", "sts", "mts", "oss" };

        /// <summary>Where the emulator keeps its state unless told otherwise (created if missing).</summary>
        public static string DefaultDataDir() =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "VodTools", "emulator");

        public const string HealthPath = "/_emulator/health";
        public const string ShutdownPath = "/_emulator/shutdown";
        /// <summary>GET lists the fault rules in force, POST adds the rules of a spec (the body), DELETE removes all of
        /// them, DELETE .../ID one.</summary>
        public const string FaultsPath = "/_emulator/faults";
        /// <summary>POST empties the state (the process and port stay).</summary>
        public const string ResetPath = "/_emulator/reset";
        /// <summary>GET answers a snapshot of the state (a zip archive), PUT replaces the state with one.</summary>
        public const string StatePath = "/_emulator/state";

        /// <summary>The emulator's command-line flags.</summary>
        public static class Flags
        {
            public const string Port = "--port";
            public const string DataDir = "--data-dir";
            public const string InMemory = "--in-memory";
            public const string UrlFile = "--url-file";
            public const string SeedSample = "--seed-sample";
            public const string SeedDir = "--seed-dir";
            public const string SeedBucket = "--seed-bucket";
            public const string Quota = "--quota";
            public const string Faults = "--faults";
            public const string FaultSeed = "--fault-seed";
            public const string SearchResultLimit = "--search-result-limit";
            public const string WrongEndpointCode = "--wrong-endpoint-code";
            public const string TranscodeSeconds = "--transcode-seconds";
            public const string StsTokenSeconds = "--sts-token-seconds";
            public const string UploadAuthSeconds = "--upload-auth-seconds";
            public const string ParentPid = "--parent-pid";
            public const string OwnSession = "--own-session";
            public const string Lenient = "--lenient";
            public const string LatencyMs = "--latency-ms";
        }
    }
}
