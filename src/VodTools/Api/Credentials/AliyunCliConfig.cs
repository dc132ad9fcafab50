using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>The aliyun CLI's <c>config.json</c>: <c>{"current": "...", "profiles": [...]}</c>.</summary>
    public sealed class AliyunCliConfig
    {
        private AliyunCliConfig(string path, string? current, IReadOnlyList<AliyunCliProfile> profiles)
        {
            Path = path;
            Current = current;
            Profiles = profiles;
        }

        public string Path { get; }

        /// <summary>The profile the CLI uses when none is named; null when the file does not say.</summary>
        public string? Current { get; }

        public IReadOnlyList<AliyunCliProfile> Profiles { get; }

        /// <summary>Profile names are matched exactly, as the CLI does.</summary>
        public AliyunCliProfile? Find(string name) => Profiles.FirstOrDefault(p => p.Name == name);

        public static AliyunCliConfig Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The aliyun CLI config file {path} cannot be read: {e.Message}", e);
            }

            return Parse(text, path);
        }

        public static AliyunCliConfig Parse(string json, string path)
        {
            try
            {
                using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid(path, "the top level is not a JSON object");
                    }

                    var profiles = new List<AliyunCliProfile>();
                    if (root.TryGetProperty("profiles", out var array))
                    {
                        if (array.ValueKind != JsonValueKind.Array)
                        {
                            throw Invalid(path, "'profiles' is not an array");
                        }

                        profiles.AddRange(array.EnumerateArray().Select(element => ReadProfile(element, path)));
                    }

                    return new AliyunCliConfig(path, GetString(root, "current", path), profiles);
                }
            }
            catch (JsonException e)
            {
                // Line and position only: the exception's own message may quote the file, which holds secrets.
                throw new CredentialsException(
                    CredentialsErrorId.ConfigFileInvalid,
                    $"The aliyun CLI config file {path} is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
            }
        }

        private static AliyunCliProfile ReadProfile(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "an entry of 'profiles' is not an object");
            }

            return new AliyunCliProfile
            {
                Name = GetString(element, "name", path) ?? string.Empty,
                Mode = GetString(element, "mode", path) ?? string.Empty,
                AccessKeyId = GetString(element, "access_key_id", path),
                AccessKeySecret = GetString(element, "access_key_secret", path),
                StsToken = GetString(element, "sts_token", path),
                StsRegion = GetString(element, "sts_region", path),
                EnableVpc = GetBool(element, "enable_vpc", path),
                RamRoleName = GetString(element, "ram_role_name", path),
                RamRoleArn = GetString(element, "ram_role_arn", path),
                RamSessionName = GetString(element, "ram_session_name", path),
                ExpiredSeconds = GetInt(element, "expired_seconds", path),
                SourceProfile = GetString(element, "source_profile", path),
                ExternalId = GetString(element, "external_id", path),
                RegionId = GetString(element, "region_id", path),
                CredentialsUri = GetString(element, "credentials_uri", path),
                OidcProviderArn = GetString(element, "oidc_provider_arn", path),
                OidcTokenFile = GetString(element, "oidc_token_file", path),
            };
        }

        private static string? GetString(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(path, $"'{name}' is not a string");
            }

            var text = value.GetString();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private static bool? GetBool(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False) return value.GetBoolean();
            throw Invalid(path, $"'{name}' is not true or false");
        }

        // The CLI writes a number; hand-edited files sometimes quote it.
        private static int GetInt(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }

            throw Invalid(path, $"'{name}' is not a whole number");
        }

        private static CredentialsException Invalid(string path, string problem) =>
            new CredentialsException(CredentialsErrorId.ConfigFileInvalid, $"The aliyun CLI config file {path} is invalid: {problem}.");
    }
}
