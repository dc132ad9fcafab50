using System.Globalization;
using System.Text.Json;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Reads <c>{"Code":"Success","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}</c>, the shape
    /// the ECS metadata service and credentials URIs return. Errors never quote the body, which may hold a secret.
    /// </summary>
    internal static class CredentialsResponseParser
    {
        public static CloudCredentials Parse(string json, string what, bool requireSuccessCode)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                throw Invalid(what, "is not JSON");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(what, "is not a JSON object");
                }

                if (requireSuccessCode)
                {
                    var code = GetString(root, "Code");
                    if (code != "Success")
                    {
                        throw Invalid(what, $"has Code '{code ?? "(none)"}' instead of 'Success'");
                    }
                }

                var id = GetString(root, "AccessKeyId");
                var secret = GetString(root, "AccessKeySecret");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                {
                    throw Invalid(what, "lacks AccessKeyId or AccessKeySecret");
                }

                return new CloudCredentials(id!, secret!, GetString(root, "SecurityToken"), ParseExpiration(GetString(root, "Expiration"), what));
            }
        }

        private static DateTimeOffset? ParseExpiration(string? text, string what)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration))
            {
                throw Invalid(what, $"has an Expiration that is not a date: '{text}'");
            }

            return expiration;
        }

        private static string? GetString(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static CredentialsException Invalid(string what, string problem) =>
            new CredentialsException(CredentialsErrorId.CredentialsResponseInvalid, $"The response of {what} {problem}.");
    }
}
