using System.Linq;
using System.Text;

namespace VodTools.Api.Signing
{
    /// <summary>
    /// Percent-encoding as every Alibaba Cloud signature wants it: UTF-8 bytes, unreserved set
    /// exactly <c>A-Z a-z 0-9 - _ . ~</c>, upper-case hex (the RPC signature page's percentEncode; OSS V4's URI-encode).
    /// </summary>
    /// <remarks>Deliberately independent of the emulator's <c>Percent</c> (both written from the same specs, no code shared), so that a mistake in one shows against the other.</remarks>
    public static class Rfc3986
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Encodes every byte outside the unreserved set; '/' becomes %2F.</summary>
        public static string Encode(string value) => Encode(value, keepSlash: false);

        /// <summary>Encodes a URL path: as <see cref="Encode(string)"/> but '/' stays. What OSS signatures cover.</summary>
        public static string EncodePath(string value) => Encode(value, keepSlash: true);

        /// <summary>
        /// Encodes an OSS key for the path of a URL: as <see cref="EncodePath"/>, and a segment that is "." or ".." has
        /// its dots escaped (%2E), so that no URL parser or proxy removes it as a dot segment and the key arrives whole.
        /// OSS decodes the path back to the key; signatures cover the key with its dots (<see cref="EncodePath"/>).
        /// </summary>
        public static string EncodeKeyForUrl(string key) =>
            string.Join("/", key.Split('/').Select(segment => segment == "." || segment == ".." ? segment.Replace(".", "%2E") : Encode(segment)));

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
