using System.Text.Json.Nodes;
using System.Xml.Linq;
using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Ram;

/// <summary>Why RAM refused a call: what was asked, on what, by whom, and whether a Deny said so or nothing allowed it.</summary>
internal sealed record Refusal(PolicyDecision Decision, string Action, string Resource, string AccountId, string PrincipalType, string PrincipalName)
{
    public string NoPermissionType => Decision == PolicyDecision.ExplicitDeny ? "ExplicitDeny" : "ImplicitDeny";

    /// <summary>The AccessDeniedDetail the cloud adds to a refusal (OSS's 0003-00000201 page shows its fields; RPC
    /// products carry the same object in their JSON error).</summary>
    private IEnumerable<(string Name, string Value)> Detail =>
    [
        ("PolicyType", "AccountLevelIdentityBasedPolicy"), ("AuthPrincipalOwnerId", AccountId), ("AuthPrincipalType", PrincipalType),
        ("AuthPrincipalDisplayName", PrincipalName), ("NoPermissionType", NoPermissionType), ("AuthAction", Action),
    ];

    public JsonObject DetailJson() => new(Detail.Select(d => KeyValuePair.Create(d.Name, (JsonNode?)d.Value)));

    public XElement DetailXml() => new("AccessDeniedDetail", Detail.Select(d => new XElement(d.Name, d.Value)));
}

/// <summary>
/// RAM's verdict on a call: the account's own key may do anything; a RAM user is held to the policies attached to it; a
/// role's session to the role's policies, intersected with the session policy AssumeRole was given. Also answers for
/// VOD whether its transcoding may reach a bucket (a role trusted by the transcoding service, granted that bucket).
/// </summary>
internal sealed class Authorizer(RamApi ram)
{
    /// <summary>The services the VOD guide has a role trust so that transcoding can read the user's bucket.</summary>
    public static readonly string[] TranscodingServices = ["mts.aliyuncs.com", "vod.aliyuncs.com"];

    /// <summary>Null when the caller may do <paramref name="action"/> on <paramref name="resource"/>, else why not.</summary>
    public Refusal? Check(AccessKey caller, string action, string resource)
    {
        if (caller.IsAccount) return null;
        PolicyDecision decision;
        string type, name;
        if (caller.UserName is { } user)
        {
            (type, name) = ("SubUser", user);
            decision = PolicyEvaluator.Evaluate(ram.DocumentsOf(ram.FindUser(user)?.Attached ?? []), action, resource);
        }
        else
        {
            string roleName = caller.RoleArn?[(caller.RoleArn.LastIndexOf('/') + 1)..] ?? "";
            (type, name) = ("AssumedRoleUser", roleName + ":" + caller.SessionName);
            decision = caller.ServiceRole ? PolicyDecision.Allow
                : PolicyEvaluator.Evaluate(ram.DocumentsOf(ram.FindRole(roleName)?.Attached ?? []), action, resource);
            if (caller.SessionPolicy is { } session)
                decision = PolicyEvaluator.Intersect(decision, PolicyEvaluator.Evaluate([session], action, resource));
            else if (caller.ServiceRole) decision = PolicyDecision.ImplicitDeny;
        }
        return decision == PolicyDecision.Allow ? null : new Refusal(decision, action, resource, caller.AccountId, type, name);
    }

    /// <summary>The name of a role that a transcoding service may assume and whose policies let it read the object,
    /// or null: what the guide's step "authorise VOD to access the bucket" sets up.</summary>
    public string? TranscodingRoleFor(string accountId, string bucket, string region, string key) =>
        ram.Roles.FirstOrDefault(role => TrustsTranscoding(role.AssumeRolePolicyDocument)
            && PolicyEvaluator.Evaluate(ram.DocumentsOf(role.Attached), "oss:GetObject", OssResource(region, accountId, bucket, key)) == PolicyDecision.Allow)?.RoleName;

    /// <summary>acs:oss:REGION:ACCOUNT:bucket, or …:bucket/key for an object.</summary>
    public static string OssResource(string region, string accountId, string bucket, string? key = null) =>
        $"acs:oss:{region}:{accountId}:{bucket}" + (key == null ? "" : "/" + key);

    private static bool TrustsTranscoding(string trustPolicy)
    {
        JsonNode? doc;
        try { doc = JsonNode.Parse(trustPolicy); }
        catch (System.Text.Json.JsonException) { return false; }
        return doc?["Statement"] is JsonArray statements && statements.OfType<JsonObject>().Any(s =>
            string.Equals((string?)s["Effect"], "Allow", StringComparison.Ordinal)
            && PolicyEvaluator.Strings(s["Action"]).Any(a => PolicyEvaluator.Matches(a, "sts:AssumeRole", ignoreCase: true))
            && PolicyEvaluator.Strings(s["Principal"]?["Service"]).Any(p => TranscodingServices.Contains(p, StringComparer.OrdinalIgnoreCase)));
    }
}
