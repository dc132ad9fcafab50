using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;

namespace VodTools.Services.Formats
{
    /// <summary>Namespace-agnostic reading of OSS XML (some answers carry the doc namespace, some none).</summary>
    internal static class Xml
    {
        public static XElement? Child(this XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        public static string? Text(this XElement parent, string name) => parent.Child(name)?.Value;

        public static System.Collections.Generic.IEnumerable<XElement> Children(this XElement parent, string name) =>
            parent.Elements().Where(e => e.Name.LocalName == name);

        public static long Long(this XElement parent, string name) =>
            long.TryParse(parent.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

        public static bool Bool(this XElement parent, string name) => string.Equals(parent.Text(name), "true", StringComparison.OrdinalIgnoreCase);

        public static DateTime? Date(this XElement parent, string name) => ParseDate(parent.Text(name));

        private static readonly string[] IsoFormats = { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'" };

        /// <summary>A cloud time (UTC on the wire) as local time, as <see cref="Json.Date"/>; OSS's ISO 8601 forms are read exactly (fast), anything else by the general parser.</summary>
        public static DateTime? ParseDate(string? text)
        {
            const DateTimeStyles Utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
            if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Utc, out var value)) return value.ToLocalTime();
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, Utc, out value) ? value.ToLocalTime() : (DateTime?)null;
        }
    }
}
