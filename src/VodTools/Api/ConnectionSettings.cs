using System.Collections.Generic;
using System;
using VodTools.Api.Endpoints;

namespace VodTools.Api
{
    /// <summary>
    /// Where to connect and as whom, as one layer of choices: a cmdlet's parameters, the session context, or nothing
    /// (the credential chain decides). Layers are merged by <see cref="Over"/>, the one place the precedence rules live.
    /// Immutable, so the session context can be shared by every runspace of the process.
    /// </summary>
    public sealed class ConnectionSettings
    {
        private static readonly IReadOnlyDictionary<CloudService, Uri> NoEndpoints = new Dictionary<CloudService, Uri>();

        public static readonly ConnectionSettings Empty = new ConnectionSettings();

        public ConnectionSettings(
            string? region = null, string? regionOrigin = null, string? profileName = null,
            string? accessKeyId = null, string? accessKeySecret = null, string? securityToken = null, string? keyOrigin = null,
            IReadOnlyDictionary<CloudService, Uri>? endpoints = null, bool allowInsecureHttp = false)
        {
            Region = region;
            RegionOrigin = region == null ? null : regionOrigin ?? "the Region parameter";
            ProfileName = profileName;
            AccessKeyId = accessKeyId;
            AccessKeySecret = accessKeySecret;
            SecurityToken = securityToken;
            KeyOrigin = HasKey ? keyOrigin : null;
            Endpoints = endpoints ?? NoEndpoints;
            AllowInsecureHttp = allowInsecureHttp;
        }

        public string? Region { get; }

        /// <summary>Where <see cref="Region"/> came from, for -Debug.</summary>
        public string? RegionOrigin { get; }

        /// <summary>A profile of the aliyun CLI config or the credentials file; it must exist.</summary>
        public string? ProfileName { get; }

        public string? AccessKeyId { get; }

        public string? AccessKeySecret { get; }

        public string? SecurityToken { get; }

        /// <summary>Where the explicit key came from, for -Debug; null means the AccessKeyId/AccessKeySecret parameters.</summary>
        public string? KeyOrigin { get; }

        /// <summary>True when any part of an explicit key is set (half a key is the credential chain's error to report).</summary>
        public bool HasKey => AccessKeyId != null || AccessKeySecret != null || SecurityToken != null;

        /// <summary>Per-service base URIs that win over the region's public endpoints (e.g. the local emulator).</summary>
        public IReadOnlyDictionary<CloudService, Uri> Endpoints { get; }

        /// <summary>Allows plain-HTTP endpoints that are not loopback (credentials would cross the network unencrypted).</summary>
        public bool AllowInsecureHttp { get; }

        /// <summary>
        /// These choices laid over <paramref name="lower"/>: a region or endpoint set here wins; a key set here replaces the
        /// lower layer's key and profile, a profile set here replaces its key (both set on one layer is left for the
        /// credential chain to refuse as ambiguous); allowing insecure HTTP on either layer allows it.
        /// </summary>
        public ConnectionSettings Over(ConnectionSettings lower)
        {
            var endpoints = new Dictionary<CloudService, Uri>();
            foreach (var endpoint in lower.Endpoints) endpoints[endpoint.Key] = endpoint.Value;
            foreach (var endpoint in Endpoints) endpoints[endpoint.Key] = endpoint.Value;
            var credentials = HasKey || ProfileName != null ? this : lower;
            return new ConnectionSettings(
                Region ?? lower.Region, Region != null ? RegionOrigin : lower.RegionOrigin, credentials.ProfileName,
                credentials.AccessKeyId, credentials.AccessKeySecret, credentials.SecurityToken, credentials.KeyOrigin,
                endpoints, AllowInsecureHttp || lower.AllowInsecureHttp);
        }
    }
}
