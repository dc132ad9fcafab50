using System.Text.Json.Nodes;

namespace VodTools.Emulator.Rpc;

internal static class JsonObjectExtensions
{
    /// <summary>Appends the other object's members (moved, not copied) after this one's.</summary>
    public static JsonObject Merge(this JsonObject first, JsonObject rest)
    {
        foreach (var name in rest.Select(p => p.Key).ToList())
        {
            var value = rest[name];
            rest.Remove(name);
            if (name != "RequestId") first[name] = value;
        }
        return first;
    }
}
