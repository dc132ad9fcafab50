using System;

namespace VodTools.Api
{
    /// <summary>One RPC-style product: its name in diagnostics, API version, signature and per-action QPS limits.</summary>
    public sealed class RpcService
    {
        public static readonly RpcService Vod = new RpcService("VOD", "2017-03-21", RpcSignatureVersion.V3, (action, endpoint) => VodQuota.Of(action, VodQuota.RegionOf(endpoint)));
        public static readonly RpcService Ram = new RpcService("RAM", "2015-05-01", RpcSignatureVersion.V3, null);
        public static readonly RpcService Mts = new RpcService("MTS", "2014-06-18", RpcSignatureVersion.V3, null);

        /// <summary>Alibaba's own STS SDK forces the HMAC-SHA1 signature (alibabacloud-go/sts-20150401 client.go signs with SignatureVersion 1.0); so do we.</summary>
        public static readonly RpcService Sts = new RpcService("STS", "2015-04-01", RpcSignatureVersion.V1, null);

        private RpcService(string name, string version, RpcSignatureVersion signature, Func<string, Uri, int>? quotaOf)
        {
            Name = name;
            Version = version;
            DefaultSignature = signature;
            QuotaOf = quotaOf;
        }

        public string Name { get; }
        public string Version { get; }
        public RpcSignatureVersion DefaultSignature { get; }

        /// <summary>An action's calls per second at an endpoint (each action its own budget), or null for products without per-API quotas.</summary>
        public Func<string, Uri, int>? QuotaOf { get; }
    }
}
