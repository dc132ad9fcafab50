using System;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Mts;
using VodTools.Services.Oss;
using VodTools.Services.Ram;
using VodTools.Services.Sts;
using VodTools.Services.Vod;

namespace VodTools.Services
{
    /// <summary>
    /// The services of one cmdlet invocation, built from a resolved region, credential source and endpoints.
    /// Creating it does no network I/O; credentials are fetched on the first call.
    /// </summary>
    public sealed class CloudSession
    {
        /// <summary>The ErrorId of a VOD call in a region VOD does not serve.</summary>
        public const string VodRegionNotSupported = "VodRegionNotSupported";

        private readonly Lazy<VodService> _vod;
        private readonly Lazy<VodDomainService> _vodDomains;
        private readonly Lazy<RamService> _ram;
        private readonly Lazy<StsService> _sts;
        private readonly Lazy<MtsService> _mts;
        private readonly Lazy<OssService> _oss;
        private readonly HttpTransport _transport;
        private readonly ClientOptions _options;

        private readonly ConnectionSettings _settings;

        private CloudSession(ConnectionSettings settings, ResolvedRegion region, ICredentialProvider credentials, EndpointResolver endpoints, ClientOptions options, HttpTransport transport)
        {
            _settings = settings;
            Region = region;
            Credentials = credentials;
            Endpoints = endpoints;
            _transport = transport;
            _options = options;
            _vod = new Lazy<VodService>(() => new VodService(new RpcClient(RpcService.Vod, endpoints.GetBaseUri(CloudService.Vod), credentials, transport, options)));
            _vodDomains = new Lazy<VodDomainService>(() => new VodDomainService(new RpcClient(RpcService.Vod, endpoints.GetVodDomainBaseUri(), credentials, transport, options)));
            _ram = new Lazy<RamService>(() => new RamService(new RpcClient(RpcService.Ram, endpoints.GetBaseUri(CloudService.Ram), credentials, transport, options)));
            _sts = new Lazy<StsService>(() => new StsService(new RpcClient(RpcService.Sts, endpoints.GetBaseUri(CloudService.Sts), credentials, transport, options)));
            _mts = new Lazy<MtsService>(() => new MtsService(new RpcClient(RpcService.Mts, endpoints.GetBaseUri(CloudService.Mts), credentials, transport, options)));
            _oss = new Lazy<OssService>(() => new OssService(new OssClient(endpoints.GetBaseUri(CloudService.Oss), region.RegionId, credentials, transport, options)));
        }

        public ResolvedRegion Region { get; }
        public ICredentialProvider Credentials { get; }
        public EndpointResolver Endpoints { get; }

        /// <summary>VOD in the session's region; a region VOD does not serve is refused before any request.</summary>
        public VodService Vod => Endpoints.ServesVod ? _vod.Value : throw NoVodIn(Region.RegionId);

        /// <summary>VOD's CDN domain operations, which VOD answers in Shanghai whatever the session's region.</summary>
        public VodDomainService VodDomains => _vodDomains.Value;
        public RamService Ram => _ram.Value;
        public StsService Sts => _sts.Value;
        public MtsService Mts => _mts.Value;
        public OssService Oss => _oss.Value;

        /// <summary>
        /// An OSS client for another endpoint and key (e.g. VOD's upload location and credentials) that retries and logs as
        /// this session's, under the same rule for plain HTTP.
        /// </summary>
        public OssClient OssClientFor(Uri endpoint, string region, ICredentialProvider credentials)
        {
            CheckSecure(_settings, endpoint, "VOD named the upload endpoint");
            return new OssClient(endpoint, region, credentials, _transport, _options);
        }

        /// <summary>Resolves region, credentials and endpoints; throws <see cref="CredentialsException"/> or <see cref="ValidationException"/> before any call.</summary>
        public static CloudSession Open(ConnectionSettings settings, ClientOptions options, HttpTransport transport, CredentialEnvironment? environment = null, string? homeDirectory = null)
        {
            foreach (var endpoint in settings.Endpoints.Values)
            {
                if (EndpointResolver.EndpointProblem(endpoint) is string problem) throw new ValidationException("EndpointInvalid", problem, "Endpoint") { AffectsEveryItem = true };
                CheckSecure(settings, endpoint, "The endpoint");
            }

            var chainOptions = new CredentialChainOptions(
                environment ?? CredentialEnvironment.FromProcess(),
                homeDirectory ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
                transport.HttpClient)
            {
                Settings = settings,
            };
            var region = RegionResolver.Resolve(settings.Region, chainOptions, settings.RegionOrigin ?? "the Region parameter");
            EndpointResolver endpoints;
            try
            {
                endpoints = new EndpointResolver(region.RegionId, EndpointNetwork.Public, settings.Endpoints);
            }
            catch (ArgumentException e)
            {
                throw new ValidationException("EndpointInvalid", e.Message, "Endpoint");
            }

            // RamRoleArn profiles: STS AssumeRole signed with the source key, at the profile's STS region or the override.
            chainOptions.AssumeRole = (source, parameters, cancellationToken) =>
                new StsService(new RpcClient(RpcService.Sts, endpoints.GetStsBaseUri(parameters.StsRegion, parameters.StsVpc), new StaticCredentialProvider(source, "role source"), transport, options))
                    .AssumeRoleAsync(parameters, cancellationToken);

            chainOptions.AssumeRoleWithOidc = (parameters, oidcToken, cancellationToken) =>
                new StsService(new RpcClient(RpcService.Sts, endpoints.GetStsBaseUri(parameters.StsRegion, parameters.StsVpc), null, transport, options, RpcSignatureVersion.Anonymous))
                    .AssumeRoleWithOidcAsync(parameters, oidcToken, cancellationToken);

            var credentials = CredentialChain.Resolve(chainOptions);
            return new CloudSession(settings, region, credentials, endpoints, options, transport);
        }

        private static ValidationException NoVodIn(string region) =>
            new ValidationException(VodRegionNotSupported,
                $"VOD is not offered in {region}. VOD serves {string.Join(", ", EndpointResolver.VodRegions)} (cn-hangzhou is served by cn-shanghai), " +
                "and a bucket you add to VOD must be in one of these regions too. Choose one with -Region or Set-VodContext -Region; " +
                "if VOD answers you at another address, give it with Set-VodContext -VodEndpoint.", "Region")
            { AffectsEveryItem = true };

        /// <summary>A plain-HTTP endpoint off this machine is refused unless the settings allow it: credentials would cross the network unencrypted.</summary>
        private static void CheckSecure(ConnectionSettings settings, Uri endpoint, string what)
        {
            if (endpoint.Scheme == "http" && !endpoint.IsLoopback && !settings.AllowInsecureHttp)
                throw new ValidationException("InsecureEndpoint",
                    $"{what} {endpoint} is plain HTTP and not on this machine: credentials would cross the network unencrypted. Use https, or allow it explicitly with Set-VodContext -AllowInsecureHttp.", "Endpoint");
        }
    }
}
