using System.Collections.Generic;
using System.Linq;
using System;

namespace VodTools.Api.Endpoints
{
    /// <summary>
    /// The base URI of each service for a region and network (VOD "Endpoints" in its API reference and
    /// alibabacloud-go/vod-20170321 client.go's endpoint map; STS and OSS "Regions and endpoints").
    /// A per-service override (e.g. <c>http://127.0.0.1:8990</c> for the local emulator) wins over the rules.
    /// Immutable.
    /// </summary>
    public sealed class EndpointResolver
    {
        /// <summary>The VOD SDK's endpoint map: Hangzhou accounts are served by the Shanghai endpoint.</summary>
        private static readonly IReadOnlyDictionary<string, string> VodRegionMap =
            new Dictionary<string, string>(StringComparer.Ordinal) { ["cn-hangzhou"] = "cn-shanghai" };

        /// <summary>The regions VOD serves, each at vod.&lt;region&gt;.aliyuncs.com (VOD API reference, "Endpoints").</summary>
        public static readonly IReadOnlyList<string> VodRegions = new[]
        {
            "cn-beijing", "cn-shanghai", "cn-shenzhen", "ap-northeast-1", "ap-southeast-1", "ap-southeast-5", "cn-hongkong", "eu-central-1", "us-west-1",
        };

        /// <summary>VOD's CDN domain operations are answered in Shanghai only, whatever the account's storage region.</summary>
        public const string VodDomainRegion = "cn-shanghai";

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

        /// <summary>True when VOD calls have somewhere to go: an override, or a region VOD serves (Hangzhou through Shanghai).</summary>
        public bool ServesVod => _overrides.ContainsKey(CloudService.Vod) || OffersVod(RegionId);

        /// <summary>True when VOD is offered in <paramref name="regionId"/>: one of <see cref="VodRegions"/>, or Hangzhou (served by Shanghai).</summary>
        public static bool OffersVod(string regionId) => VodRegions.Contains(VodRegionOf(regionId));

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
                    if (!ServesVod) throw new InvalidOperationException($"VOD is not offered in {RegionId}.");
                    return Https((IsPrivateNetwork ? "vod-vpc." : "vod.") + VodRegionOf(RegionId) + ".aliyuncs.com");
                case CloudService.Ram:
                    // RAM is global: one public endpoint for every region.
                    return Https("ram.aliyuncs.com");
                case CloudService.Sts:
                    return GetStsBaseUri(RegionId);
                case CloudService.Mts:
                    // the MTS SDK's rule, mts.<region>.aliyuncs.com (its endpoint map names only internal regions); no VPC
                    // endpoint is published for it, so the public one serves every network
                    return Https("mts." + RegionId + ".aliyuncs.com");
                case CloudService.Oss:
                    return Https("oss-" + RegionId + (IsPrivateNetwork ? "-internal" : string.Empty) + ".aliyuncs.com");
                default:
                    throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown service.");
            }
        }

        /// <summary>
        /// Where VOD's CDN domain operations go: the VOD override if any, else Shanghai's public endpoint (a VPC endpoint
        /// is reachable from its own region only, and these calls leave the session's region).
        /// </summary>
        public Uri GetVodDomainBaseUri() =>
            _overrides.TryGetValue(CloudService.Vod, out var overridden) ? overridden : Https("vod." + VodDomainRegion + ".aliyuncs.com");

        /// <summary>
        /// The STS endpoint for AssumeRole: the override if any, else the regional one of <paramref name="stsRegion"/>
        /// (its VPC endpoint when <paramref name="vpc"/> or the session's network asks), else the global
        /// <c>sts.aliyuncs.com</c>, where the VPC choice is ignored (credentials-csharp's rule).
        /// </summary>
        public Uri GetStsBaseUri(string? stsRegion, bool vpc = false)
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
            return Https((vpc || IsPrivateNetwork ? "sts-vpc." : "sts.") + region + ".aliyuncs.com");
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
            var problem = EndpointProblem(uri);
            if (problem != null) throw new ArgumentException($"The {service} endpoint: {problem}");
            return uri;
        }

        /// <summary>
        /// Why <paramref name="uri"/>, as a user typed it, cannot be an endpoint, in words; null when it can: an endpoint is
        /// an absolute http or https URL without query or fragment. (PowerShell reads <c>127.0.0.1:8990</c> as a relative
        /// URI and <c>localhost:8990</c> as one of scheme "localhost": both lack the scheme.)
        /// </summary>
        public static string? EndpointProblem(Uri? uri)
        {
            if (uri == null || uri.OriginalString.Trim().Length == 0) return "The endpoint is empty.";
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                return $"'{uri.OriginalString}' does not start with http:// or https://, so it names no protocol to call with. "
                    + $"Write http://{uri.OriginalString} for the emulator on this machine, or https://{uri.OriginalString} for a remote endpoint.";
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                return $"{uri} must not have a query or fragment: give the base URL, e.g. http://127.0.0.1:8990.";
            return null;
        }

        /// <summary>The region whose VOD serves a session in <paramref name="regionId"/> (itself, or Shanghai for Hangzhou).</summary>
        public static string VodRegionOf(string regionId) => VodRegionMap.TryGetValue(regionId, out var mapped) ? mapped : regionId;

        private static Uri Https(string host) => new Uri("https://" + host + "/");
    }
}
