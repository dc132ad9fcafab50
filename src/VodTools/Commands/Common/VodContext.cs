using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.EmulatorControl;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// The session defaults every cmdlet starts from (Set-VodContext, Start-VodEmulator), and the emulator this session
    /// started. Immutable and swapped atomically: the module's static state is shared by every runspace of the process,
    /// -Parallel ones included.
    /// </summary>
    public sealed class VodContext
    {
        public static readonly VodContext Empty = new VodContext(ConnectionSettings.Empty);

        private static VodContext _current = Empty;

        private readonly ConnectionSettings? _beforeEmulator;

        public VodContext(ConnectionSettings settings) : this(settings, null, null)
        {
        }

        private VodContext(ConnectionSettings settings, EmulatorProcess? emulator, ConnectionSettings? beforeEmulator)
        {
            Settings = settings;
            Emulator = emulator;
            _beforeEmulator = beforeEmulator;
        }

        public static VodContext Current => Volatile.Read(ref _current);

        public static void Replace(VodContext context) => Volatile.Write(ref _current, context);

        /// <summary>The defaults, with "the session context" as the origin of each (for -Debug).</summary>
        public ConnectionSettings Settings { get; }

        /// <summary>The emulator Start-VodEmulator started, running or not, kept whatever Set-VodContext changes, so that
        /// Stop-VodEmulator can stop it and a command can say when it has died.</summary>
        internal EmulatorProcess? Emulator { get; }

        public int? EmulatorProcessId => Emulator?.Process.Id;

        /// <summary>The base URL of that emulator.</summary>
        public Uri? EmulatorUrl => Emulator?.Url;

        /// <summary>True when a service of the defaults is that emulator.</summary>
        public bool OnEmulator => Emulator != null && Settings.Endpoints.Values.Contains(Emulator.Url);

        /// <summary>These defaults with every set choice on top (Set-VodContext); the emulator stays tracked.</summary>
        public VodContext With(ConnectionSettings choices) => new VodContext(choices.Over(Settings), Emulator, _beforeEmulator);

        /// <summary>No defaults (Set-VodContext -Reset): the credential chain and public endpoints decide; the emulator stays tracked.</summary>
        public VodContext Reset() => new VodContext(ConnectionSettings.Empty, Emulator, null);

        /// <summary>The session pointed at an emulator: its URL for every service, its key, and the region given.</summary>
        internal VodContext WithEmulator(EmulatorProcess emulator, string region, string accessKeyId, string accessKeySecret)
        {
            var endpoints = new Dictionary<CloudService, Uri>();
            foreach (CloudService service in Enum.GetValues(typeof(CloudService))) endpoints[service] = emulator.Url;
            var onEmulator = new ConnectionSettings(region, "the session context", null, accessKeyId, accessKeySecret, null, "the session context (Start-VodEmulator)", endpoints);
            var before = OnEmulator ? _beforeEmulator ?? Settings : Settings;
            return new VodContext(onEmulator.Over(before), emulator, before);
        }

        /// <summary>What Get-VodContext shows of these defaults: secrets masked, and which cloud they point at.</summary>
        internal VodContextInfo Describe() =>
            new VodContextInfo
            {
                Region = Settings.Region,
                ProfileName = Settings.ProfileName,
                AccessKeyId = Settings.AccessKeyId == null ? null : CloudCredentials.Mask(Settings.AccessKeyId),
                AccessKeySecret = Settings.AccessKeySecret == null ? null : "****",
                SecurityToken = Settings.SecurityToken == null ? null : "****",
                Endpoints = Settings.Endpoints.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString()),
                AllowInsecureHttp = Settings.AllowInsecureHttp,
                EmulatorProcessId = EmulatorProcessId,
                EmulatorRunning = Emulator?.IsRunning,
                Target = SessionTarget.Describe(Settings, Settings.Region, Emulator),
            };

        /// <summary>The emulator forgotten (Stop-VodEmulator). If the session was on it, the defaults go back to what they
        /// were before it (public endpoints, the key or profile of then), the region kept; else they stay as they are.</summary>
        public VodContext WithoutEmulator()
        {
            if (!OnEmulator) return new VodContext(Settings);
            var before = _beforeEmulator ?? ConnectionSettings.Empty;
            return new VodContext(new ConnectionSettings(Settings.Region, Settings.RegionOrigin).Over(before));
        }
    }
}
