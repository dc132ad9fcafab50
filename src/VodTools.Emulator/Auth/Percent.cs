using System.Text;

namespace VodTools.Emulator.Auth;

/// <summary>Percent-encoding and decoding as the Alibaba signature specs define them.</summary>
/// <remarks>Deliberately independent of the module's <c>Rfc3986</c>: written apart from the same sources, no code shared, so that a mistake in one shows against the other.</remarks>
internal static class Percent
{
    /// <summary>RFC 3986 encoding of the UTF-8 bytes: only A-Z a-z 0-9 - _ . ~ stay, hex is upper case.
    /// <paramref name="keepSlash"/> leaves '/' as is (OSS V4 canonical URI).</summary>
    public static string Encode(string value, bool keepSlash = false)
    {
        var sb = new StringBuilder(value.Length + 16);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/'))
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>Decodes a path segment: %XX only, '+' stays a plus.</summary>
    public static string DecodePath(string raw) => Uri.UnescapeDataString(raw);

    /// <summary>Decodes a query or form component with form rules: '+' is a space.</summary>
    public static string DecodeForm(string raw) => Uri.UnescapeDataString(raw.Replace('+', ' '));

    /// <summary>Splits "a=1&b&c=" into decoded pairs, keeping order and duplicates; a name without '=' gets "".</summary>
    public static List<KeyValuePair<string, string>> ParseForm(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (raw.StartsWith('?')) raw = raw[1..];
        foreach (var part in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string name = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(DecodeForm(name), DecodeForm(value)));
        }
        return pairs;
    }
}
