using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace VodTools.Api.Http
{
    /// <summary>
    /// What a RAM refusal's AccessDeniedDetail says (an object in RPC JSON errors, an element in OSS XML errors): the action
    /// the identity lacks and whether a Deny refused it or nothing allowed it.
    /// </summary>
    public sealed class AccessDenial
    {
        private AccessDenial(string action, bool explicitDeny)
        {
            Action = action;
            ExplicitDeny = explicitDeny;
        }

        /// <summary>The RAM action refused, e.g. <c>vod:SubmitTranscodeJobs</c>.</summary>
        public string Action { get; }

        /// <summary>A Deny statement refused it (NoPermissionType ExplicitDeny), rather than no statement allowing it.</summary>
        public bool ExplicitDeny { get; }

        /// <summary>Words for the end of the error message.</summary>
        public string Describe() => ExplicitDeny
            ? $"A RAM policy denies {Action} to these credentials."
            : $"These credentials lack the RAM permission {Action}.";

        public static AccessDenial? FromJson(JsonElement error)
        {
            var detail = error.EnumerateObject().FirstOrDefault(p => p.NameEquals("AccessDeniedDetail")).Value;
            if (detail.ValueKind != JsonValueKind.Object) return null;
            string? Field(string name) => detail.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Make(Field("AuthAction"), Field("NoPermissionType"));
        }

        public static AccessDenial? FromXml(XElement error)
        {
            var detail = error.Elements().FirstOrDefault(e => e.Name.LocalName == "AccessDeniedDetail");
            string? Field(string name) => detail?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            return Make(Field("AuthAction"), Field("NoPermissionType"));
        }

        private static AccessDenial? Make(string? action, string? type) =>
            string.IsNullOrEmpty(action) ? null : new AccessDenial(action!, type == "ExplicitDeny");
    }
}
