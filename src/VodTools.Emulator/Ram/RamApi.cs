using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Ram;

/// <summary>RAM 2015-05-01: roles, users and their access keys, custom policies with versions, and attachments (alibabacloud-go/ram-20150501 models; RAM's API reference and error tables).</summary>
internal sealed partial class RamApi : RpcApi
{
    public const string RoleKind = "ram-role";
    private const string PolicyKind = "ram-policy";
    private const int MaxPolicyVersions = 5;
    private const int MaxCustomPoliciesPerRole = 5;
    private const int MaxSystemPoliciesPerRole = 20;
    private const int MaxPolicyDocumentLength = 6144;
    private const int MaxRoles = 1000;
    private const int MaxCustomPolicies = 1500;

    private readonly Store _store;

    public RamApi(Store store)
    {
        _store = store;
        Action("CreateRole", CreateRole);
        Action("GetRole", call => new JsonObject { ["Role"] = RoleJson(FindRole(call)) });
        Action("ListRoles", ListRoles);
        Action("UpdateRole", UpdateRole);
        Action("DeleteRole", DeleteRole);
        Action("CreatePolicy", CreatePolicy);
        Action("GetPolicy", GetPolicy);
        Action("ListPolicies", ListPolicies);
        Action("DeletePolicy", DeletePolicy);
        Action("CreatePolicyVersion", CreatePolicyVersion);
        Action("GetPolicyVersion", GetPolicyVersion);
        Action("ListPolicyVersions", ListPolicyVersions);
        Action("SetDefaultPolicyVersion", SetDefaultPolicyVersion);
        Action("DeletePolicyVersion", DeletePolicyVersion);
        Action("AttachPolicyToRole", AttachPolicyToRole);
        Action("DetachPolicyFromRole", DetachPolicyFromRole);
        Action("ListPoliciesForRole", ListPoliciesForRole);
        RegisterUserActions();
    }

    public override string Version => "2015-05-01";
    public override string HostId => "ram.aliyuncs.com";
    public override string Product => "Ram";

    /// <summary>RAM authorises on the role, user or policy a call names (acs:ram:*:ACCOUNT:role/NAME, …:user/NAME,
    /// …:policy/NAME), and on all of them (…:role/*) for a listing.</summary>
    public override string ResourceOf(string action, RpcCall call)
    {
        string prefix = $"acs:ram:*:{call.AccountId}:";
        foreach (var (parameter, kind) in new[] { ("RoleName", "role"), ("UserName", "user"), ("PolicyName", "policy") })
            if (call.Optional(parameter) is { } name) return prefix + kind + "/" + name;
        return prefix + (action.Contains("Role") ? "role" : action.Contains("User") || action.Contains("AccessKey") ? "user" : "policy") + "/*";
    }

    public override RpcException Refuse(Refusal refusal) => NoPermission(refusal);

    public sealed class Role
    {
        public string RoleId { get; set; } = "";
        public string RoleName { get; set; } = "";
        public string Arn { get; set; } = "";
        public string Description { get; set; } = "";
        public string AssumeRolePolicyDocument { get; set; } = "";
        public int MaxSessionDuration { get; set; } = 3600;
        public string CreateDate { get; set; } = "";
        public string UpdateDate { get; set; } = "";
        public List<Attachment> Attached { get; set; } = [];
    }

    public sealed record Attachment(string PolicyName, string PolicyType, string AttachDate);

    public sealed class Policy
    {
        public string PolicyName { get; set; } = "";
        public string Description { get; set; } = "";
        public string DefaultVersion { get; set; } = "v1";
        public string CreateDate { get; set; } = "";
        public string UpdateDate { get; set; } = "";
        public int LastVersionNumber { get; set; } = 1;
        public List<PolicyVersion> Versions { get; set; } = [];
    }

    public sealed record PolicyVersion(string VersionId, string PolicyDocument, string CreateDate);

    [GeneratedRegex("^[A-Za-z0-9.-]+$")]
    private static partial Regex RoleNameChars();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex PolicyNameChars();

