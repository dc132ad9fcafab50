using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Ram;

namespace VodTools.Services.Buckets
{
    /// <summary>
    /// The idempotent steps of VOD's authorisation (role, policy, attachment) and the look-ups they rest on, which take
    /// "does not exist" as an answer. Each step reads first and asks the host's consent before any write.
    /// </summary>
    public sealed class VodAccessService
    {
        public const string DefaultRoleName = "vod-pass-mps";
        /// <summary>The guide's name: the same as the role's (RAM keeps roles and policies apart).</summary>
        public const string DefaultPolicyName = "vod-pass-mps";
        /// <summary>Media Transcoding (MTS), the service VOD transcodes with. UNCONFIRMED, hence overridable.</summary>
        public const string DefaultServicePrincipal = "mts.aliyuncs.com";

        private readonly RamService _ram;
        private readonly IWorkflowHost _host;

        public VodAccessService(RamService ram, IWorkflowHost host)
        {
            _ram = ram;
            _host = host;
        }

        public RamRole? FindRole(string roleName) =>
            UnlessMissing(() => _ram.GetRoleAsync(roleName, _host.Cancellation), "EntityNotExist.Role");

        /// <summary>The policy with its default version's document, or null.</summary>
        public RamPolicy? FindPolicy(string policyName, string policyType) =>
            UnlessMissing(() => _ram.GetPolicyAsync(policyName, policyType, _host.Cancellation), "EntityNotExist.Policy");

        /// <summary>The policy as attached to the role, or null when it is not (or the role does not exist).</summary>
        public RamPolicy? FindAttachment(string roleName, string policyName, string policyType) =>
            UnlessMissing(() => _ram.ListPoliciesForRoleAsync(roleName, _host.Cancellation), "EntityNotExist.Role")?
                .FirstOrDefault(p => p.PolicyType == policyType && string.Equals(p.PolicyName, policyName, StringComparison.Ordinal));

        /// <summary>
        /// Creates the role trusting these service principals, or finds it already trusting the same (trust policies compared
        /// by meaning). The trust policy of a role that trusts others is replaced with the host's consent of high impact, as it
        /// changes who may act as the role. Null when the host declined.
        /// </summary>
        public AccessStep<RamRole>? EnsureRole(string roleName, IReadOnlyList<string> servicePrincipals, string? description)
        {
            var trustPolicy = PolicyDocuments.ServiceTrustPolicy(servicePrincipals);
            var trusted = string.Join(", ", servicePrincipals);
            var role = FindRole(roleName);
            if (role == null)
            {
                if (!_host.ShouldProcess(roleName, "Create RAM role with trust policy " + trustPolicy)) return null;
                role = _host.Await(_ram.CreateRoleAsync(roleName, trustPolicy, description, null, _host.Cancellation));
                return Step(role, VodAccessResource.Role, roleName, VodAccessAction.Created, "trusts " + trusted);
            }
            if (PolicyDocuments.AreEquivalent(role.AssumeRolePolicyDocument, trustPolicy))
                return Step(role, VodAccessResource.Role, role.RoleName, VodAccessAction.Unchanged, "already trusts " + trusted);
            if (!_host.ShouldProcessHighImpact(role.RoleName, $"Replace the trust policy {role.AssumeRolePolicyDocument} with {trustPolicy}")) return null;
            var previous = role.AssumeRolePolicyDocument;
            role = _host.Await(_ram.UpdateRoleTrustPolicyAsync(role.RoleName, trustPolicy, _host.Cancellation));
            return Step(role, VodAccessResource.Role, role.RoleName, VodAccessAction.Updated, $"now trusts {trusted}; the trust policy was {previous}");
        }

        /// <summary>
        /// Creates the custom policy, or finds its default version already equivalent, or adds the document as a new default
        /// version (RAM deletes the oldest non-default version when the policy is at its limit of 5). <paramref name="grants"/>
        /// says in a few words what the document grants. Null when ShouldProcess declined.
        /// </summary>
        public AccessStep<RamPolicy>? EnsurePolicy(string policyName, string document, string grants, string? description)
        {
            var policy = FindPolicy(policyName, RamService.CustomPolicyType);
            if (policy == null)
            {
                if (!_host.ShouldProcess(policyName, $"Create the RAM policy granting {grants}")) return null;
                policy = _host.Await(_ram.CreatePolicyAsync(policyName, document, description, _host.Cancellation));
                return Step(policy, VodAccessResource.Policy, policyName, VodAccessAction.Created, $"{policy.DefaultVersion} grants {grants}");
            }
            if (PolicyDocuments.AreEquivalent(policy.PolicyDocument, document))
                return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Unchanged, $"{policy.DefaultVersion} already grants {grants}");
            if (!_host.ShouldProcess(policy.PolicyName, $"Add a new default version granting {grants}")) return null;
            return NewDefaultVersion(policy, document, "grants " + grants);
        }

