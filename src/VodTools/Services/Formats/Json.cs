using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System;

namespace VodTools.Services.Formats
{
    /// <summary>Tolerant reading of the RPC products' JSON (docs sometimes send numbers as strings) and compact writing.</summary>
    internal static class Json
    {
        /// <summary>Keeps non-ASCII readable in JSON parameters (titles in any script); it is never embedded in HTML.</summary>
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static JsonElement? Prop(this JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : (JsonElement?)null;

        public static string? Str(this JsonElement element, string name)
        {
            var value = element.Prop(name);
            if (value == null) return null;
            return value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
        }

        public static long? Long(this JsonElement element, string name)
        {
            var value = element.Prop(name);
            if (value == null) return null;
            if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out var n)) return n;
            return long.TryParse(value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : null, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : (long?)null;
        }

        public static double? Double(this JsonElement element, string name)
        {
            var value = element.Prop(name);
            if (value == null) return null;
            if (value.Value.ValueKind == JsonValueKind.Number) return value.Value.GetDouble();
            return double.TryParse(value.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null;
        }

        public static bool? Bool(this JsonElement element, string name)
        {
            var value = element.Prop(name);
            if (value == null) return null;
            if (value.Value.ValueKind == JsonValueKind.True) return true;
            if (value.Value.ValueKind == JsonValueKind.False) return false;
            return bool.TryParse(value.Value.GetString(), out var b) ? b : (bool?)null;
        }

        /// <summary>A cloud time (UTC on the wire) as local time, as Get-Date and Get-ChildItem show times; compare instants with ToUniversalTime.</summary>
        public static DateTime? Date(this JsonElement element, string name) =>
            DateTime.TryParse(element.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value.ToLocalTime() : (DateTime?)null;

        /// <summary>
        /// The items of a list, whether sent bare (<c>"Roles":[…]</c>) or in the RPC wrapper (<c>"Roles":{"Role":[…]}</c>).
        /// </summary>
        public static IEnumerable<JsonElement> Items(this JsonElement element, string name, string? wrapper = null)
        {
            var value = element.Prop(name);
            if (value == null) return Enumerable.Empty<JsonElement>();
            if (value.Value.ValueKind == JsonValueKind.Object && wrapper != null) value = value.Value.Prop(wrapper);
            return value != null && value.Value.ValueKind == JsonValueKind.Array ? value.Value.EnumerateArray().ToList() : Enumerable.Empty<JsonElement>();
        }

        public static IEnumerable<string> Strings(this JsonElement element, string name, string? wrapper = null) =>
            element.Items(name, wrapper).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText());

        public static string Compact(Action<Utf8JsonWriter> write)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