    [GeneratedRegex("^v[0-9]+$")]
    private static partial Regex VersionIdFormat();

    private JsonObject CreateRole(RpcCall call)
    {
        string name = ValidRoleName(call.Required("RoleName"));
        string trust = ValidDocument(call.Required("AssumeRolePolicyDocument"), "AssumeRolePolicyDocument");
        string now = RpcCall.Time(call.Now);
        var role = new Role
        {
            RoleId = RandomDigits(19),
            RoleName = name,
            Arn = $"acs:ram::{call.AccountId}:role/{name.ToLowerInvariant()}",
            Description = ValidDescription(call.Optional("Description")),
            AssumeRolePolicyDocument = trust,
            MaxSessionDuration = call.Int("MaxSessionDuration", 3600, 3600, 43200),
            CreateDate = now,
            UpdateDate = now,
        };
        _store.Atomically(() =>
        {
            if (_store.Get<Role>(RoleKind, name.ToLowerInvariant()) == null && _store.All<Role>(RoleKind).Count >= MaxRoles)
                throw new RpcException(409, "LimitExceeded.Role", $"Exceeded the maximum number of roles ({MaxRoles}).");
            return _store.TryAdd(RoleKind, name.ToLowerInvariant(), role)
                ? 0 : throw new RpcException(409, "EntityAlreadyExists.Role", "The role does already EXIST.");
        });
        var json = RoleJson(role);
        json.Remove("UpdateDate");
        return new JsonObject { ["Role"] = json };
    }

    private JsonObject ListRoles(RpcCall call)
    {
        int max = call.Int("MaxItems", 100, 1, 1000);
        string? marker = call.Optional("Marker");
        var roles = _store.All<Role>(RoleKind)
            .Where(r => marker == null || string.CompareOrdinal(r.RoleName.ToLowerInvariant(), marker) >= 0).ToList();
        var page = roles.Take(max).ToList();
        var result = new JsonObject { ["IsTruncated"] = roles.Count > max };
        if (roles.Count > max) result["Marker"] = roles[max].RoleName.ToLowerInvariant();
        result["Roles"] = new JsonObject
        {
            ["Role"] = new JsonArray(page.Select(r =>
            {
                var json = RoleJson(r);
                json.Remove("AssumeRolePolicyDocument");
                json["Tags"] = new JsonObject { ["Tag"] = new JsonArray() };
                return (JsonNode)json;
            }).ToArray()),
        };
        return result;
    }

    private JsonObject UpdateRole(RpcCall call)
    {
        var role = FindRole(call);
        if (call.Optional("NewAssumeRolePolicyDocument") is { } trust) role.AssumeRolePolicyDocument = ValidDocument(trust, "NewAssumeRolePolicyDocument");
        if (call.Optional("NewDescription") is { } description) role.Description = ValidDescription(description);
        role.MaxSessionDuration = call.Int("NewMaxSessionDuration", role.MaxSessionDuration, 3600, 43200);
        role.UpdateDate = RpcCall.Time(call.Now);
        _store.Put(RoleKind, role.RoleName.ToLowerInvariant(), role);
        return new JsonObject { ["Role"] = RoleJson(role) };
    }

    private JsonObject DeleteRole(RpcCall call)
    {
        var role = FindRole(call);
        if (role.Attached.Count > 0)
            throw new RpcException(409, "DeleteConflict.Role.Policy", "The role still has policies attached; detach them first.");
        _store.Delete(RoleKind, role.RoleName.ToLowerInvariant());
        return [];
    }

