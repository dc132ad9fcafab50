using System.Collections.Generic;
using System;

namespace VodTools.Api.Endpoints
{
    /// <summary>
    /// The base URI of each service for a region and network (spec/rpc-apis.md §6, §7.1; spec/oss-api.md §1.1).
    /// A per-service override (e.g. <c>http://127.0.0.1:8990</c> for the local emulator) wins over the rules.
    /// Immutable.
    /// </summary>
    public sealed class EndpointResolver
    {
        /// <summary>The VOD SDK's endpoint map: Hangzhou accounts are served by the Shanghai endpoint.</summary>
        private static readonly IReadOnlyDictionary<string, string> VodRegionMap =
            new Dictionary<string, string>(StringComparer.Ordinal) { ["cn-hangzhou"] = "cn-shanghai" };

        private readonly IReadOnlyDictionary<CloudService, Uri> _overrides;

        public EndpointResolver(string regionId, EndpointNetwork network = EndpointNetwork.Public, IReadOnlyDictionary<CloudService, Uri>? overrides = null)
        {
            RegionId = Endpoints.RegionId.Validate(regionId, nameof(regionId));
            Network = network;
            var copy = new Dictionary<CloudService, Uri>();
            if (overrides != null)
            {
                foreach (var pair in overrides)
                {
                    copy[pair.Key] = CheckOverride(pair.Key, pair.Value);
                }
            }

            _overrides = copy;
        }

        public string RegionId { get; }

        public EndpointNetwork Network { get; }

        public bool IsPrivateNetwork => Network != EndpointNetwork.Public;

        /// <summary>The base URI (scheme, host, optional port, path <c>/</c>) requests to <paramref name="service"/> go to.</summary>
        public Uri GetBaseUri(CloudService service)
        {
            if (_overrides.TryGetValue(service, out var overridden))
            {
                return overridden;
            }

            switch (service)
            {
                case CloudService.Vod:
                    var vodRegion = VodRegionMap.TryGetValue(RegionId, out var mapped) ? mapped : RegionId;
                    return Https((IsPrivateNetwork ? "vod-vpc." : "vod.") + vodRegion + ".aliyuncs.com");
                case CloudService.Ram:
                    // RAM is global: one public endpoint for every region.
                    return Https("ram.aliyuncs.com");
                case CloudService.Sts:
                    return GetStsBaseUri(RegionId);
                case CloudService.Oss:
                    return Https("oss-" + RegionId + (IsPrivateNetwork ? "-internal" : string.Empty) + ".aliyuncs.com");
                default:
                    throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown service.");
            }
        }

        /// <summary>
        /// The STS endpoint for AssumeRole: the override if any, else the regional one of <paramref name="stsRegion"/>,
        /// else the global <c>sts.aliyuncs.com</c> (credentials-go's rule).
        /// </summary>
        public Uri GetStsBaseUri(string? stsRegion)
        {
            if (_overrides.TryGetValue(CloudService.Sts, out var overridden))
            {
                return overridden;
            }

            if (string.IsNullOrEmpty(stsRegion))
            {
                return Https("sts.aliyuncs.com");
            }

            var region = Endpoints.RegionId.Validate(stsRegion, nameof(stsRegion));
            return Https((IsPrivateNetwork ? "sts-vpc." : "sts.") + region + ".aliyuncs.com");
        }

        /// <summary>
        /// Reads an override as users type it: a full base URI (<c>http://127.0.0.1:8990</c>) or a bare host
        /// (<c>vod.example.com</c>, meaning https).
        /// </summary>
        public static Uri ParseOverride(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("The endpoint is empty.", nameof(value));
            }

            var text = value.Trim();
            var withScheme = text.Contains("://") ? text : "https://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri))
            {
                throw new ArgumentException($"'{value}' is neither a host name nor an absolute http or https URI.", nameof(value));
            }

            return uri;
        }

        private static Uri CheckOverride(CloudService service, Uri uri)
        {
            if (uri == null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The {service} endpoint override must be an absolute http or https URI, e.g. http://127.0.0.1:8990.");
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw new ArgumentException($"The {service} endpoint override {uri} must not have a query or fragment.");
            }

            return uri;
        }

        private static Uri Https(string host) => new Uri("https://" + host + "/");
    }
}
