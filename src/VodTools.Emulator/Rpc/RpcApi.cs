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
    /// <summary>The code of an injected 503 (VOD spells it its own way, spec §3.2).</summary>
    public virtual string UnavailableCode => "ServiceUnavailable";

    protected void Action(string name, Func<RpcCall, JsonObject> handler) => _actions[name] = handler;

    public Func<RpcCall, JsonObject>? Find(string action) => _actions.GetValueOrDefault(action);

    public IEnumerable<string> Actions => _actions.Keys;
}