    private JsonObject CreatePolicy(RpcCall call)
    {
        string name = ValidPolicyName(call.Required("PolicyName"));
        string document = ValidDocument(call.Required("PolicyDocument"), "PolicyDocument");
        string now = RpcCall.Time(call.Now);
        var policy = new Policy
        {
            PolicyName = name,
            Description = ValidDescription(call.Optional("Description")),
            CreateDate = now,
            UpdateDate = now,
            Versions = [new PolicyVersion("v1", document, now)],
        };
        _store.Atomically(() =>
        {
            if (_store.Get<Policy>(PolicyKind, name) == null && _store.All<Policy>(PolicyKind).Count >= MaxCustomPolicies)
                throw new RpcException(409, "LimitExceeded.Policy", $"Exceeded the maximum number of custom policies ({MaxCustomPolicies}).");
            return !SystemPolicies.All.ContainsKey(name) && _store.TryAdd(PolicyKind, name, policy)
                ? 0 : throw new RpcException(409, "EntityAlreadyExists.Policy", "The policy does already EXIST.");
        });
        return new JsonObject
        {
            ["Policy"] = new JsonObject
            {
                ["PolicyName"] = name, ["PolicyType"] = "Custom", ["Description"] = policy.Description,
                ["DefaultVersion"] = "v1", ["CreateDate"] = now,
            },
        };
    }

    private JsonObject GetPolicy(RpcCall call)
    {
        string type = PolicyType(call);
        string name = call.Required("PolicyName");
        if (type == "System")
        {
            if (!SystemPolicies.All.TryGetValue(name, out var system)) throw PolicyNotFound();
            return new JsonObject
            {
                ["Policy"] = new JsonObject
                {
                    ["PolicyName"] = name, ["PolicyType"] = "System", ["Description"] = system.Description, ["DefaultVersion"] = "v1",
                    ["AttachmentCount"] = AttachmentCount(name, "System"), ["CreateDate"] = "2015-01-01T00:00:00Z",
                    ["UpdateDate"] = "2015-01-01T00:00:00Z", ["PolicyDocument"] = system.Document,
                },
                ["DefaultPolicyVersion"] = new JsonObject
                {
                    ["VersionId"] = "v1", ["IsDefaultVersion"] = true, ["PolicyDocument"] = system.Document, ["CreateDate"] = "2015-01-01T00:00:00Z",
                },
            };
        }
        var policy = FindPolicy(name);
        var current = policy.Versions.Single(v => v.VersionId == policy.DefaultVersion);
        var json = PolicyJson(policy);
        json["PolicyDocument"] = current.PolicyDocument;
        return new JsonObject { ["Policy"] = json, ["DefaultPolicyVersion"] = VersionJson(policy, current) };
    }

    private JsonObject ListPolicies(RpcCall call)
    {
        string? type = call.Optional("PolicyType");
        if (type is not (null or "System" or "Custom")) throw InvalidPolicyType();
        int max = call.Int("MaxItems", 100, 1, 1000);
        string? marker = call.Optional("Marker");
        var all = new List<(string Name, JsonObject Json)>();
        if (type != "Custom")
            all.AddRange(SystemPolicies.All.Select(p => (p.Key, new JsonObject
            {
                ["PolicyName"] = p.Key, ["PolicyType"] = "System", ["Description"] = p.Value.Description, ["DefaultVersion"] = "v1",
                ["AttachmentCount"] = AttachmentCount(p.Key, "System"), ["CreateDate"] = "2015-01-01T00:00:00Z", ["UpdateDate"] = "2015-01-01T00:00:00Z",
            })));
        if (type != "System")
            all.AddRange(_store.All<Policy>(PolicyKind).Select(p => (p.PolicyName, PolicyJson(p))));
        var ordered = all.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Where(p => marker == null || string.CompareOrdinal(p.Name, marker) >= 0).ToList();
        var result = new JsonObject { ["IsTruncated"] = ordered.Count > max };
        if (ordered.Count > max) result["Marker"] = ordered[max].Name;
        result["Policies"] = new JsonObject { ["Policy"] = new JsonArray(ordered.Take(max).Select(p => (JsonNode)p.Json).ToArray()) };
        return result;
    }

