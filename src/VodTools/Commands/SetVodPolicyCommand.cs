using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Ram;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates or updates the custom RAM policy that gives the vod-pass-mps role access to OSS.</para>
    /// <para type="description">With -Bucket the policy grants oss:* on those buckets and their objects only
    /// (acs:oss:*:*:&lt;bucket&gt; and acs:oss:*:*:&lt;bucket&gt;/*), the least privilege VOD needs. Without -Bucket it
    /// grants oss:* on every resource, as the policy of VOD's guide does. Buckets piped in (Get-OssBucket) make one policy.
    /// When the policy exists and its default version means something else (documents compared by meaning), the new
    /// document becomes a new default version; RAM keeps at most 5 versions, so the oldest non-default one is deleted
    /// at the limit. When it already means the same, nothing is written.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RamPolicy))]
    public sealed class SetVodPolicyCommand : RamCmdletBase
    {
        /// <summary>The policy name (1–128 letters, digits or '-'). Default vod-pass-mps.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CustomPolicyCompleter))]
        public string PolicyName { get; set; } = VodAccessService.DefaultPolicyName;

        /// <summary>Grant access to these buckets only. Default: all of OSS (oss:* on *).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[]? Bucket { get; set; }

        /// <summary>The policy's description (1–1024 characters), used when the policy is created.</summary>
        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord() => CollectBuckets(Bucket);

        protected override void EndProcessing()
        {
            var buckets = CollectedBuckets;
            if (buckets == null) return;
            try
            {
                var document = RamLimits.PolicyDocument(PolicyDocuments.OssAccessPolicy(buckets));
                var step = Access.EnsurePolicy(RamLimits.PolicyName(PolicyName), document, PolicyDocuments.OssAccessSummary(buckets), RamLimits.Description(Description));
                if (step != null) WriteObject(step.Resource);
            }
            catch (Exception e) when (!Confirmation.EndsScript(e))
            {
                WriteItemError(e, "RamPolicyNotSet", PolicyName);
            }
        }
    }
}
