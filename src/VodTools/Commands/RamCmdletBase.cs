using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// What the RAM cmdlets share: look-ups that take "does not exist" as an answer, and the idempotent steps of the
    /// VOD authorisation (role, policy, attachment), each reading first and asking ShouldProcess before any write.
    /// </summary>
    public abstract class RamCmdletBase : VodCmdletBase
    {
        public const string DefaultRoleName = "vod-pass-mps";
        public const string DefaultPolicyName = "vod-pass-mps-policy";
        /// <summary>Media Transcoding (MTS), the service VOD transcodes with. UNCONFIRMED (spec rpc-apis.md §4.4), hence overridable.</summary>
        public const string DefaultServicePrincipal = "mts.aliyuncs.com";
        public const string CustomPolicyType = "Custom";
        public const string SystemPolicyType = "System";

        /// <summary>One step of the authorisation: the resource as it now is and what was done to it.</summary>
        protected sealed class AccessStep<T>
        {
            public AccessStep(T resource, VodAccessChange change)
            {
                Resource = resource;
                Change = change;
            }

            public T Resource { get; }
            public VodAccessChange Change { get; }
        }

        /// <summary>A resource exists in a shape this cmdlet will not change without -Force.</summary>
        protected sealed class ConflictException : InvalidOperationException
        {
            public ConflictException(string errorId, string message) : base(message) => ErrorId = errorId;

            public string ErrorId { get; }
        }

        private readonly List<string> _buckets = new List<string>();
        private bool _invalidBucket;

        /// <summary>Gathers bucket names across pipeline records; each invalid one is a non-terminating error.</summary>
        protected void CollectBuckets(IEnumerable<string>? buckets)
        {
            foreach (var bucket in buckets ?? Array.Empty<string>())
            {
                try
                {
                    _buckets.Add(OssBucketNames.Check(bucket));
                }
                catch (ValidationException e)
                {
                    _invalidBucket = true;
                    WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, bucket));
                }
            }
        }

        /// <summary>
        /// The buckets gathered, distinct; null when one was invalid, as a policy without a bucket the caller named
        /// would leave VOD unable to read it.
        /// </summary>
        protected IReadOnlyList<string>? CollectedBuckets => _invalidBucket ? null : _buckets.Distinct().ToList();

        protected static bool HasCode(Exception error, string code) => error is CloudException cloud && cloud.Code == code;

        /// <summary>Writes a step's failure: a conflict as ResourceExists with its own id, anything else as <see cref="VodCmdletBase.WriteItemError"/>.</summary>
        protected void WriteStepError(Exception error, string errorId, object target)
        {
            if (error is ConflictException conflict) WriteError(new ErrorRecord(conflict, conflict.ErrorId, ErrorCategory.ResourceExists, target));
            else WriteItemError(error, errorId, target);
        }

        protected RamRole? FindRole(string roleName) =>
            AwaitUnlessMissing(Session.Ram.GetRoleAsync(roleName, Cancellation), "EntityNotExist.Role");

        /// <summary>The policy with its default version's document, or null.</summary>
        protected RamPolicy? FindPolicy(string policyName, string policyType) =>
            AwaitUnlessMissing(Session.Ram.GetPolicyAsync(policyName, policyType, Cancellation), "EntityNotExist.Policy");

        /// <summary>The policy as attached to the role, or null when it is not (or the role does not exist).</summary>
        protected RamPolicy? FindAttachment(string roleName, string policyName, string policyType) =>
            AwaitUnlessMissing(Session.Ram.ListPoliciesForRoleAsync(roleName, Cancellation), "EntityNotExist.Role")?
                .FirstOrDefault(p => p.PolicyType == policyType && string.Equals(p.PolicyName, policyName, StringComparison.Ordinal));

        /// <summary>The task's result, or null when the cloud answers <paramref name="missingCode"/>.</summary>
        private T? AwaitUnlessMissing<T>(System.Threading.Tasks.Task<T> task, string missingCode) where T : class
        {
            try
            {
                return Await(task);
            }
            catch (CloudException e) when (e.Code == missingCode)
            {
                return null;
            }
        }

        /// <summary>
        /// Creates the role trusting these service principals, or finds it already trusting the same (trust policies compared
        /// by meaning). A role that trusts others is a conflict unless <paramref name="force"/>, which replaces its trust policy.
        /// Null when ShouldProcess declined.
        /// </summary>
        protected AccessStep<RamRole>? EnsureRole(string roleName, IReadOnlyList<string> servicePrincipals, string? description, bool force)
        {
            var trustPolicy = PolicyDocuments.ServiceTrustPolicy(servicePrincipals);
            var trusted = string.Join(", ", servicePrincipals);
            var role = FindRole(roleName);
            if (role == null)
            {
                if (!ShouldProcess(roleName, "Create RAM role with trust policy " + trustPolicy)) return null;
                role = Await(Session.Ram.CreateRoleAsync(roleName, trustPolicy, description, null, Cancellation));
                return Step(role, VodAccessResource.Role, roleName, VodAccessAction.Created, "trusts " + trusted);
            }
            if (PolicyDocuments.AreEquivalent(role.AssumeRolePolicyDocument, trustPolicy))
                return Step(role, VodAccessResource.Role, role.RoleName, VodAccessAction.Unchanged, "already trusts " + trusted);
            if (!force)
                throw new ConflictException("RamRoleTrustPolicyDiffers",
                    $"The role '{role.RoleName}' exists with a different trust policy: {role.AssumeRolePolicyDocument}. Use -Force to replace it with {trustPolicy}.");
            if (!ShouldProcess(role.RoleName, "Replace the trust policy with " + trustPolicy)) return null;
            var previous = role.AssumeRolePolicyDocument;
            role = Await(Session.Ram.UpdateRoleTrustPolicyAsync(role.RoleName, trustPolicy, Cancellation));
            return Step(role, VodAccessResource.Role, role.RoleName, VodAccessAction.Updated, $"now trusts {trusted}; the trust policy was {previous}");
        }

        /// <summary>
        /// Creates the custom policy, or finds its default version already equivalent, or adds the document as a new default
        /// version (RAM deletes the oldest non-default version when the policy is at its limit of 5). <paramref name="grants"/>
        /// says in a few words what the document grants. Null when ShouldProcess declined.
        /// </summary>
        protected AccessStep<RamPolicy>? EnsurePolicy(string policyName, string document, string grants, string? description)
        {
            var policy = FindPolicy(policyName, CustomPolicyType);
            if (policy == null)
            {
                if (!ShouldProcess(policyName, "Create RAM policy " + document)) return null;
                policy = Await(Session.Ram.CreatePolicyAsync(policyName, document, description, Cancellation));
                return Step(policy, VodAccessResource.Policy, policyName, VodAccessAction.Created, $"{policy.DefaultVersion} grants {grants}");
            }
            if (PolicyDocuments.AreEquivalent(policy.PolicyDocument, document))
                return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Unchanged, $"{policy.DefaultVersion} already grants {grants}");
            if (!ShouldProcess(policy.PolicyName, "Add a new default version " + document)) return null;
            var version = Await(Session.Ram.CreatePolicyVersionAsync(policy.PolicyName, document, setAsDefault: true, rotate: true, Cancellation));
            var previous = policy.DefaultVersion;
            policy.DefaultVersion = version.VersionId;
            policy.PolicyDocument = document;
            return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Updated,
                $"{version.VersionId} grants {grants}, replacing {previous} as the default (RAM keeps 5 versions, deleting the oldest non-default one)");
        }

        /// <summary>
        /// Attaches the policy to the role unless it already is; <paramref name="lookUp"/> false skips the check when either
        /// was just created. Null when ShouldProcess declined.
        /// </summary>
        protected AccessStep<string>? EnsureAttachment(string roleName, string policyName, string policyType, bool lookUp)
        {
            var name = roleName + "/" + policyName;
            if (lookUp && FindAttachment(roleName, policyName, policyType) != null)
                return Step(name, VodAccessResource.Attachment, name, VodAccessAction.Unchanged, $"the {policyType} policy {policyName} is already attached to {roleName}");
            if (!ShouldProcess(roleName, $"Attach the {policyType} policy {policyName}")) return null;
            try
            {
                Await(Session.Ram.AttachPolicyToRoleAsync(policyName, policyType, roleName, Cancellation));
            }
            catch (CloudException e) when (e.Code == "EntityAlreadyExists.Role.Policy")
            {
                return Step(name, VodAccessResource.Attachment, name, VodAccessAction.Unchanged, $"the {policyType} policy {policyName} is already attached to {roleName}");
            }
            return Step(name, VodAccessResource.Attachment, name, VodAccessAction.Created, $"the {policyType} policy {policyName} is attached to {roleName}");
        }

        private AccessStep<T> Step<T>(T resource, VodAccessResource kind, string name, VodAccessAction action, string detail)
        {
            var change = new VodAccessChange(kind, name, action, detail);
            WriteVerbose($"{change}: {detail}");
            return new AccessStep<T>(resource, change);
        }

        /// <summary>The distinct valid values, or a <see cref="ValidationException"/> for the first invalid one.</summary>
        protected static IReadOnlyList<string> CheckAll(IEnumerable<string> values, Func<string, string> check) => values.Select(check).Distinct().ToList();
    }
}
