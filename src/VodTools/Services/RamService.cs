using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>One version of a custom policy.</summary>
    public sealed class RamPolicyVersion
    {
        public string VersionId { get; set; } = string.Empty;
        public bool IsDefaultVersion { get; set; }
        public string? PolicyDocument { get; set; }
        public DateTime? CreateDate { get; set; }
    }

    /// <summary>The RAM operations VodTools uses, typed (spec rpc-apis.md §4).</summary>
    public sealed class RamService
    {
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
            return ReadRole((await _client.CallAsync("CreateRole", parameters, cancellationToken).ConfigureAwait(false)).Prop("Role"));
        }

        public async Task<RamRole> UpdateRoleTrustPolicyAsync(string roleName, string trustPolicy, CancellationToken cancellationToken) =>
            ReadRole((await Call("UpdateRole", cancellationToken, P("RoleName", roleName), P("NewAssumeRolePolicyDocument", trustPolicy)).ConfigureAwait(false)).Prop("Role"));

        public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken) => Call("DeleteRole", cancellationToken, P("RoleName", roleName));

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
            var policy = ReadPolicy((await _client.CallAsync("CreatePolicy", parameters, cancellationToken).ConfigureAwait(false)).Prop("Policy"));
            policy.PolicyDocument = document;
            return policy;
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

        /// <summary>Adds a version; with <paramref name="rotate"/> RAM deletes the oldest non-default version when at the limit of 5.</summary>
        public async Task<RamPolicyVersion> CreatePolicyVersionAsync(string policyName, string document, bool setAsDefault, bool rotate, CancellationToken cancellationToken)
        {
            // Not safe to repeat: each call adds a version (and with rotation deletes the oldest).
            var result = await _client.CallUnsafeAsync("CreatePolicyVersion", new[]
            {
                P("PolicyName", policyName), P("PolicyDocument", document), P("SetAsDefault", setAsDefault ? "true" : "false"),
                P("RotateStrategy", rotate ? "DeleteOldestNonDefaultVersionWhenLimitExceeded" : "None"),
            }, cancellationToken).ConfigureAwait(false);
            return ReadVersion(result.Prop("PolicyVersion"));
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
            Call("DeletePolicy", cancellationToken, P("PolicyName", policyName), P("CascadingDelete", cascade ? "true" : "false"));

        public Task AttachPolicyToRoleAsync(string policyName, string policyType, string roleName, CancellationToken cancellationToken) =>
            Call("AttachPolicyToRole", cancellationToken, P("PolicyType", policyType), P("PolicyName", policyName), P("RoleName", roleName));

        public Task DetachPolicyFromRoleAsync(string policyName, string policyType, string roleName, CancellationToken cancellationToken) =>
            Call("DetachPolicyFromRole", cancellationToken, P("PolicyType", policyType), P("PolicyName", policyName), P("RoleName", roleName));

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
                CreateDate = r.Date("CreateDate"),
                UpdateDate = r.Date("UpdateDate"),
            };
        }

        private static RamPolicy ReadPolicy(JsonElement? policy)
        {
            if (policy == null) throw new InvalidOperationException("RAM answered without a Policy.");
            var p = policy.Value;
            return new RamPolicy
            {
                PolicyName = p.Str("PolicyName") ?? string.Empty,
                PolicyType = p.Str("PolicyType") ?? "Custom",
                Description = p.Str("Description"),
                DefaultVersion = p.Str("DefaultVersion"),
                PolicyDocument = p.Str("PolicyDocument"),
                AttachmentCount = (int?)p.Long("AttachmentCount"),
                CreateDate = p.Date("CreateDate"),
                UpdateDate = p.Date("UpdateDate"),
                AttachDate = p.Date("AttachDate"),
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
                CreateDate = v.Date("CreateDate"),
            };
        }
    }
}
