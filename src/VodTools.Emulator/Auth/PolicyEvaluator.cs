using System.Text.Json.Nodes;

namespace VodTools.Emulator.Auth;

/// <summary>What RAM decides for one action on one resource.</summary>
internal enum PolicyDecision { ImplicitDeny, Allow, ExplicitDeny }

/// <summary>
/// RAM's evaluation of identity policies ("Policy elements", "Policy structure and syntax" in the RAM documentation):
/// a statement applies when its Action (or NotAction) and Resource (or NotResource) match, with * and ? as wildcards;
/// an applying Deny wins over every Allow, and when nothing applies the answer is an implicit deny. Actions match
/// without regard to case, resources with it. A statement with a Condition applies when its condition holds for the
/// request (<see cref="RequestConditions"/>); one that cannot be evaluated applies if it is a Deny and not if it is an
/// Allow, so the emulator never allows what the cloud may refuse.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>The decision of all these documents together; a malformed document counts as granting nothing.</summary>
    /// <param name="conditions">what the request tells the conditions; none known by default</param>
    public static PolicyDecision Evaluate(IEnumerable<string> documents, string action, string resource, RequestConditions? conditions = null)
    {
        bool allowed = false;
        foreach (var statement in documents.SelectMany(Statements))
        {
            if (!Applies(statement, action, resource)) continue;
            bool deny = string.Equals((string?)statement["Effect"], "Deny", StringComparison.Ordinal);
            if (statement.ContainsKey("Condition") && (conditions ?? RequestConditions.None).Holds(statement["Condition"]) is var holds && holds != true
                && !(deny && holds == null)) continue;
            if (deny) return PolicyDecision.ExplicitDeny;
            if (string.Equals((string?)statement["Effect"], "Allow", StringComparison.Ordinal)) allowed = true;
        }
        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    /// <summary>A session of a role with a session policy (AssumeRole's Policy): allowed only when both allow; a Deny
    /// in either is an explicit deny (OSS's 403 guide: "the intersection of the permissions").</summary>
    public static PolicyDecision Intersect(PolicyDecision identity, PolicyDecision session) =>
        identity == PolicyDecision.ExplicitDeny || session == PolicyDecision.ExplicitDeny ? PolicyDecision.ExplicitDeny
        : identity == PolicyDecision.Allow && session == PolicyDecision.Allow ? PolicyDecision.Allow
        : PolicyDecision.ImplicitDeny;

    /// <summary>RAM's wildcard match: * any run of characters, ? exactly one.</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = v; }
            else if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, value, v, 1, comparison) == 0)) { p++; v++; }
            else if (star >= 0) { p = star + 1; v = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool Applies(JsonObject statement, string action, string resource)
    {
        bool actionMatches = statement.ContainsKey("NotAction")
            ? !Strings(statement["NotAction"]).Any(a => Matches(a, action, ignoreCase: true))
            : Strings(statement["Action"]).Any(a => Matches(a, action, ignoreCase: true));
        bool resourceMatches = statement.ContainsKey("NotResource")
            ? !Strings(statement["NotResource"]).Any(r => Matches(r, resource, ignoreCase: false))
            : Strings(statement["Resource"]).Any(r => Matches(r, resource, ignoreCase: false));
        return actionMatches && resourceMatches;
    }

    private static IEnumerable<JsonObject> Statements(string document)
    {
        try
        {
            return JsonNode.Parse(document)?["Statement"] is JsonArray statements ? statements.OfType<JsonObject>().ToList() : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>A string or an array of strings (anything else names nothing).</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList(),
        JsonValue value when value.TryGetValue(out string? s) => [s],
        _ => [],
    };
}