    private JsonObject DeletePolicy(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        if (_store.All<Role>(RoleKind).Any(r => r.Attached.Any(a => a.PolicyName == policy.PolicyName && a.PolicyType == "Custom")))
            throw new RpcException(409, "DeleteConflict.Policy.Role", "The policy is still attached to a role; detach it first.");
        if (_store.All<User>(UserKind).Any(u => u.Attached.Any(a => a.PolicyName == policy.PolicyName && a.PolicyType == "Custom")))
            throw new RpcException(409, "DeleteConflict.Policy.User", "The policy is still attached to a user; detach it first.");
        if (policy.Versions.Count > 1 && !call.Bool("CascadingDelete", false))
            throw new RpcException(409, "DeleteConflict.Policy.Version", "The policy still has non-default versions; delete them first or set CascadingDelete.");
        _store.Delete(PolicyKind, policy.PolicyName);
        return [];
    }

    private JsonObject CreatePolicyVersion(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        string document = ValidDocument(call.Required("PolicyDocument"), "PolicyDocument");
        bool setAsDefault = call.Bool("SetAsDefault", false);
        string strategy = call.Optional("RotateStrategy") ?? "None";
        if (strategy is not ("None" or "DeleteOldestNonDefaultVersionWhenLimitExceeded")) throw RpcException.Invalid("RotateStrategy");
        if (policy.Versions.Count >= MaxPolicyVersions)
        {
            if (strategy == "None")
                throw new RpcException(409, "LimitExceeded.Policy.Version", $"Exceeded the maximum number of versions ({MaxPolicyVersions}) of a policy.");
            policy.Versions.Remove(policy.Versions.First(v => v.VersionId != policy.DefaultVersion));
        }
        string now = RpcCall.Time(call.Now);
        var version = new PolicyVersion("v" + ++policy.LastVersionNumber, document, now);
        policy.Versions.Add(version);
        if (setAsDefault) policy.DefaultVersion = version.VersionId;
        policy.UpdateDate = now;
        _store.Put(PolicyKind, policy.PolicyName, policy);
        return new JsonObject { ["PolicyVersion"] = VersionJson(policy, version) };
    }

    private JsonObject GetPolicyVersion(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        return new JsonObject { ["PolicyVersion"] = VersionJson(policy, FindVersion(policy, call)) };
    }

    private JsonObject ListPolicyVersions(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        return new JsonObject
        {
            ["PolicyVersions"] = new JsonObject
            {
                ["PolicyVersion"] = new JsonArray(policy.Versions.Select(v => (JsonNode)VersionJson(policy, v)).ToArray()),
            },
        };
    }

    private JsonObject SetDefaultPolicyVersion(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        policy.DefaultVersion = FindVersion(policy, call).VersionId;
        policy.UpdateDate = RpcCall.Time(call.Now);
        _store.Put(PolicyKind, policy.PolicyName, policy);
        return [];
    }

    private JsonObject DeletePolicyVersion(RpcCall call)
    {
        var policy = FindPolicy(call.Required("PolicyName"));
        var version = FindVersion(policy, call);
        if (version.VersionId == policy.DefaultVersion)
            throw new RpcException(409, "DeleteConflict.Policy.Version.Default", "The default version of a policy cannot be deleted.");
        policy.Versions.Remove(version);
        _store.Put(PolicyKind, policy.PolicyName, policy);
        return [];
    }

    private JsonObject AttachPolicyToRole(RpcCall call) => _store.Atomically(() =>
    {
        var role = FindRole(call);
        Attach(call, role.Attached, "Role", MaxSystemPoliciesPerRole, MaxCustomPoliciesPerRole);
        _store.Put(RoleKind, role.RoleName.ToLowerInvariant(), role);
        return new JsonObject();
    });

    private JsonObject DetachPolicyFromRole(RpcCall call) => _store.Atomically(() =>
    {
        var role = FindRole(call);
        Detach(call, role.Attached, "Role");
        _store.Put(RoleKind, role.RoleName.ToLowerInvariant(), role);
        return new JsonObject();
    });

