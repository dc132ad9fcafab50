using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Api.Credentials;
using VodTools.Api.Endpoints;
using VodTools.Commands.Common;
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
    public sealed class SetVodContextCommand : ConnectionCmdletBase
    {
        /// <summary>The VOD base URL. It also receives VOD's domain calls (otherwise sent to Shanghai), and lifts the check that the region is one where VOD exists.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? VodEndpoint { get; set; }

        /// <summary>The OSS base URL (e.g. https://oss-cn-shanghai-internal.aliyuncs.com from ECS).</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? OssEndpoint { get; set; }

        /// <summary>The RAM base URL.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? RamEndpoint { get; set; }

        /// <summary>The STS base URL.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? StsEndpoint { get; set; }

        /// <summary>The Media Processing (MTS) base URL, which Test-VodBucket asks for its media buckets.</summary>
        [Parameter]
        [ValidateEndpoint]
        public Uri? MtsEndpoint { get; set; }

        /// <summary>Allow plain-HTTP endpoints that are not on this machine. Credentials then cross the network unencrypted.</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        /// <summary>Forget every default first (back to the credential chain and public endpoints). An emulator this session started keeps running, and Stop-VodEmulator still stops it.</summary>
        [Parameter]
        public SwitchParameter Reset { get; set; }

        /// <summary>Emit the new context.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var current = Reset ? VodContext.Current.Reset() : VodContext.Current;
            var endpoints = new Dictionary<CloudService, Uri>();
            if (VodEndpoint != null) endpoints[CloudService.Vod] = VodEndpoint;
            if (OssEndpoint != null) endpoints[CloudService.Oss] = OssEndpoint;
            if (RamEndpoint != null) endpoints[CloudService.Ram] = RamEndpoint;
            if (StsEndpoint != null) endpoints[CloudService.Sts] = StsEndpoint;
            if (MtsEndpoint != null) endpoints[CloudService.Mts] = MtsEndpoint;
            var choices = ParameterSettings(endpoints, AllowInsecureHttp, "the session context", "the session context (Set-VodContext)");
            if (choices.HasKey && (string.IsNullOrEmpty(choices.AccessKeyId) || string.IsNullOrEmpty(choices.AccessKeySecret)))
            {
                this.ThrowParameterError(new ArgumentException("Give both the AccessKey ID and its secret."), CredentialsErrorId.CredentialsIncomplete, null);
            }

            var updated = current.With(choices);
            if (!ShouldProcess("VodTools session context", "Set defaults")) return;
            VodContext.Replace(updated);
            if (PassThru) WriteObject(updated.Describe());
        }
    }
}
