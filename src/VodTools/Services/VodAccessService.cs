using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using VodTools.Api.Http;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>One step of the authorisation: the resource as it now is and what was done to it.</summary>
    public sealed class AccessStep<T>
    {
        public AccessStep(T resource, VodAccessChange change)
        {
            Resource = resource;
            Change = change;
        }

        public T Resource { get; }
        public VodAccessChange Change { get; }
    }

    /// <summary>A resource exists in a shape the workflow will not change without being forced.</summary>
    public sealed class AccessConflictException : InvalidOperationException
    {
        public AccessConflictException(string errorId, string message) : base(message) => ErrorId = errorId;

        public string ErrorId { get; }
    }

    /// <summary>
    /// The idempotent steps of VOD's authorisation (role, policy, attachment) and the look-ups they rest on, which take
    /// "does not exist" as an answer. Each step reads first and asks the host's consent before any write.
    /// </summary>
    public sealed class VodAccessService
    {
        public const string DefaultRoleName = "vod-pass-mps";
        public const string DefaultPolicyName = "vod-pass-mps-policy";
        /// <summary>Media Transcoding (MTS), the service VOD transcodes with. UNCONFIRMED, hence overridable.</summary>
        public const string DefaultServicePrincipal = "mts.aliyuncs.com";
        public const string CustomPolicyType = "Custom";
        public const string SystemPolicyType = "System";

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
        /// by meaning). A role that trusts others is a conflict unless <paramref name="force"/>, which replaces its trust policy.
        /// Null when ShouldProcess declined.
        /// </summary>
        public AccessStep<RamRole>? EnsureRole(string roleName, IReadOnlyList<string> servicePrincipals, string? description, bool force)
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
            if (!force)
                throw new AccessConflictException("RamRoleTrustPolicyDiffers",
                    $"The role '{role.RoleName}' exists with a different trust policy: {role.AssumeRolePolicyDocument}. Use -Force to replace it with {trustPolicy}.");
            if (!_host.ShouldProcess(role.RoleName, "Replace the trust policy with " + trustPolicy)) return null;
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
            var policy = FindPolicy(policyName, CustomPolicyType);
            if (policy == null)
            {
                if (!_host.ShouldProcess(policyName, "Create RAM policy " + document)) return null;
                policy = _host.Await(_ram.CreatePolicyAsync(policyName, document, description, _host.Cancellation));
                return Step(policy, VodAccessResource.Policy, policyName, VodAccessAction.Created, $"{policy.DefaultVersion} grants {grants}");
            }
            if (PolicyDocuments.AreEquivalent(policy.PolicyDocument, document))
                return Step(policy, VodAccessResource.Policy, policy.PolicyName, VodAccessAction.Unchanged, $"{policy.DefaultVersion} already grants {grants}");
            if (!_host.ShouldProcess(policy.PolicyName, "Add a new default version " + document)) return null;
            var version = _host.Await(_ram.CreatePolicyVersionAsync(policy.PolicyName, document, setAsDefault: true, rotate: true, _host.Cancellation));
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
