using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Ram;

/// <summary>
/// RAM's verdict on a call: the account's own key may do anything; a RAM user is held to the policies attached to it; a
/// role's session to the role's policies, intersected with the session policy AssumeRole was given. Also answers for
/// VOD whether its transcoding may reach a bucket (a role trusted by the transcoding service, granted that bucket).
/// </summary>
internal sealed class Authorizer(RamApi ram) : IAuthorizer
{
    /// <summary>The services the VOD guide has a role trust so that transcoding can read the user's bucket.</summary>
    public static readonly string[] TranscodingServices = ["mts.aliyuncs.com", "vod.aliyuncs.com"];

    public Refusal? Check(AccessKey caller, string action, string resource, RequestConditions conditions)
    {
        if (caller.IsAccount) return null;
        PolicyDecision decision;
        bool bySession = false;
        string type, name;
        if (caller.UserName is { } user)
        {
            (type, name) = ("SubUser", user);
            decision = PolicyEvaluator.Evaluate(ram.DocumentsOf(ram.FindUser(user)?.Attached ?? []), action, resource, conditions);
        }
        else
        {
            string roleName = caller.RoleArn?[(caller.RoleArn.LastIndexOf('/') + 1)..] ?? "";
            (type, name) = ("AssumedRoleUser", roleName + ":" + caller.SessionName);
            var identity = caller.ServiceRole ? PolicyDecision.Allow
                : PolicyEvaluator.Evaluate(ram.DocumentsOf(ram.FindRole(roleName)?.Attached ?? []), action, resource, conditions);
            decision = identity;
            if (caller.SessionPolicy is { } session)
            {
                var sessionDecision = PolicyEvaluator.Evaluate([session], action, resource, conditions);
                decision = PolicyEvaluator.Intersect(identity, sessionDecision);
                // the token's policy refused: it did not allow what the role allows, or it denied
                bySession = identity != PolicyDecision.ExplicitDeny && (sessionDecision == PolicyDecision.ExplicitDeny || (identity == PolicyDecision.Allow && sessionDecision != PolicyDecision.Allow));
            }
            else if (caller.ServiceRole) decision = PolicyDecision.ImplicitDeny;
        }
        return decision == PolicyDecision.Allow ? null : new Refusal(decision, action, resource, caller.AccountId, type, name, bySession);
    }

    /// <summary>The name of a role that a transcoding service may assume and whose policies let it read the object,
    /// or null: what the guide's step "authorise VOD to access the bucket" sets up.</summary>
    public string? TranscodingRoleFor(string accountId, string bucket, string region, string key) =>
        ram.Roles.FirstOrDefault(role => TrustsTranscoding(role.AssumeRolePolicyDocument)
            && PolicyEvaluator.Evaluate(ram.DocumentsOf(role.Attached), "oss:GetObject", AcsResource.Oss(region, accountId, bucket, key)) == PolicyDecision.Allow)?.RoleName;

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
