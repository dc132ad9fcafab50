using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Ram
{
    /// <summary>
    /// The RAM operations VodTools uses, typed (alibabacloud-go/ram-20150501 models). Each write decides here what a repeat of itself
    /// means: after an attempt whose answer was lost, RAM's "already exists" or "not found" may be that attempt's own
    /// doing, so creates read the resource back and compare, deletes take "not found" as done, and CreatePolicyVersion
    /// (not safe to repeat) reads the versions before it tries again.
    /// </summary>
    public sealed class RamService
    {
        public const string CustomPolicyType = "Custom";
        public const string SystemPolicyType = "System";

        private readonly RpcClient _client;

        public RamService(RpcClient client) => _client = client;

        private static KeyValuePair<string, string> P(string name, string value) => new KeyValuePair<string, string>(name, value);

        private Task<JsonElement> Call(string action, CancellationToken cancellationToken, params KeyValuePair<string, string>[] parameters) =>
            _client.CallAsync(action, parameters.Where(p => p.Value != null).ToList(), cancellationToken);

        public async Task<RamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken) =>
            ReadRole((await Call("GetRole", cancellationToken, P("RoleName", roleName)).ConfigureAwait(false)).Prop("Role"));

        public async Task<RamRole> CreateRoleAsync(string roleName, string trustPolicy, string? description, int? maxSessionDuration, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("RoleName", roleName), P("AssumeRolePolicyDocument", trustPolicy) };
            if (description != null) parameters.Add(P("Description", description));
            if (maxSessionDuration != null) parameters.Add(P("MaxSessionDuration", maxSessionDuration.Value.ToString(CultureInfo.InvariantCulture)));
            try
            {
                return ReadRole((await _client.CallAsync("CreateRole", parameters, cancellationToken).ConfigureAwait(false)).Prop("Role"));
            }
            catch (CloudException e) when (e.Code == "EntityAlreadyExists.Role" && e.AfterUnansweredAttempt)
            {
                var role = await GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false);
                if (PolicyDocuments.AreEquivalent(role.AssumeRolePolicyDocument, trustPolicy)) return role;
                throw;
            }
        }

        public async Task<RamRole> UpdateRoleTrustPolicyAsync(string roleName, string trustPolicy, CancellationToken cancellationToken) =>
            ReadRole((await Call("UpdateRole", cancellationToken, P("RoleName", roleName), P("NewAssumeRolePolicyDocument", trustPolicy)).ConfigureAwait(false)).Prop("Role"));

        public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken) =>
            DoneUnlessRefused("EntityNotExist.Role", Call("DeleteRole", cancellationToken, P("RoleName", roleName)));

        /// <summary>Every role of the account, following the markers.</summary>
        public async Task<IReadOnlyList<RamRole>> ListRolesAsync(CancellationToken cancellationToken)
        {
            var roles = new List<RamRole>();
            string? marker = null;
            do
            {
                var parameters = new List<KeyValuePair<string, string>> { P("MaxItems", "1000") };
                if (marker != null) parameters.Add(P("Marker", marker));
                var result = await _client.CallAsync("ListRoles", parameters, cancellationToken).ConfigureAwait(false);
                roles.AddRange(result.Items("Roles", "Role").Select(r => ReadRole(r)));
                marker = result.Bool("IsTruncated") == true ? result.Str("Marker") : null;
            }
            while (!string.IsNullOrEmpty(marker));
            return roles;
        }

        /// <summary>The policy with its default version's document.</summary>
        public async Task<RamPolicy> GetPolicyAsync(string policyName, string policyType, CancellationToken cancellationToken)
        {
            var result = await Call("GetPolicy", cancellationToken, P("PolicyName", policyName), P("PolicyType", policyType)).ConfigureAwait(false);
            var policy = ReadPolicy(result.Prop("Policy"));
            policy.PolicyDocument = result.Prop("DefaultPolicyVersion")?.Str("PolicyDocument") ?? policy.PolicyDocument;
            return policy;
        }

        public async Task<RamPolicy> CreatePolicyAsync(string policyName, string document, string? description, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("PolicyName", policyName), P("PolicyDocument", document) };
            if (description != null) parameters.Add(P("Description", description));
            try
            {
                var policy = ReadPolicy((await _client.CallAsync("CreatePolicy", parameters, cancellationToken).ConfigureAwait(false)).Prop("Policy"));
                policy.PolicyDocument = document;
                return policy;
            }
            catch (CloudException e) when (e.Code == "EntityAlreadyExists.Policy" && e.AfterUnansweredAttempt)
            {
                var policy = await GetPolicyAsync(policyName, CustomPolicyType, cancellationToken).ConfigureAwait(false);
                if (PolicyDocuments.AreEquivalent(policy.PolicyDocument, document)) return policy;
                throw;
            }
        }

        public async Task<IReadOnlyList<RamPolicy>> ListPoliciesAsync(string? policyType, CancellationToken cancellationToken)
        {
            var policies = new List<RamPolicy>();
            string? marker = null;
            do
            {
                var parameters = new List<KeyValuePair<string, string>> { P("MaxItems", "1000") };
                if (policyType != null) parameters.Add(P("PolicyType", policyType));
                if (marker != null) parameters.Add(P("Marker", marker));
                var result = await _client.CallAsync("ListPolicies", parameters, cancellationToken).ConfigureAwait(false);
                policies.AddRange(result.Items("Policies", "Policy").Select(p => ReadPolicy(p)));
                marker = result.Bool("IsTruncated") == true ? result.Str("Marker") : null;
            }
            while (!string.IsNullOrEmpty(marker));
            return policies;
        }

        /// <summary>
        /// Adds a version; with <paramref name="rotate"/> RAM deletes the oldest non-default version when at the limit of 5.
        /// Not safe to repeat (each call adds a version and may delete one), so after an answer lost it reads the versions:
        /// one with the same document is taken as this call's (made the default if asked), and only when none is found is
        /// the version created once more.
        /// </summary>
        public async Task<RamPolicyVersion> CreatePolicyVersionAsync(string policyName, string document, bool setAsDefault, bool rotate, CancellationToken cancellationToken)
        {
            var parameters = new[]
            {
                P("PolicyName", policyName), P("PolicyDocument", document), P("SetAsDefault", setAsDefault ? "true" : "false"),
                P("RotateStrategy", rotate ? "DeleteOldestNonDefaultVersionWhenLimitExceeded" : "None"),
            };
            for (var resent = false; ; resent = true)
            {
                try
                {
                    return ReadVersion((await _client.CallUnsafeAsync("CreatePolicyVersion", parameters, cancellationToken).ConfigureAwait(false)).Prop("PolicyVersion"));
                }
                catch (CloudException e) when (e.OutcomeUnknown && !resent)
                {
                    var versions = await ListPolicyVersionsAsync(policyName, CustomPolicyType, cancellationToken).ConfigureAwait(false);
                    var made = versions.Where(v => PolicyDocuments.AreEquivalent(v.PolicyDocument, document))
                        .OrderByDescending(v => v.CreationTime ?? DateTime.MinValue).FirstOrDefault();
                    if (made == null) continue;
                    if (setAsDefault && !made.IsDefaultVersion)
                    {
                        await SetDefaultPolicyVersionAsync(policyName, made.VersionId, cancellationToken).ConfigureAwait(false);
                        made.IsDefaultVersion = true;
                    }
                    return made;
                }
            }
        }

        public async Task<IReadOnlyList<RamPolicyVersion>> ListPolicyVersionsAsync(string policyName, string policyType, CancellationToken cancellationToken)
        {
            var result = await Call("ListPolicyVersions", cancellationToken, P("PolicyName", policyName), P("PolicyType", policyType)).ConfigureAwait(false);
            return result.Items("PolicyVersions", "PolicyVersion").Select(v => ReadVersion(v)).ToList();
        }

        public Task SetDefaultPolicyVersionAsync(string policyName, string versionId, CancellationToken cancellationToken) =>
            Call("SetDefaultPolicyVersion", cancellationToken, P("PolicyName", policyName), P("VersionId", versionId));

        public Task DeletePolicyVersionAsync(string policyName, string versionId, CancellationToken cancellationToken) =>
            Call("DeletePolicyVersion", cancellationToken, P("PolicyName", policyName), P("VersionId", versionId));

        /// <summary>Deletes a custom policy and, with <paramref name="cascade"/>, its non-default versions.</summary>
        public Task DeletePolicyAsync(string policyName, bool cascade, CancellationToken cancellationToken) =>
            DoneUnlessRefused("EntityNotExist.Policy",
                Call("DeletePolicy", cancellationToken, P("PolicyName", policyName), P("CascadingDelete", cascade ? "true" : "false")));

        public Task AttachPolicyToRoleAsync(string policyName, string policyType, string roleName, CancellationToken cancellationToken) =>
            DoneUnlessRefused("EntityAlreadyExists.Role.Policy",
                Call("AttachPolicyToRole", cancellationToken, P("PolicyType", policyType), P("PolicyName", policyName), P("RoleName", roleName)));

        public Task DetachPolicyFromRoleAsync(string policyName, string policyType, string roleName, CancellationToken cancellationToken) =>
            DoneUnlessRefused("EntityNotExist.Role.Policy",
                Call("DetachPolicyFromRole", cancellationToken, P("PolicyType", policyType), P("PolicyName", policyName), P("RoleName", roleName)));

        /// <summary>
        /// The write, taking <paramref name="doneCode"/> ("not found" for a delete, "already exists" for an attach) as done
        /// when an earlier attempt's answer was lost: that attempt did it. Otherwise the answer is RAM's refusal.
        /// </summary>
        private static async Task DoneUnlessRefused(string doneCode, Task call)
        {
            try
            {
                await call.ConfigureAwait(false);
            }
            catch (CloudException e) when (e.Code == doneCode && e.AfterUnansweredAttempt)
            {
            }
        }

        public async Task<IReadOnlyList<RamPolicy>> ListPoliciesForRoleAsync(string roleName, CancellationToken cancellationToken)
        {
            var result = await Call("ListPoliciesForRole", cancellationToken, P("RoleName", roleName)).ConfigureAwait(false);
            return result.Items("Policies", "Policy").Select(p => ReadPolicy(p)).ToList();
        }

        private static RamRole ReadRole(JsonElement? role)
        {
            if (role == null) throw new InvalidOperationException("RAM answered without a Role.");
            var r = role.Value;
            return new RamRole
            {
                RoleName = r.Str("RoleName") ?? string.Empty,
                RoleId = r.Str("RoleId"),
                Arn = r.Str("Arn"),
                Description = r.Str("Description"),
                AssumeRolePolicyDocument = r.Str("AssumeRolePolicyDocument"),
                MaxSessionDuration = (int?)r.Long("MaxSessionDuration"),
                CreationTime = r.Date("CreateDate"),
                ModificationTime = r.Date("UpdateDate"),
            };
        }

        private static RamPolicy ReadPolicy(JsonElement? policy)
        {
            if (policy == null) throw new InvalidOperationException("RAM answered without a Policy.");
            var p = policy.Value;
            return new RamPolicy
            {
                PolicyName = p.Str("PolicyName") ?? string.Empty,
                PolicyType = p.Str("PolicyType") ?? CustomPolicyType,
                Description = p.Str("Description"),
                DefaultVersion = p.Str("DefaultVersion"),
                PolicyDocument = p.Str("PolicyDocument"),
                AttachmentCount = (int?)p.Long("AttachmentCount"),
                CreationTime = p.Date("CreateDate"),
                ModificationTime = p.Date("UpdateDate"),
                AttachTime = p.Date("AttachDate"),
            };
        }

        private static RamPolicyVersion ReadVersion(JsonElement? version)
        {
            if (version == null) throw new InvalidOperationException("RAM answered without a PolicyVersion.");
            var v = version.Value;
            return new RamPolicyVersion
            {
                VersionId = v.Str("VersionId") ?? string.Empty,
                IsDefaultVersion = v.Bool("IsDefaultVersion") == true,
                PolicyDocument = v.Str("PolicyDocument"),
                CreationTime = v.Date("CreateDate"),
            };
        }
    }
}
