using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Ram;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Sts;

/// <summary>STS 2015-04-01: AssumeRole (honouring the role's trust policy) and GetCallerIdentity
/// (alibabacloud-go/sts-20150401; STS API reference, AssumeRole). Issued keys work against every service of the emulator until they expire.</summary>
internal sealed partial class StsApi : RpcApi
{
    private readonly RamApi _ram;
    private readonly IKeyRing _keys;
    private readonly int? _tokenSecondsCap;

    public StsApi(RamApi ram, IKeyRing keys, int? tokenSecondsCap = null)
    {
        _ram = ram;
        _keys = keys;
        _tokenSecondsCap = tokenSecondsCap;
        Action("AssumeRole", AssumeRole);
        Action("GetCallerIdentity", GetCallerIdentity);
    }

    public override string Version => "2015-04-01";
    public override string HostId => "sts.aliyuncs.com";
    public override string Product => "Sts";

    /// <summary>AssumeRole is authorised on the role (acs:ram:*:ACCOUNT:role/NAME); anyone may ask who they are.</summary>
    public override string? ResourceOf(string action, RpcCall call) =>
        action == "GetCallerIdentity" ? null
        : $"acs:ram:*:{call.AccountId}:role/" + (call.Optional("RoleArn") is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : "*");

    public override RpcException Refuse(Refusal refusal) => NoPermission(refusal);

    [GeneratedRegex("^acs:ram::(?<account>[0-9]+):role/(?<name>[A-Za-z0-9.-]{1,64})$")]
    private static partial Regex RoleArnFormat();

    [GeneratedRegex("^[A-Za-z0-9.@_-]{2,64}$")]
    private static partial Regex SessionNameFormat();

