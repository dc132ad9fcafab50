using System;
using System.Collections.Generic;
using System.Threading;
using VodTools.Api;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// The session defaults every cmdlet starts from (Set-VodContext, Start-VodEmulator). Immutable and swapped
    /// atomically: the module's static state is shared by every runspace of the process, -Parallel ones included.
    /// </summary>
    public sealed class VodContext
    {
        private static VodContext _current = new VodContext(null, null, null, new Dictionary<CloudService, Uri>(), false, null);

        public VodContext(string? region, string? profileName, CloudCredentials? credentials, IReadOnlyDictionary<CloudService, Uri> endpoints, bool allowInsecureHttp, int? emulatorProcessId)
        {
            Region = region;
            ProfileName = profileName;
            Credentials = credentials;
            Endpoints = endpoints;
            AllowInsecureHttp = allowInsecureHttp;
            EmulatorProcessId = emulatorProcessId;
        }

        public static VodContext Current => Volatile.Read(ref _current);

        public static void Replace(VodContext context) => Volatile.Write(ref _current, context);

        public string? Region { get; }
        public string? ProfileName { get; }
        /// <summary>An access key set for the session (e.g. the emulator's); null to use the credential chain.</summary>
        public CloudCredentials? Credentials { get; }
        public IReadOnlyDictionary<CloudService, Uri> Endpoints { get; }
        public bool AllowInsecureHttp { get; }
        /// <summary>The emulator Start-VodEmulator started, so Stop-VodEmulator can stop it.</summary>
        public int? EmulatorProcessId { get; }

        /// <summary>
        /// What a session opened from these defaults alone asks for: the context's key (else its profile, else the chain),
        /// region, endpoints and HTTP rule. Cmdlet parameters are laid over it by the caller.
        /// </summary>
        internal CloudSessionRequest ToSessionRequest(ClientOptions options)
        {
            var request = new CloudSessionRequest
            {
                Region = Region,
                RegionOrigin = "the session context",
                AllowInsecureHttp = AllowInsecureHttp,
                Options = options,
            };
            if (Credentials != null)
            {
                request.AccessKeyId = Credentials.AccessKeyId;
                request.AccessKeySecret = Credentials.AccessKeySecret;
                request.SecurityToken = Credentials.SecurityToken;
                request.ExplicitKeyOrigin = EmulatorProcessId != null ? "the session context (Start-VodEmulator)" : "the session context (Set-VodContext)";
            }
            else
            {
                request.ProfileName = ProfileName;
            }
            return request.WithEndpoints(Endpoints);
        }

        public VodContext With(
            string? region = null, string? profileName = null, CloudCredentials? credentials = null,
            IReadOnlyDictionary<CloudService, Uri>? endpoints = null, bool? allowInsecureHttp = null, int? emulatorProcessId = null) =>
            new VodContext(region ?? Region, profileName ?? ProfileName, credentials ?? Credentials, endpoints ?? Endpoints,
                allowInsecureHttp ?? AllowInsecureHttp, emulatorProcessId ?? EmulatorProcessId);
    }
}
