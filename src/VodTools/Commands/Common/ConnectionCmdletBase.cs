using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Api.Endpoints;
using VodTools.Api;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// The seven connection parameters, declared once for every cloud cmdlet and for Set-VodContext, and their
    /// translation into one layer of <see cref="ConnectionSettings"/>.
    /// </summary>
    public abstract class ConnectionCmdletBase : PSCmdlet
    {
        /// <summary>The region id, e.g. <c>cn-shanghai</c>. Default: session context, ALIBABA_CLOUD_REGION_ID, profile, cn-shanghai.</summary>
        [Parameter]
        [ValidateRegionId]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>A profile of the aliyun CLI config or the credentials file. It must exist.</summary>
        [Parameter]
        [Alias("Profile")]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>An explicit AccessKey ID (with -AccessKeySecret).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKeyId { get; set; }

        /// <summary>An explicit AccessKey secret (with -AccessKeyId). Prefer -Credential or a profile.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKeySecret { get; set; }

        /// <summary>The STS token of temporary credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SecurityToken { get; set; }

        /// <summary>The key as a PSCredential: user name = AccessKey ID, password = secret.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>One base URL for every service this call uses, e.g. the emulator's <c>http://127.0.0.1:8990</c>.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? Endpoint { get; set; }

        /// <summary>The choices these parameters make, named for -Debug by the origins given (default: the parameters themselves).</summary>
        protected ConnectionSettings ParameterSettings(
            IDictionary<CloudService, Uri>? moreEndpoints = null, bool allowInsecureHttp = false, string regionOrigin = "the Region parameter", string? keyOrigin = null)
        {
            var endpoints = new Dictionary<CloudService, Uri>();
            if (Endpoint != null) foreach (CloudService service in Enum.GetValues(typeof(CloudService))) endpoints[service] = Endpoint;
            if (moreEndpoints != null) foreach (var endpoint in moreEndpoints) endpoints[endpoint.Key] = endpoint.Value;
            return new ConnectionSettings(
                Region, regionOrigin, ProfileName,
                AccessKeyId ?? Credential?.UserName, AccessKeySecret ?? Credential?.GetNetworkCredential().Password, SecurityToken,
                keyOrigin ?? (Credential != null ? "the Credential parameter" : null), endpoints, allowInsecureHttp);
        }
    }
}
