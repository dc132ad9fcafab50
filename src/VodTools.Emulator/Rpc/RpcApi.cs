using System.Text.Json.Nodes;

namespace VodTools.Emulator.Rpc;

/// <summary>One RPC product (VOD, RAM or STS): its API version, host name and action table.</summary>
internal abstract class RpcApi
{
    private readonly Dictionary<string, Func<RpcCall, JsonObject>> _actions = new(StringComparer.Ordinal);

    public abstract string Version { get; }
    /// <summary>The product's public host, used as HostId in errors.</summary>
    public abstract string HostId { get; }
    /// <summary>Product name in the Recommend troubleshooting link.</summary>
    public abstract string Product { get; }
    /// <summary>The code of an injected 503 (VOD spells it its own way: ServiceUnAvailable in VOD's API reference, "Error codes").</summary>
    public virtual string UnavailableCode => "ServiceUnavailable";

    protected void Action(string name, Func<RpcCall, JsonObject> handler) => _actions[name] = handler;

    public Func<RpcCall, JsonObject>? Find(string action) => _actions.GetValueOrDefault(action);

    public IEnumerable<string> Actions => _actions.Keys;

    /// <summary>The RAM resource an action acts on, e.g. acs:vod:cn-shanghai:ACCOUNT:*; null when the action needs no
    /// permission. Products without resource-level authorisation name all of the account's resources.</summary>
    public virtual string? ResourceOf(string action, RpcCall call) =>
        $"acs:{Product.ToLowerInvariant()}:{RpcEndpoint.RegionOf(call.Host, Product.ToLowerInvariant()) ?? "cn-shanghai"}:{call.AccountId}:*";

    /// <summary>The refusal of a call RAM does not allow. VOD and MTS answer as Alibaba's API gateway does for RAM
    /// (Forbidden.RAM, 403); RAM and STS with their own NoPermission, whose message names the resource and action.</summary>
    public virtual RpcException Refuse(Auth.Refusal refusal) =>
        new(403, "Forbidden.RAM", "User not authorized to operate on the specified resource, or this API doesn't support RAM.") { AccessDeniedDetail = refusal.DetailJson() };

    protected static RpcException NoPermission(Auth.Refusal refusal) =>
        new(403, "NoPermission", $"You are not authorized to do this action. Resource: {refusal.Resource} Action: {refusal.Action}") { AccessDeniedDetail = refusal.DetailJson() };
}
