using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>Event notification settings (SetMessageCallback, GetMessageCallback); <see cref="EventNotifier"/> sends the events.</summary>
internal sealed partial class EventsHandler(VodState state)
{
    /// <summary>"The callback URL can be up to 256 bytes in length" (SetMessageCallback reference).</summary>
    private const int MaxCallbackUrlBytes = 256;

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex AuthKeyPattern();

    /// <summary>Sets the app's whole configuration: what is not given is cleared (an empty EventTypeList turns every event off).</summary>
    public JsonObject SetMessageCallback(RpcCall call)
    {
        string type = call.Optional("CallbackType") ?? "HTTP";
        if (type is not ("HTTP" or "MNS")) throw RpcException.Invalid("CallbackType", "HTTP or MNS.");
        string url = call.Optional("CallbackURL") ?? "";
        if (type == "HTTP" && url.Length == 0) throw RpcException.Missing("CallbackURL");
        if (Encoding.UTF8.GetByteCount(url) > MaxCallbackUrlBytes) throw RpcException.Invalid("CallbackURL", $"At most {MaxCallbackUrlBytes} bytes.");
        string authSwitch = call.Optional("AuthSwitch") ?? "off";
        if (authSwitch is not ("on" or "off")) throw RpcException.Invalid("AuthSwitch", "on or off.");
        string key = call.Optional("AuthKey") ?? "";
        // "up to 32 characters ... must contain uppercase letters, lowercase letters, and digits" (SetMessageCallback reference)
        if (key.Length > 0 && !(AuthKeyPattern().IsMatch(key) && key.Any(char.IsUpper) && key.Any(char.IsLower) && key.Any(char.IsDigit)))
            throw RpcException.Invalid("AuthKey", "Up to 32 characters with uppercase letters, lowercase letters and digits.");
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;
        state.Save(new MessageCallback
        {
            AppId = appId,
            CallbackType = type,
            CallbackURL = url,
            EventTypeList = call.Optional("EventTypeList") ?? "",
            AuthSwitch = authSwitch,
            AuthKey = key,
            MnsEndpoint = call.Optional("MnsEndpoint") ?? "",
            MnsQueueName = call.Optional("MnsQueueName") ?? "",
        });
        return [];
    }

    public JsonObject GetMessageCallback(RpcCall call)
    {
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;
        var c = state.CallbackOf(appId) ?? new MessageCallback { AppId = appId };
        return new JsonObject
        {
            ["MessageCallback"] = new JsonObject
            {
                ["AppId"] = c.AppId,
                ["CallbackType"] = c.CallbackType,
                ["CallbackURL"] = c.CallbackURL,
                ["EventTypeList"] = c.EventTypeList,
                ["AuthSwitch"] = c.AuthSwitch,
                ["AuthKey"] = c.AuthKey,
                ["MnsEndpoint"] = c.MnsEndpoint,
                ["MnsQueueName"] = c.MnsQueueName,
            },
        };
    }
}
