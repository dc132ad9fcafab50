using System.Collections.Generic;
using System.Threading;
using System;
using VodTools.Api.Endpoints;
using VodTools.Api;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// The session defaults every cmdlet starts from (Set-VodContext, Start-VodEmulator). Immutable and swapped
    /// atomically: the module's static state is shared by every runspace of the process, -Parallel ones included.
    /// </summary>
    public sealed class VodContext
    {
        public static readonly VodContext Empty = new VodContext(ConnectionSettings.Empty);

        private static VodContext _current = Empty;

        private readonly ConnectionSettings? _beforeEmulator;

        public VodContext(ConnectionSettings settings) : this(settings, null, null, null)
        {
        }

        private VodContext(ConnectionSettings settings, int? emulatorProcessId, Uri? emulatorUrl, ConnectionSettings? beforeEmulator)
        {
            Settings = settings;
            EmulatorProcessId = emulatorProcessId;
            EmulatorUrl = emulatorUrl;
            _beforeEmulator = beforeEmulator;
        }

        public static VodContext Current => Volatile.Read(ref _current);

        public static void Replace(VodContext context) => Volatile.Write(ref _current, context);

        /// <summary>The defaults, with "the session context" as the origin of each (for -Debug).</summary>
        public ConnectionSettings Settings { get; }

        /// <summary>The emulator Start-VodEmulator started, so Stop-VodEmulator can stop it.</summary>
        public int? EmulatorProcessId { get; }

        /// <summary>The base URL of that emulator.</summary>
        public Uri? EmulatorUrl { get; }

        /// <summary>These defaults with everything set to set choices on top (Set-VodContext); the emulator, if any, is still tracked.</summary>
        public VodContext With(ConnectionSettings choices) => new VodContext(choices.Over(Settings), EmulatorProcessId, EmulatorUrl, _beforeEmulator);

        /// <summary>The session pointed at an emulator: its URL for every service, its key, and the region given.</summary>
        public VodContext WithEmulator(int processId, Uri url, string region, string accessKeyId, string accessKeySecret)
        {
            var endpoints = new Dictionary<CloudService, Uri>();
            foreach (CloudService service in Enum.GetValues(typeof(CloudService))) endpoints[service] = url;
            var emulator = new ConnectionSettings(region, "the session context", null, accessKeyId, accessKeySecret, null, "the session context (Start-VodEmulator)", endpoints);
            return new VodContext(emulator.Over(Settings), processId, url, _beforeEmulator ?? Settings);
        }

        /// <summary>The defaults as they were before the emulator (public endpoints, the key or profile of then), the region kept.</summary>
        public VodContext WithoutEmulator()
        {
            var before = _beforeEmulator ?? Settings;
            return new VodContext(new ConnectionSettings(Settings.Region, Settings.RegionOrigin).Over(before));
        }
    }
}
