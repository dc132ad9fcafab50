using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json;
using System;
using VodTools.Services.Formats;

namespace VodTools.Services.Ram
{
    /// <summary>The RAM documents of the VOD authorisation step, and their comparison by meaning rather than by text.</summary>
    public static class PolicyDocuments
    {
        /// <summary>The trust policy that lets the given cloud services assume a role (RAM "Policy elements"; VOD's guide "Add a user-created OSS bucket").</summary>
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
        /// The buckets on which a policy document lets <c>oss:*</c> be done, on the bucket and on its objects
        /// (<c>acs:oss:&lt;region&gt;:&lt;account&gt;:&lt;bucket&gt;</c> and <c>…/*</c>, wildcards allowed), from its Allow statements
        /// without conditions; <see cref="OssGrants.AllBuckets"/> when it grants them on every resource. Deny statements
        /// and conditions are not evaluated: such a document grants what its plain Allow statements say, no more.
        /// </summary>
        public static OssGrants OssGrantsOf(string? document)
        {
            var statements = Statements(document);
            var allowed = statements
                .Where(st => Strings(st, "Effect").Contains("Allow") && !st.ContainsKey("Condition")
                    && Strings(st, "Action").Any(a => a == "*" || a == "oss:*"))
                .SelectMany(st => Strings(st, "Resource"))
                .ToList();
            if (allowed.Any(r => r == "*" || Glob(r, "acs:oss:x:x:any-bucket") && Glob(r, "acs:oss:x:x:other-bucket/*")))
                return new OssGrants(true, Array.Empty<string>());
            var buckets = allowed.Select(BucketOf).Where(b => b != null && allowed.Any(r => Glob(r, "acs:oss:x:x:" + b + "/object")))
                .Select(b => b!).Distinct().ToList();
            return new OssGrants(false, buckets);
        }

        /// <summary>
        /// The cloud services a trust policy lets assume the role: the <c>Principal.Service</c> entries of its Allow
        /// statements for <c>sts:AssumeRole</c> without conditions (conditions are not evaluated, so such a statement
        /// trusts no one here).
        /// </summary>
        public static IReadOnlyList<string> TrustedServices(string? document) =>
            Statements(document)
                .Where(st => Strings(st, "Effect").Contains("Allow") && !st.ContainsKey("Condition")
                    && Strings(st, "Action").Any(a => a == "*" || a == "sts:*" || a == "sts:AssumeRole"))
                .SelectMany(st => st["Principal"] is JsonObject principal ? Strings(principal, "Service") : Array.Empty<string>())
                .Distinct(StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// The document with <c>oss:*</c> granted on these buckets as well: added to the statement that grants buckets the
        /// way <see cref="OssAccessPolicy"/> does, or as a new statement, leaving every other statement as it is.
        /// </summary>
        public static string WithOssBuckets(string document, IReadOnlyCollection<string> buckets)
        {
            var root = JsonNode.Parse(document) as JsonObject ?? throw new FormatException("The policy document is not a JSON object.");
            var statements = root["Statement"] as JsonArray;
            if (statements == null) root["Statement"] = statements = new JsonArray();
            var resources = buckets.SelectMany(b => new[] { "acs:oss:*:*:" + b, "acs:oss:*:*:" + b + "/*" }).ToList();
            var ours = statements.OfType<JsonObject>().FirstOrDefault(st =>
                Strings(st, "Effect").SequenceEqual(new[] { "Allow" }) && Strings(st, "Action").SequenceEqual(new[] { "oss:*" })
                && !st.ContainsKey("Condition") && Strings(st, "Resource").All(r => r.StartsWith("acs:oss:", StringComparison.Ordinal)));
            if (ours == null)
            {
                statements.Add(new JsonObject
                {
                    ["Action"] = "oss:*",
                    ["Effect"] = "Allow",
                    ["Resource"] = new JsonArray(resources.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
                });
            }
            else
            {
                var merged = Strings(ours, "Resource").Concat(resources).Distinct().Select(r => (JsonNode)JsonValue.Create(r)!).ToArray();
                ours["Resource"] = new JsonArray(merged);
            }
            return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        private static IReadOnlyList<JsonObject> Statements(string? document)
        {
            try
            {
                var root = string.IsNullOrWhiteSpace(document) ? null : JsonNode.Parse(document!) as JsonObject;
                return root?["Statement"] switch
                {
                    JsonArray list => list.OfType<JsonObject>().ToList(),
                    JsonObject one => new[] { one },
                    _ => Array.Empty<JsonObject>(),
                };
            }
            catch (JsonException)
            {
                return Array.Empty<JsonObject>();
            }
        }

        /// <summary>A statement member as strings: RAM reads <c>"x"</c> and <c>["x"]</c> alike.</summary>
        private static IReadOnlyList<string> Strings(JsonObject statement, string name) => statement[name] switch
        {
            JsonArray list => list.Select(v => v is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).OfType<string>().ToList(),
            JsonValue value when value.TryGetValue<string>(out var text) => new[] { text },
            _ => Array.Empty<string>(),
        };

        /// <summary>The bucket an <c>acs:oss:&lt;region&gt;:&lt;account&gt;:&lt;bucket&gt;</c> resource names, or null.</summary>
        private static string? BucketOf(string resource)
        {
            var parts = resource.Split(':');
            return parts.Length == 5 && parts[0] == "acs" && parts[1] == "oss" && parts[4].Length > 0 && parts[4].IndexOfAny(new[] { '/', '*', '?' }) < 0 ? parts[4] : null;
        }

        /// <summary>True when <paramref name="pattern"/> (RAM's <c>*</c> and <c>?</c> wildcards) matches <paramref name="text"/>.</summary>
        private static bool Glob(string pattern, string text) =>
            System.Text.RegularExpressions.Regex.IsMatch(text,
                "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$");

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
