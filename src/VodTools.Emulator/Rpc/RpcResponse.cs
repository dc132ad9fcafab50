using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace VodTools.Emulator.Rpc;

/// <summary>Writes RPC answers in JSON (Format=JSON, and always for V3) or XML (the cloud's default).</summary>
internal static class RpcResponse
{
    /// <summary>Raw UTF-8 and unescaped '&amp;', '&lt;', '+' as the cloud writes them (the default encoder escapes them).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Error(string requestId, string hostId, string product, string code, string message, JsonObject? accessDeniedDetail = null)
    {
        var error = new JsonObject
        {
            ["RequestId"] = requestId,
            ["HostId"] = hostId,
            ["Code"] = code,
            ["Message"] = message,
            ["Recommend"] = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(code)}&product={product}&requestId={requestId}",
        };
        if (accessDeniedDetail != null) error["AccessDeniedDetail"] = accessDeniedDetail;
        return error;
    }

    /// <summary>XML with root &lt;rootName&gt;; arrays repeat their element name once per item.</summary>
    public static string ToXml(string rootName, JsonObject body)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = false, Encoding = Encoding.UTF8, CheckCharacters = false }))
        {
            writer.WriteStartElement(rootName);
            WriteMembers(writer, body);
            writer.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"");
    }

    private static void WriteMembers(XmlWriter writer, JsonObject obj)
    {
        foreach (var (name, value) in obj) WriteNode(writer, name, value);
    }

    private static void WriteNode(XmlWriter writer, string name, JsonNode? value)
    {
        if (value is JsonArray array)
        {
            foreach (var item in array) WriteNode(writer, name, item);
            return;
        }
        writer.WriteStartElement(name);
        if (value is JsonObject child) WriteMembers(writer, child);
        else if (value != null) writer.WriteString(value is JsonValue v && v.TryGetValue(out string? s) ? s : value.ToJsonString());
        writer.WriteEndElement();
    }
}