    /// <summary>Attaches the policy a call names (PolicyType, PolicyName) to a role's or user's list: 409
    /// EntityAlreadyExists.{Role|User}.Policy when it is there, LimitExceeded.{Role|User}.Policy past the limit of its type.</summary>
    private void Attach(RpcCall call, List<Attachment> attached, string entity, int maxSystem, int maxCustom)
    {
        string type = PolicyType(call);
        string name = call.Required("PolicyName");
        RequirePolicy(name, type);
        if (attached.Any(a => a.PolicyName == name && a.PolicyType == type))
            throw new RpcException(409, $"EntityAlreadyExists.{entity}.Policy", $"The policy has already been attached to the {entity.ToLowerInvariant()}.");
        if (attached.Count(a => a.PolicyType == type) >= (type == "System" ? maxSystem : maxCustom))
            throw new RpcException(409, $"LimitExceeded.{entity}.Policy", $"Exceeded the maximum number of policies attached to a {entity.ToLowerInvariant()}.");
        attached.Add(new Attachment(name, type, RpcCall.Time(call.Now)));
    }

    /// <summary>Detaches the policy a call names, or 404 EntityNotExist.{Role|User}.Policy.</summary>
    private static void Detach(RpcCall call, List<Attachment> attached, string entity)
    {
        string type = PolicyType(call);
        string name = call.Required("PolicyName");
        if (attached.RemoveAll(a => a.PolicyName == name && a.PolicyType == type) == 0)
            throw new RpcException(404, $"EntityNotExist.{entity}.Policy", $"The policy is not attached to the {entity.ToLowerInvariant()}.");
    }

    private JsonObject ListPoliciesForRole(RpcCall call) => AttachmentsJson(FindRole(call).Attached);

    /// <summary>ListPoliciesFor{Role,User}: each attachment with its policy's description and default version.</summary>
    private JsonObject AttachmentsJson(IEnumerable<Attachment> attached)
    {
        var policies = attached.Select(a =>
        {
            var custom = a.PolicyType == "Custom" ? _store.Get<Policy>(PolicyKind, a.PolicyName) : null;
            return (JsonNode)new JsonObject
            {
                ["PolicyName"] = a.PolicyName,
                ["PolicyType"] = a.PolicyType,
                ["Description"] = custom?.Description ?? SystemPolicies.All.GetValueOrDefault(a.PolicyName)?.Description ?? "",
                ["DefaultVersion"] = custom?.DefaultVersion ?? "v1",
                ["AttachDate"] = a.AttachDate,
            };
        });
        return new JsonObject { ["Policies"] = new JsonObject { ["Policy"] = new JsonArray(policies.ToArray()) } };
    }

    /// <summary>404 EntityNotExist.Policy unless the policy exists (a system one the emulator knows, or a custom one).</summary>
    private void RequirePolicy(string name, string type)
    {
        if (type == "System" ? !SystemPolicies.All.ContainsKey(name) : _store.Get<Policy>(PolicyKind, name) == null) throw PolicyNotFound();
    }

    /// <summary>The documents of these attachments: a system policy's, a custom policy's default version.</summary>
    public IEnumerable<string> DocumentsOf(IEnumerable<Attachment> attached) => attached.Select(a => a.PolicyType == "System"
        ? SystemPolicies.All.GetValueOrDefault(a.PolicyName)?.Document
        : _store.Get<Policy>(PolicyKind, a.PolicyName) is { } p ? p.Versions.Single(v => v.VersionId == p.DefaultVersion).PolicyDocument : null).OfType<string>();

    /// <summary>The role named by RoleName (names are case-insensitive in RAM), or 404 EntityNotExist.Role.</summary>
    public Role FindRole(RpcCall call) => FindRole(call.Required("RoleName"))
        ?? throw new RpcException(404, "EntityNotExist.Role", "The role does not exist.");

    public Role? FindRole(string name) => _store.Get<Role>(RoleKind, name.ToLowerInvariant());

    public IReadOnlyList<Role> Roles => _store.All<Role>(RoleKind);

    private Policy FindPolicy(string name) => _store.Get<Policy>(PolicyKind, name) ?? throw PolicyNotFound();

    private static PolicyVersion FindVersion(Policy policy, RpcCall call)
    {
        string id = call.Required("VersionId");
        if (!VersionIdFormat().IsMatch(id)) throw new RpcException(400, "InvalidParameter.VersionId.Format", "The specified VersionId is not valid.");
        return policy.Versions.FirstOrDefault(v => v.VersionId == id)
            ?? throw new RpcException(404, "EntityNotExist.Policy.Version", "The policy version does not exist.");
    }