        private AccessStep<RamPolicy> NewDefaultVersion(RamPolicy policy, string document, string detail)
        {
            var version = _host.Await(_ram.CreatePolicyVersionAsync(policy.PolicyName, document, setAsDefault: true, rotate: true, _host.Cancellation));
            var previous = policy.DefaultVersion;
            policy.DefaultVersion = version.VersionId;
            policy.PolicyDocument = document;
            return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Updated,
                $"{version.VersionId} {detail}, replacing {previous} as the default (RAM keeps 5 versions, deleting the oldest non-default one)");
        }

        /// <summary>
        /// The policy that holds the role's bucket grants when the caller named none: the default-named one if it exists,
        /// else the only custom policy attached to the role that grants <c>oss:*</c> on buckets (one an admin created by
        /// hand from VOD's guide, or one of an earlier VodTools), so that no second policy is created beside it.
        /// </summary>
        public string PolicyForRole(string roleName, string defaultName)
        {
            if (FindPolicy(defaultName, RamService.CustomPolicyType) != null) return defaultName;
            var granting = (UnlessMissing(() => _ram.ListPoliciesForRoleAsync(roleName, _host.Cancellation), "EntityNotExist.Role") ?? Array.Empty<RamPolicy>())
                .Where(p => p.PolicyType == RamService.CustomPolicyType)
                .Select(p => FindPolicy(p.PolicyName, RamService.CustomPolicyType))
                .Where(p => p != null && PolicyDocuments.OssGrantsOf(p.PolicyDocument) is var grants && (grants.AllBuckets || grants.Buckets.Count > 0))
                .ToList();
            if (granting.Count != 1) return defaultName;
            _host.WriteVerbose($"Using the policy {granting[0]!.PolicyName}, attached to {roleName}, which already grants oss:* on {PolicyDocuments.OssGrantsOf(granting[0]!.PolicyDocument)}.");
            return granting[0]!.PolicyName;
        }

        /// <summary>
        /// Makes the custom policy grant <c>oss:*</c> on the buckets. By default it adds them to what the policy already grants
        /// (a policy that covers them, such as the guide's grant on all of OSS, is left alone); with <paramref name="exact"/> the
        /// policy grants these buckets and nothing else, and buckets that would lose access are named in a question the host
        /// asks first. Null when the host declined.
        /// </summary>
        public AccessStep<RamPolicy>? EnsureBucketGrants(string policyName, IReadOnlyList<string> buckets, bool exact, string? description)
        {
            var wanted = PolicyDocuments.OssAccessPolicy(buckets);
            var listed = PolicyDocuments.OssAccessSummary(buckets);
            var policy = FindPolicy(policyName, RamService.CustomPolicyType);
            if (policy == null)
            {
                if (!_host.ShouldProcess(policyName, $"Create the RAM policy granting {listed}")) return null;
                policy = _host.Await(_ram.CreatePolicyAsync(policyName, RamLimits.PolicyDocument(wanted), description, _host.Cancellation));
                return Step(policy, VodAccessResource.Policy, policyName, VodAccessAction.Created, $"{policy.DefaultVersion} grants {listed}");
            }
            var granted = PolicyDocuments.OssGrantsOf(policy.PolicyDocument);
            string document, action, detail;
            if (exact)
            {
                if (PolicyDocuments.AreEquivalent(policy.PolicyDocument, wanted))
                    return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Unchanged, $"{policy.DefaultVersion} already grants exactly {listed}");
                var losing = granted.AllBuckets ? "every other bucket" : string.Join(", ", granted.Buckets.Where(b => !buckets.Contains(b, StringComparer.Ordinal)));
                document = wanted;
                action = $"Replace what the policy grants ({granted}) with {listed}" + (losing.Length > 0 ? $"; {losing} will lose access" : string.Empty);
                detail = $"grants exactly {listed}, no longer {granted}";
                if (!_host.ShouldProcess(policy.PolicyName, action)) return null;
                if (losing.Length > 0 && !_host.ShouldContinue($"VOD will no longer be able to read or write {losing}. Replace the policy {policy.PolicyName}?", "Take access away"))
                    return null;
            }
            else
            {
                var missing = buckets.Where(b => !granted.Covers(b)).ToList();
                if (missing.Count == 0)
                    return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Unchanged, $"{policy.DefaultVersion} already grants {granted}, which covers {string.Join(", ", buckets)}");
                document = PolicyDocuments.WithOssBuckets(policy.PolicyDocument ?? wanted, missing);
                action = $"Grant oss:* on {string.Join(", ", missing)} as well (the policy keeps granting {granted})";
                detail = $"grants {string.Join(", ", missing)} as well as {granted}";
                if (!_host.ShouldProcess(policy.PolicyName, action)) return null;
            }
            return NewDefaultVersion(policy, RamLimits.PolicyDocument(document), detail);
        }

        /// <summary>
        /// Attaches the policy to the role unless it already is; <paramref name="lookUp"/> false skips the check when either
        /// was just created. Null when ShouldProcess declined.
        /// </summary>
        public AccessStep<string>? EnsureAttachment(string roleName, string policyName, string policyType, bool lookUp)
        {
            var name = roleName + "/" + policyName;
            if (lookUp && FindAttachment(roleName, policyName, policyType) != null)
                return Step(name, VodAccessResource.Attachment, name, VodAccessAction.Unchanged, $"the {policyType} policy {policyName} is already attached to {roleName}");
            if (!_host.ShouldProcess(roleName, $"Attach the {policyType} policy {policyName}")) return null;
            try
            {
                _host.Await(_ram.AttachPolicyToRoleAsync(policyName, policyType, roleName, _host.Cancellation));
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
            _host.WriteVerbose($"{change}: {detail}");
            return new AccessStep<T>(resource, change);
        }

        /// <summary>The call's result, or null when the cloud answers <paramref name="missingCode"/>.</summary>
        private T? UnlessMissing<T>(Func<Task<T>> call, string missingCode) where T : class
        {
            try
            {
                return _host.Await(call());
            }
            catch (CloudException e) when (e.Code == missingCode)
            {
                return null;
            }
        }
    }
}
