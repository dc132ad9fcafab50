using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Api.Endpoints;
using VodTools.Api;

namespace VodTools.Commands.Common
{
    /// <summary>
    /// The seven connection parameters, declared once for every cloud cmdlet and for Set-VodContext, and their
    /// translation into one layer of <see cref="ConnectionSettings"/>. A key, a profile and a credential are three sources
    /// of credentials: PowerShell refuses a second one as it binds it (ParameterBindingFailed), before the cmdlet starts.
    /// Parameter sets would say the same in the syntax, but every cmdlet that has sets of its own would need each of them
    /// times four; a setter that refuses says it once for all.
    /// </summary>
    public abstract class ConnectionCmdletBase : PSCmdlet
    {
        private const string KeySource = "an access key (-AccessKeyId and -AccessKeySecret)";
        private const string ProfileSource = "a profile (-ProfileName)";
        private const string CredentialSource = "a credential (-Credential)";

        private string? _source;
        private bool _token;
        private string? _profileName;
        private string? _accessKeyId;
        private string? _accessKeySecret;
        private string? _securityToken;
        private PSCredential? _credential;

        /// <summary>The region id, e.g. <c>cn-shanghai</c>. Default: session context, ALIBABA_CLOUD_REGION_ID, profile, cn-shanghai.</summary>
        [Parameter]
        [ValidateRegionId]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>A profile of the aliyun CLI config or the credentials file. It must exist. Not with a key or -Credential.</summary>
        [Parameter]
        [Alias("Profile")]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get => _profileName; set => _profileName = Claim(ProfileSource, value); }

        /// <summary>An explicit AccessKey ID (with -AccessKeySecret). Not with -ProfileName or -Credential.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKeyId { get => _accessKeyId; set => _accessKeyId = Claim(KeySource, value); }

        /// <summary>An explicit AccessKey secret (with -AccessKeyId). Prefer -Credential or a profile.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKeySecret { get => _accessKeySecret; set => _accessKeySecret = Claim(KeySource, value); }

        /// <summary>The STS token of temporary credentials, with a key or -Credential (a profile holds its own).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SecurityToken { get => _securityToken; set => _securityToken = ClaimToken(value); }

        /// <summary>The key as a PSCredential: user name = AccessKey ID, password = secret. Not with a key or -ProfileName.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get => _credential; set => _credential = Claim(CredentialSource, value); }

        /// <summary>One base URL for every service this call uses, e.g. the emulator's <c>http://127.0.0.1:8990</c>.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? Endpoint { get; set; }

        /// <summary>Takes a value of one source of credentials, refusing it when another source was given.</summary>
        private T Claim<T>(string source, T value)
        {
            if (_source != null && _source != source) throw Refusal(_source, source);
            if (_token && source == ProfileSource) throw Refusal("an STS token (-SecurityToken)", source);
            _source = source;
            return value;
        }

        private string? ClaimToken(string? token)
        {
            if (_source == ProfileSource) throw Refusal(ProfileSource, "an STS token (-SecurityToken)");
            _token = true;
            return token;
        }

        private static ArgumentException Refusal(string given, string refused) =>
            new ArgumentException($"Give one source of credentials, not two: {given} was given, and {refused} as well.");

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