    /// <summary>Issues a temporary key for a role; also used by VOD to hand out upload credentials.</summary>
    /// <param name="sessionPolicy">the Policy of AssumeRole, which narrows what the role's policies allow</param>
    /// <param name="serviceRole">the role is a service's own (VOD's upload role): the session policy alone grants</param>
    public AccessKey Issue(string accountId, string roleArn, string sessionName, DateTimeOffset expiration, string? sessionPolicy = null, bool serviceRole = false)
    {
        var key = new AccessKey("STS." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', 'x').Replace('/', 'y'),
            accountId, "CAIS" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(180)), expiration, roleArn, sessionName,
            SessionPolicy: sessionPolicy, ServiceRole: serviceRole);
        _keys.AddTemporary(key);
        return key;
    }

    private JsonObject AssumeRole(RpcCall call)
    {
        var arn = RoleArnFormat().Match(call.Required("RoleArn"));
        if (!arn.Success) throw new RpcException(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
        string session = call.Required("RoleSessionName");
        if (!SessionNameFormat().IsMatch(session))
            throw new RpcException(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
        if (call.Optional("Policy") is { } policy)
        {
            if (policy.Length > 2048) throw new RpcException(400, "InvalidParameter.PolicySize", "The policy is larger than 2048 characters.");
            if (!IsJsonObject(policy)) throw new RpcException(400, "InvalidParameter.PolicyGrammar", "The policy is not valid JSON.");
        }
        var role = arn.Groups["account"].Value == call.AccountId ? _ram.FindRole(arn.Groups["name"].Value) : null;
        if (role == null) throw new RpcException(404, "EntityNotExist.Role", "The specified Role not exists.");
        int duration = call.Parameters.ContainsKey("DurationSeconds") ? ParseDuration(call, role.MaxSessionDuration) : 3600;
        if (!Trusts(role.AssumeRolePolicyDocument, call.AccountId, call.Optional("ExternalId")))
            throw new RpcException(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.");

        // --sts-token-seconds shortens every token (tests of credential refresh); the cloud never issues less than 900 s.
        if (_tokenSecondsCap is int cap) duration = Math.Min(duration, cap);
        var key = Issue(call.AccountId, role.Arn, session, call.Now.AddSeconds(duration), call.Optional("Policy"));
        return new JsonObject
        {
            ["AssumedRoleUser"] = new JsonObject
            {
                ["Arn"] = role.Arn + "/" + session,
                ["AssumedRoleId"] = role.RoleId + ":" + session,
            },
            ["Credentials"] = new JsonObject
            {
                ["AccessKeyId"] = key.Id,
                ["AccessKeySecret"] = key.Secret,
                ["SecurityToken"] = key.SecurityToken,
                ["Expiration"] = RpcCall.Time(key.Expiration!.Value),
            },
        };
    }

    private static int ParseDuration(RpcCall call, int max)
    {
        if (!int.TryParse(call.Parameters["DurationSeconds"], out int seconds) || seconds < 900 || seconds > max)
            throw new RpcException(400, "InvalidParameter.DurationSeconds", $"The parameter DurationSeconds must be between 900 and {max}.");
        return seconds;
    }

    private JsonObject GetCallerIdentity(RpcCall call)
    {
        var caller = call.Caller;
        if (!caller.IsTemporary)
            return new JsonObject
            {
                ["AccountId"] = call.AccountId, ["Arn"] = $"acs:ram::{call.AccountId}:root", ["IdentityType"] = "Account",
                ["PrincipalId"] = call.AccountId, ["UserId"] = call.AccountId, ["RoleId"] = "",
            };
        var role = caller.RoleArn == null ? null : _ram.FindRole(caller.RoleArn[(caller.RoleArn.LastIndexOf('/') + 1)..]);
        string roleName = caller.RoleArn?[(caller.RoleArn.LastIndexOf('/') + 1)..] ?? "";
        return new JsonObject
        {
            ["AccountId"] = call.AccountId,
            ["Arn"] = $"acs:ram::{call.AccountId}:assumed-role/{roleName}/{caller.SessionName}",
            ["IdentityType"] = "AssumedRoleUser",
            ["PrincipalId"] = (role?.RoleId ?? "") + ":" + caller.SessionName,
            ["UserId"] = "",
            ["RoleId"] = role?.RoleId ?? "",
        };
    }

    /// <summary>True when an Allow statement for sts:AssumeRole names the caller's account as a RAM principal
    /// ("acs:ram::ACCOUNT:root", the bare account id, or "*") and its conditions hold. Service principals
    /// (mts.aliyuncs.com) are for Alibaba's services, never for the account itself.</summary>
    private static bool Trusts(string trustPolicy, string accountId, string? externalId)
    {
        JsonNode? doc;
        try { doc = JsonNode.Parse(trustPolicy); }
        catch (System.Text.Json.JsonException) { return false; }
        if (doc?["Statement"] is not JsonArray statements) return false;
        foreach (var statement in statements.OfType<JsonObject>())
        {
            if (!string.Equals((string?)statement["Effect"], "Allow", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Strings(statement["Action"]).Any(a => a is "sts:AssumeRole" or "sts:*" or "*")) continue;
            var ram = Strings(statement["Principal"]?["RAM"]);
            if (ram.Any(p => p == "*" || p == accountId || p.StartsWith($"acs:ram::{accountId}:", StringComparison.Ordinal))
                && ExternalIdHolds(statement["Condition"] as JsonObject, externalId)) return true;
        }
        return false;
    }

    /// <summary>A trust policy may require the caller's ExternalId: {"Condition":{"StringEquals":{"sts:ExternalId":"..."}}}
    /// (RAM's condition key for AssumeRole). The key under any other operator is not played, so it never holds.</summary>
    private static bool ExternalIdHolds(JsonObject? condition, string? externalId)
    {
        foreach (var (op, keys) in condition ?? [])
        {
            if (keys is not JsonObject map) continue;
            foreach (var (key, values) in map)
            {
                if (!string.Equals(key, "sts:ExternalId", StringComparison.OrdinalIgnoreCase)) continue;
                if (!string.Equals(op, "StringEquals", StringComparison.OrdinalIgnoreCase) || externalId == null || !Strings(values).Contains(externalId))
                    return false;
            }
        }
        return true;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : "").ToList(),
        JsonValue value when value.TryGetValue(out string? s) => [s],
        _ => [],
    };

    private static bool IsJsonObject(string text)
    {
        try { return JsonNode.Parse(text) is JsonObject; }
        catch (System.Text.Json.JsonException) { return false; }
    }
}
