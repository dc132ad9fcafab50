using System;
using System.Collections.Generic;
using System.Linq;
using VodTools.Api;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;

namespace VodTools.Services
{
    /// <summary>What a session is opened from: the resolved choices of parameters, session context and environment.</summary>
    public sealed class CloudSessionRequest
    {
        public string? Region { get; set; }
        /// <summary>Where <see cref="Region"/> came from, for -Debug.</summary>
        public string RegionOrigin { get; set; } = "the Region parameter";
        public string? ProfileName { get; set; }
        public string? AccessKeyId { get; set; }
        public string? AccessKeySecret { get; set; }
        public string? SecurityToken { get; set; }
        /// <summary>Where the explicit key came from, for -Debug.</summary>
        public string? ExplicitKeyOrigin { get; set; }
        /// <summary>Per-service base URIs that win over the region's public endpoints (e.g. the local emulator).</summary>
        public IDictionary<CloudService, Uri> Endpoints { get; } = new Dictionary<CloudService, Uri>();
        public EndpointNetwork Network { get; set; } = EndpointNetwork.Public;
        /// <summary>Allows plain-HTTP endpoints that are not loopback (credentials would cross the network unencrypted).</summary>
        public bool AllowInsecureHttp { get; set; }
        public ClientOptions Options { get; set; } = new ClientOptions();
        public CredentialEnvironment? Environment { get; set; }
        public string? HomeDirectory { get; set; }

        public CloudSessionRequest WithEndpoints(IEnumerable<KeyValuePair<CloudService, Uri>> endpoints)
        {
            foreach (var endpoint in endpoints) Endpoints[endpoint.Key] = endpoint.Value;
            return this;
        }
    }

    /// <summary>
    /// The services of one cmdlet invocation, built from a resolved region, credential source and endpoints.
    /// Creating it does no network I/O; credentials are fetched on the first call.
    /// </summary>
    public sealed class CloudSession
    {
        private readonly Lazy<VodService> _vod;
        private readonly Lazy<RamService> _ram;
        private readonly Lazy<StsService> _sts;
        private readonly Lazy<OssService> _oss;
        private readonly HttpTransport _transport;
        private readonly ClientOptions _options;

        private CloudSession(ResolvedRegion region, ICredentialProvider credentials, EndpointResolver endpoints, ClientOptions options, HttpTransport transport)
        {
            Region = region;
            Credentials = credentials;
            Endpoints = endpoints;
            _transport = transport;
            _options = options;
            _vod = new Lazy<VodService>(() => new VodService(new RpcClient(RpcService.Vod, endpoints.GetBaseUri(CloudService.Vod), credentials, transport, options)));
            _ram = new Lazy<RamService>(() => new RamService(new RpcClient(RpcService.Ram, endpoints.GetBaseUri(CloudService.Ram), credentials, transport, options)));
            _sts = new Lazy<StsService>(() => new StsService(new RpcClient(RpcService.Sts, endpoints.GetBaseUri(CloudService.Sts), credentials, transport, options)));
            _oss = new Lazy<OssService>(() => new OssService(new OssClient(endpoints.GetBaseUri(CloudService.Oss), region.RegionId, credentials, transport, options)));
        }

        public ResolvedRegion Region { get; }
        public ICredentialProvider Credentials { get; }
        public EndpointResolver Endpoints { get; }

        public VodService Vod => _vod.Value;
        public RamService Ram => _ram.Value;
        public StsService Sts => _sts.Value;
        public OssService Oss => _oss.Value;

        /// <summary>An OSS client for another endpoint and key (e.g. VOD's upload location and credentials) that retries and logs as this session's.</summary>
        public OssClient OssClientFor(Uri endpoint, string region, ICredentialProvider credentials) => new OssClient(endpoint, region, credentials, _transport, _options);

        /// <summary>Resolves region, credentials and endpoints; throws <see cref="CredentialsException"/> or <see cref="ValidationException"/> before any call.</summary>
        public static CloudSession Open(CloudSessionRequest request, HttpTransport transport)
        {
            var overrides = request.Endpoints.ToDictionary(e => e.Key, e => e.Value);
            foreach (var endpoint in overrides.Values)
            {
                if (endpoint.Scheme == "http" && !endpoint.IsLoopback && !request.AllowInsecureHttp)
                    throw new ValidationException("InsecureEndpoint",
                        $"{endpoint} is plain HTTP and not on this machine: credentials would cross the network unencrypted. Use https, or allow it explicitly with Set-VodContext -AllowInsecureHttp.", "Endpoint");
            }

            var chainOptions = new CredentialChainOptions(
                request.Environment ?? CredentialEnvironment.FromProcess(),
                request.HomeDirectory ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
                transport.HttpClient)
            {
                AccessKeyId = request.AccessKeyId,
                AccessKeySecret = request.AccessKeySecret,
                SecurityToken = request.SecurityToken,
                ProfileName = request.ProfileName,
                ExplicitKeyOrigin = request.ExplicitKeyOrigin,
            };
            var region = RegionResolver.Resolve(request.Region, chainOptions, request.RegionOrigin);
            EndpointResolver endpoints;
            try
            {
                endpoints = new EndpointResolver(region.RegionId, request.Network, overrides);
            }
            catch (ArgumentException e)
            {
                throw new ValidationException("EndpointInvalid", e.Message, "Endpoint");
            }

            // RamRoleArn profiles: STS AssumeRole signed with the source key, at the profile's STS region or the override.
            chainOptions.AssumeRole = (source, parameters, cancellationToken) =>
                new StsService(new RpcClient(RpcService.Sts, endpoints.GetStsBaseUri(parameters.StsRegion), new StaticCredentialProvider(source, "role source"), transport, request.Options))
                    .AssumeRoleAsync(parameters, cancellationToken);

            chainOptions.AssumeRoleWithOidc = (parameters, oidcToken, cancellationToken) =>
                new StsService(new RpcClient(RpcService.Sts, endpoints.GetStsBaseUri(parameters.StsRegion), null, transport, request.Options, RpcSignatureVersion.Anonymous))
                    .AssumeRoleWithOidcAsync(parameters, oidcToken, cancellationToken);

            var credentials = CredentialChain.Resolve(chainOptions);
            return new CloudSession(region, credentials, endpoints, request.Options, transport);
        }
    }
}
