using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets the session defaults every VodTools cmdlet starts from: region, profile or key, endpoints.</para>
    /// <para type="description">The context is shared by every runspace of this process (ForEach-Object -Parallel included).
    /// Parameters of a cmdlet still win over it.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VodContextInfo))]
    public sealed class SetVodContextCommand : PSCmdlet
    {
        /// <summary>The default region id.</summary>
        [Parameter]
        [ValidatePattern("^[a-z0-9][a-z0-9-]*[a-z0-9]$", Options = RegexOptions.None)] // case-sensitive: region ids are lowercase
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The default profile (aliyun CLI config or credentials file). Clears a key set earlier.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>A key for the session, as a PSCredential (user = AccessKey ID, password = secret).</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>A key for the session: its id (with -AccessKeySecret).</summary>
        [Parameter]
        public string? AccessKeyId { get; set; }

        /// <summary>A key for the session: its secret.</summary>
        [Parameter]
        public string? AccessKeySecret { get; set; }

        /// <summary>The STS token of a temporary key.</summary>
        [Parameter]
        public string? SecurityToken { get; set; }

        /// <summary>One base URL for all four services (the emulator's single port).</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary>The VOD base URL.</summary>
        [Parameter]
        public Uri? VodEndpoint { get; set; }

        /// <summary>The OSS base URL (e.g. https://oss-cn-shanghai-internal.aliyuncs.com from ECS).</summary>
        [Parameter]
        public Uri? OssEndpoint { get; set; }

        /// <summary>The RAM base URL.</summary>
        [Parameter]
        public Uri? RamEndpoint { get; set; }

        /// <summary>The STS base URL.</summary>
        [Parameter]
        public Uri? StsEndpoint { get; set; }

        /// <summary>Allow plain-HTTP endpoints that are not on this machine. Credentials then cross the network unencrypted.</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        /// <summary>Forget every default first (back to the credential chain and public endpoints).</summary>
        [Parameter]
        public SwitchParameter Reset { get; set; }

        /// <summary>Emit the new context.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var current = Reset ? new VodContext(null, null, null, new Dictionary<CloudService, Uri>(), false, null) : VodContext.Current;
            var endpoints = new Dictionary<CloudService, Uri>();
            foreach (var endpoint in current.Endpoints) endpoints[endpoint.Key] = endpoint.Value;
            if (Endpoint != null) foreach (CloudService service in Enum.GetValues(typeof(CloudService))) endpoints[service] = Endpoint;
            if (VodEndpoint != null) endpoints[CloudService.Vod] = VodEndpoint;
            if (OssEndpoint != null) endpoints[CloudService.Oss] = OssEndpoint;
            if (RamEndpoint != null) endpoints[CloudService.Ram] = RamEndpoint;
            if (StsEndpoint != null) endpoints[CloudService.Sts] = StsEndpoint;

            var credentials = current.Credentials;
            var profile = current.ProfileName;
            if (Credential != null || AccessKeyId != null || AccessKeySecret != null)
            {
                var id = AccessKeyId ?? Credential?.UserName;
                var secret = AccessKeySecret ?? Credential?.GetNetworkCredential().Password;
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give both the AccessKey ID and its secret."), CredentialsErrorId.CredentialsIncomplete, ErrorCategory.InvalidArgument, null));
                }
                credentials = new CloudCredentials(id!, secret!, SecurityToken);
                profile = null;
            }
            else if (ProfileName != null)
            {
                profile = ProfileName;
                credentials = null;
            }

            var updated = new VodContext(Region ?? current.Region, profile, credentials, endpoints, AllowInsecureHttp.IsPresent || current.AllowInsecureHttp, current.EmulatorProcessId);
            if (!ShouldProcess("VodTools session context", "Set defaults")) return;
            VodContext.Replace(updated);
            if (PassThru) WriteObject(GetVodContextCommand.Describe(updated));
        }
    }
}