    private int AttachmentCount(string policyName, string type) =>
        _store.All<Role>(RoleKind).Count(r => r.Attached.Any(a => a.PolicyName == policyName && a.PolicyType == type))
        + _store.All<User>(UserKind).Count(u => u.Attached.Any(a => a.PolicyName == policyName && a.PolicyType == type));

    private static string PolicyType(RpcCall call) => call.Optional("PolicyType") switch
    {
        null or "Custom" => "Custom",
        "System" => "System",
        _ => throw InvalidPolicyType(),
    };

    private static RpcException InvalidPolicyType() => new(400, "InvalidParameter.PolicyType", "The parameter PolicyType must be System or Custom.");

    private static RpcException PolicyNotFound() => new(404, "EntityNotExist.Policy", "The policy does not exist.");

    private static JsonObject RoleJson(Role role) => new()
    {
        ["RoleId"] = role.RoleId,
        ["RoleName"] = role.RoleName,
        ["Arn"] = role.Arn,
        ["Description"] = role.Description,
        ["AssumeRolePolicyDocument"] = role.AssumeRolePolicyDocument,
        ["MaxSessionDuration"] = role.MaxSessionDuration,
        ["CreateDate"] = role.CreateDate,
        ["UpdateDate"] = role.UpdateDate,
    };

    private JsonObject PolicyJson(Policy policy) => new()
    {
        ["PolicyName"] = policy.PolicyName,
        ["PolicyType"] = "Custom",
        ["Description"] = policy.Description,
        ["DefaultVersion"] = policy.DefaultVersion,
        ["AttachmentCount"] = AttachmentCount(policy.PolicyName, "Custom"),
        ["CreateDate"] = policy.CreateDate,
        ["UpdateDate"] = policy.UpdateDate,
    };

    private static JsonObject VersionJson(Policy policy, PolicyVersion version) => new()
    {
        ["VersionId"] = version.VersionId,
        ["IsDefaultVersion"] = version.VersionId == policy.DefaultVersion,
        ["PolicyDocument"] = version.PolicyDocument,
        ["CreateDate"] = version.CreateDate,
    };

    private static string ValidRoleName(string name)
    {
        if (name.Length > 64) throw new RpcException(400, "InvalidParameter.RoleName.Length", "The parameter RoleName is longer than 64 characters.");
        if (!RoleNameChars().IsMatch(name)) throw new RpcException(400, "InvalidParameter.RoleName.InvalidChars", "The parameter RoleName contains invalid characters.");
        return name;
    }

    private static string ValidPolicyName(string name)
    {
        if (name.Length > 128) throw new RpcException(400, "InvalidParameter.PolicyName.Length", "The parameter PolicyName is longer than 128 characters.");
        if (!PolicyNameChars().IsMatch(name)) throw new RpcException(400, "InvalidParameter.PolicyName.InvalidChars", "The parameter PolicyName contains invalid characters.");
        return name;
    }

    private static string ValidDescription(string? description) =>
        description == null ? "" : description.Length <= 1024 ? description
            : throw new RpcException(400, "InvalidParameter.Description.Length", "The parameter Description is longer than 1024 characters.");

    /// <summary>A policy or trust document: JSON object with a Statement array, at most 6,144 characters.</summary>
    private static string ValidDocument(string document, string parameter)
    {
        if (document.Length > MaxPolicyDocumentLength)
            throw new RpcException(400, $"InvalidParameter.{parameter}.Length", $"The parameter {parameter} is longer than {MaxPolicyDocumentLength} characters.");
        try
        {
            if (JsonNode.Parse(document) is JsonObject obj && obj["Statement"] is JsonArray) return document;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        throw new RpcException(400, "MalformedPolicyDocument", $"The policy document in {parameter} is malformed: it must be a JSON object with a Statement array.");
    }

    internal static string RandomDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + Random.Shared.Next(i == 0 ? 1 : 0, 10))));
}
