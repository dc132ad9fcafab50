using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using System;
using VodTools.Services.Formats;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>Turns -TemplateList (VOD's JSON text, or hashtables and objects from PowerShell) into the JSON array VOD takes.</summary>
    internal static class TemplateListJson
    {
        private const string Parameter = "TemplateList";

        public static string? From(object[]? list)
        {
            if (list == null || list.Length == 0) return null;
            string json;
            int count;
            if (list.Length == 1 && Unwrap(list[0]) is string text)
            {
                json = VodLimits.JsonObject(text, Parameter, arrayAllowed: true)!;
                using var parsed = JsonDocument.Parse(json);
                var isArray = parsed.RootElement.ValueKind == JsonValueKind.Array;
                count = isArray ? parsed.RootElement.GetArrayLength() : 1;
                if (!isArray) json = "[" + json + "]";
                if (isArray && !AllObjects(parsed.RootElement)) throw NotTemplates();
            }
            else
            {
                foreach (var item in list)
                {
                    var template = Unwrap(item);
                    if (!(template is IDictionary) && !(template is PSObject)) throw NotTemplates();
                }
                json = Json.Compact(writer =>
                {
                    writer.WriteStartArray();
                    foreach (var item in list) Write(writer, item);
                    writer.WriteEndArray();
                });
                count = list.Length;
            }
            if (count > VodService.MaxTemplatesPerGroup)
                throw new ValidationException("VodTooManyTemplates", $"A template group holds at most {VodService.MaxTemplatesPerGroup} templates; {count} were given.", Parameter);
            return json;
        }

        private static bool AllObjects(JsonElement array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) return false;
            }
            return true;
        }

        private static ValidationException NotTemplates() =>
            new ValidationException("VodTemplateListInvalid", "-TemplateList takes VOD's JSON text, or one hashtable or object per template.", Parameter);

        /// <summary>The value a PSObject wraps; a [pscustomobject] stays a PSObject, whose properties are its members.</summary>
        private static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (Unwrap(value))
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture));
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case PSObject custom:
                    writer.WriteStartObject();
                    foreach (var property in custom.Properties)
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                case IFormattable number when IsNumber(number):
                    writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case var other:
                    writer.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static bool IsNumber(object value) =>
            value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is double || value is float || value is decimal;
    }
}
