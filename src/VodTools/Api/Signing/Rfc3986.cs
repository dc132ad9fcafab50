using System.Text;

namespace VodTools.Api.Signing
{
    /// <summary>
    /// Percent-encoding as every Alibaba Cloud signature wants it: UTF-8 bytes, unreserved set
    /// exactly <c>A-Z a-z 0-9 - _ . ~</c>, upper-case hex (spec rpc-apis.md §1.2, oss-api.md §1.5).
    /// </summary>
    public static class Rfc3986
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Encodes every byte outside the unreserved set; '/' becomes %2F.</summary>
        public static string Encode(string value) => Encode(value, keepSlash: false);

        /// <summary>Encodes a URL path: as <see cref="Encode(string)"/> but '/' stays.</summary>
        public static string EncodePath(string value) => Encode(value, keepSlash: true);

        private static string Encode(string value, bool keepSlash)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            var builder = new StringBuilder(value.Length + 16);
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var c = (char)b;
                if (IsUnreserved(c) || (keepSlash && c == '/'))
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
            }
            return builder.ToString();
        }

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~';
    }
}
