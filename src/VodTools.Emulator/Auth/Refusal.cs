using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace VodTools.Emulator.Auth;

/// <summary>Why RAM refused a call: what was asked, on what, by whom, whether a Deny said so or nothing allowed it, and
/// whether it was the session policy of an STS token (AssumeRole's Policy) that refused what the role allows.</summary>
internal sealed record Refusal(PolicyDecision Decision, string Action, string Resource, string AccountId, string PrincipalType, string PrincipalName,
    bool BySessionPolicy = false)
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

/// <summary>RAM's verdict on a call; the RPC pipeline and OSS ask it before acting (none with --lenient).</summary>
internal interface IAuthorizer
{
    /// <summary>Null when the caller may do <paramref name="action"/> on <paramref name="resource"/>, else why not.</summary>
    /// <param name="conditions">what the request tells the policies' conditions</param>
    Refusal? Check(AccessKey caller, string action, string resource, RequestConditions conditions);
}

/// <summary>The resource names (ARNs) RAM authorises on.</summary>
internal static class AcsResource
{
    /// <summary>acs:oss:REGION:ACCOUNT:bucket, or …:bucket/key for an object.</summary>
    public static string Oss(string region, string accountId, string bucket, string? key = null) =>
        $"acs:oss:{region}:{accountId}:{bucket}" + (key == null ? "" : "/" + key);
}
