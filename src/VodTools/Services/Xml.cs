using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace VodTools.Services
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

        public static DateTime? Date(this XElement parent, string name) =>
            DateTime.TryParse(parent.Text(name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value : (DateTime?)null;
    }
}
