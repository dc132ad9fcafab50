namespace VodTools.Emulator.Vod;

/// <summary>An app's event notification settings (SetMessageCallback).</summary>
internal sealed class MessageCallback
{
    public const string Kind = "vod-callback";

    public string AppId { get; set; } = "";
    public string CallbackType { get; set; } = "";
    public string CallbackURL { get; set; } = "";
    public string EventTypeList { get; set; } = "";
    public string AuthSwitch { get; set; } = "";
    public string AuthKey { get; set; } = "";
    public string MnsEndpoint { get; set; } = "";
    public string MnsQueueName { get; set; } = "";

    /// <summary>Events go to an HTTP callback URL.</summary>
    public bool IsHttp => CallbackType == "HTTP" && CallbackURL.Length > 0;

    /// <summary>It asks for events of this type (or for ALL).</summary>
    public bool Wants(string eventType) => EventTypeList.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "ALL" || t == eventType);
}
