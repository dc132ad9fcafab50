using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Ram;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Authorises VOD's transcoding to use your OSS buckets: role, scoped policy, attachment, in one idempotent step.</para>
    /// <para type="description">Makes sure that the role (default vod-pass-mps, trusting mts.aliyuncs.com, overridable with
    /// -ServicePrincipal) exists, that a custom policy grants oss:* on the given buckets and their objects, and that the
    /// policy is attached to the role. Each run adds the buckets to what the policy already grants, so buckets can be
    /// onboarded one at a time; -Exact makes the policy grant exactly the given buckets and asks before any bucket loses
    /// access. The policy is, by default, vod-pass-mps (the name VOD's guide gives it); when no policy of that name exists
    /// but one custom policy attached to the role already grants buckets (one created by hand from the guide, say), that
    /// policy is used rather than a second one created. Each bucket must exist in the account (ListBuckets), unless
    /// -SkipBucketCheck. Emits one VodAccessChange per resource (Role, Policy, Attachment) saying whether it was Created,
    /// Updated or found Unchanged. A second run reads and writes nothing. The trust policy of a role that trusts other
    /// principals is replaced only after a question of high impact, asked as ConfirmImpact High asks (by default; -Force or
    /// -Confirm:$false answers it, and a host that cannot ask ends the command with VodConfirmationNotPossible), as it changes
    /// who may act as the role.</para>
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

        /// <summary>The custom policy name. Default vod-pass-mps, or the one custom policy attached to the role that already grants buckets.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CustomPolicyCompleter))]
        public string PolicyName { get; set; } = VodAccessService.DefaultPolicyName;

        /// <summary>The services the role trusts. Default mts.aliyuncs.com (Alibaba's published sources do not confirm the value VOD's guide names).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ServicePrincipal { get; set; } = { VodAccessService.DefaultServicePrincipal };

        /// <summary>Grant exactly these buckets: buckets the policy granted before lose access (asked first).</summary>
        [Parameter]
        public SwitchParameter Exact { get; set; }

        /// <summary>Do not check that each bucket exists in the account (a bucket of another account, say).</summary>
        [Parameter]
        public SwitchParameter SkipBucketCheck { get; set; }

        /// <summary>Do not ask: replace the trust policy of a role that trusts other principals, and with -Exact take access away, without a question.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool SkipsQuestions => Force;

        protected override void ProcessRecord() => CollectBuckets(Bucket);

        protected override void EndProcessing()
        {
            var buckets = CollectedBuckets;
            if (buckets == null) return;
            string roleName, policyName;
            IReadOnlyList<string> principals;
            try
            {
                roleName = RamLimits.RoleName(RoleName);
                policyName = RamLimits.PolicyName(PolicyName);
                principals = CheckAll(ServicePrincipal, RamLimits.ServicePrincipal);
                RamLimits.PolicyDocument(PolicyDocuments.OssAccessPolicy(buckets));
            }
            catch (ValidationException e)
            {
                WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.ParamName));
                return;
            }
            if (!SkipBucketCheck && !AllBucketsExist(buckets)) return;

            var roleDone = Run(() => Access.EnsureRole(roleName, principals, Description), "VodBucketAccessRoleFailed", roleName, out var role);
            var choosePolicy = !MyInvocation.BoundParameters.ContainsKey(nameof(PolicyName)) && role?.Change.Action != VodAccessAction.Created;
            var policyDone = Run(() =>
            {
                if (choosePolicy) policyName = Access.PolicyForRole(roleName, policyName);
                return Access.EnsureBucketGrants(policyName, buckets, Exact, Description);
            }, "VodBucketAccessPolicyFailed", policyName, out var policy);
            if (!roleDone || !policyDone) return;
            var lookUp = role?.Change.Action != VodAccessAction.Created && policy?.Change.Action != VodAccessAction.Created;
            Run(() => Access.EnsureAttachment(roleName, policyName, RamService.CustomPolicyType, lookUp), "VodBucketAccessAttachmentFailed", roleName + "/" + policyName, out _);
        }

        /// <summary>
        /// True when the account has every bucket (one ListBuckets); each missing one is an error, and nothing is granted,
        /// since a mistyped name would otherwise be granted silently. When the caller may not list buckets, a warning.
        /// </summary>
        private bool AllBucketsExist(IReadOnlyList<string> buckets)
        {
            IReadOnlyList<OssBucket> existing;
            try
            {
                existing = Await(Session.Oss.ListBucketsAsync(null, Cancellation));
            }
            catch (Api.Http.CloudException e) when (e.HttpStatus == 403)
            {
                WriteWarning($"Could not check that the buckets exist: listing buckets was refused ({e.Code}). Granting as asked.");
                return true;
            }
            var missing = buckets.Where(b => !existing.Any(e => string.Equals(e.Bucket, b, StringComparison.Ordinal))).ToList();
            foreach (var bucket in missing)
                WriteError(new ErrorRecord(new ItemNotFoundException($"The account has no OSS bucket named '{bucket}'. Check the name, or give -SkipBucketCheck for a bucket this account cannot list."),
                    "VodBucketNotFound", ErrorCategory.ObjectNotFound, bucket));
            return missing.Count == 0;
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
            catch (Exception e) when (!Confirmation.EndsScript(e))
            {
                WriteItemError(e, errorId, target);
                return false;
            }
        }
    }
}
