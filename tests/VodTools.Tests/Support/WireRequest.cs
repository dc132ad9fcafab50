using System.Text.Json;
using System.Text;

namespace VodTools.Tests.Support;

/// <summary>A request exactly as an official client put it on the wire (a vector's <c>wire</c>).</summary>
public sealed class WireRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required List<KeyValuePair<string, string>> Query { get; init; }
    public required List<KeyValuePair<string, string>> Headers { get; init; }
    public required byte[] Body { get; init; }

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>The form body's parameters (form rules: '+' is a space).</summary>
    public List<KeyValuePair<string, string>> FormParameters() =>
        Header("content-type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? ParseForm(Encoding.UTF8.GetString(Body))
            : new List<KeyValuePair<string, string>>();

    public static WireRequest FromJson(JsonElement wire)
    {
        var url = wire.GetProperty("url").GetString()!;
        var question = url.IndexOf('?');
        var body = wire.GetProperty("body").GetString() ?? "";
        return new WireRequest
        {
            Method = wire.GetProperty("method").GetString()!,
            Path = question < 0 ? url : url[..question],
            Query = question < 0 ? new() : ParseForm(url[(question + 1)..]),
            Headers = wire.GetProperty("headers").EnumerateArray()
                .Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!)).ToList(),
            Body = wire.GetProperty("bodyEncoding").GetString() == "base64" ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body),
        };
    }

    public static List<KeyValuePair<string, string>> ParseForm(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            return new KeyValuePair<string, string>(Decode(name), Decode(value));
        }).ToList();

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
