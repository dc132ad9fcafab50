using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Authorises VOD's transcoding to use your OSS buckets: role, scoped policy, attachment, in one idempotent step.</para>
    /// <para type="description">Makes sure that the role (default vod-pass-mps, trusting mts.aliyuncs.com, UNCONFIRMED so
    /// overridable with -ServicePrincipal) exists, that the custom policy (default vod-pass-mps-policy) grants oss:* on
    /// exactly the given buckets and their objects, and that the policy is attached to the role. Emits one VodAccessChange
    /// per resource (Role, Policy, Attachment) saying whether it was Created, Updated or found Unchanged. A second run
    /// reads and writes nothing. A role that trusts other principals is an error unless -Force replaces its trust policy.
    /// Buckets piped in (Get-OssBucket) are gathered into one policy.</para>
    /// </summary>
    [Cmdlet(VerbsData.Initialize, "VodBucketAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodAccessChange))]
    public sealed class InitializeVodBucketAccessCommand : RamCmdletBase
    {
        private const string Description = "Lets ApsaraVideo VOD transcoding read and write the user's OSS buckets. Managed by VodTools (Initialize-VodBucketAccess).";

        /// <summary>The buckets VOD will read media from and write outputs to.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[] Bucket { get; set; } = Array.Empty<string>();

        /// <summary>The role name. Default vod-pass-mps.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string RoleName { get; set; } = VodAccessService.DefaultRoleName;

        /// <summary>The custom policy name. Default vod-pass-mps-policy.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string PolicyName { get; set; } = VodAccessService.DefaultPolicyName;

        /// <summary>The services the role trusts. Default mts.aliyuncs.com (UNCONFIRMED: the value VOD's guide names could not be verified).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ServicePrincipal { get; set; } = { VodAccessService.DefaultServicePrincipal };

        /// <summary>Replace the trust policy of an existing role that trusts other principals.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() => CollectBuckets(Bucket);

        protected override void EndProcessing()
        {
            var buckets = CollectedBuckets;
            if (buckets == null) return;
            string roleName, policyName, document;
            IReadOnlyList<string> principals;
            try
            {
                roleName = RamLimits.RoleName(RoleName);
                policyName = RamLimits.PolicyName(PolicyName);
                principals = CheckAll(ServicePrincipal, RamLimits.ServicePrincipal);
                document = RamLimits.PolicyDocument(PolicyDocuments.OssAccessPolicy(buckets));
            }
            catch (ValidationException e)
            {
                WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.ParamName));
                return;
            }

            var roleDone = Run(() => Access.EnsureRole(roleName, principals, Description, Force), "VodBucketAccessRoleFailed", roleName, out var role);
            var policyDone = Run(() => Access.EnsurePolicy(policyName, document, PolicyDocuments.OssAccessSummary(buckets), Description), "VodBucketAccessPolicyFailed", policyName, out var policy);
            if (!roleDone || !policyDone) return;
            var lookUp = role?.Change.Action != VodAccessAction.Created && policy?.Change.Action != VodAccessAction.Created;
            Run(() => Access.EnsureAttachment(roleName, policyName, VodAccessService.CustomPolicyType, lookUp), "VodBucketAccessAttachmentFailed", roleName + "/" + policyName, out _);
        }

        /// <summary>Runs one step and writes its change; false when it failed (its error written).</summary>
        private bool Run<T>(Func<AccessStep<T>?> ensure, string errorId, string target, out AccessStep<T>? step)
        {
            step = null;
            try
            {
                step = ensure();
                if (step != null) WriteObject(step.Change);
                return true;
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteStepError(e, errorId, target);
                return false;
            }
        }
    }
}
