using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;

namespace VodTools.Services
{
    /// <summary>The RAM documents of the VOD authorisation step, and their comparison by meaning rather than by text.</summary>
    public static class PolicyDocuments
    {
        /// <summary>The trust policy that lets the given cloud services assume a role (spec rpc-apis.md §4.4).</summary>
        public static string ServiceTrustPolicy(IEnumerable<string> servicePrincipals) => Json.Compact(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Statement");
            writer.WriteStartObject();
            writer.WriteString("Action", "sts:AssumeRole");
            writer.WriteString("Effect", "Allow");
            writer.WriteStartObject("Principal");
            writer.WriteStartArray("Service");
            foreach (var principal in servicePrincipals) writer.WriteStringValue(principal);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("Version", "1");
            writer.WriteEndObject();
        });

        /// <summary>
        /// <c>oss:*</c> on the given buckets and their objects (<c>acs:oss:*:*:&lt;bucket&gt;</c> and <c>…/*</c>);
        /// with no bucket, <c>oss:*</c> on every resource, as the VOD guide's policy has it.
        /// </summary>
        public static string OssAccessPolicy(IReadOnlyCollection<string> buckets) => Json.Compact(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Statement");
            writer.WriteStartObject();
            writer.WriteString("Action", "oss:*");
            writer.WriteString("Effect", "Allow");
            if (buckets.Count == 0)
            {
                writer.WriteString("Resource", "*");
            }
            else
            {
                writer.WriteStartArray("Resource");
                foreach (var bucket in buckets)
                {
                    writer.WriteStringValue("acs:oss:*:*:" + bucket);
                    writer.WriteStringValue("acs:oss:*:*:" + bucket + "/*");
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("Version", "1");
            writer.WriteEndObject();
        });

        /// <summary>What <see cref="OssAccessPolicy"/> grants, in a few words.</summary>
        public static string OssAccessSummary(IReadOnlyCollection<string> buckets) =>
            buckets.Count == 0 ? "oss:* on all of OSS" : "oss:* on " + string.Join(", ", buckets);

        /// <summary>
        /// True when two policy documents mean the same: member order is ignored, lists are sets (order and repeats
        /// ignored, a one-item list equals its item, as RAM reads <c>"Action":"x"</c> and <c>"Action":["x"]</c> alike).
        /// A document that does not parse equals nothing.
        /// </summary>
        public static bool AreEquivalent(string? left, string? right)
        {
            var a = Canonical(left);
            return a != null && a == Canonical(right);
        }

        private static string? Canonical(string? document)
        {
            if (string.IsNullOrWhiteSpace(document)) return null;
            try
            {
                using var parsed = JsonDocument.Parse(document!);
                return Canonical(parsed.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string Canonical(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return "{" + string.Join(",", element.EnumerateObject()
                        .OrderBy(p => p.Name, StringComparer.Ordinal)
                        .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}";
                case JsonValueKind.Array:
                    var items = element.EnumerateArray().Select(Canonical).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
                    return items.Count == 1 ? items[0] : "[" + string.Join(",", items) + "]";
                case JsonValueKind.String:
                    return JsonSerializer.Serialize(element.GetString());
                default:
                    return element.GetRawText();
            }
        }
    }
}
