using System.Collections.Generic;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Turns a section of the credentials INI file into a provider according to its <c>type</c>.</summary>
    internal sealed class SharedCredentialsProfileProviders
    {
        private readonly CredentialProviderFactory _factory;

        public SharedCredentialsProfileProviders(CredentialProviderFactory factory)
        {
            _factory = factory;
        }

        public ICredentialProvider Create(string sectionName, IReadOnlyDictionary<string, string> section, string path)
        {
            var where = $"profile [{sectionName}] in {path}";
            var type = Get(section, "type");
            var label = $"profile [{sectionName}] in {path} (type {type})";
            switch (type)
            {
                case "access_key":
                    return new LabeledCredentialProvider(label, AccessKey(section, where));
                case "ecs_ram_role":
                    return new LabeledCredentialProvider(label, _factory.EcsRamRole(Get(section, "role_name")));
                case "ram_role_arn":
                    var role = _factory.AssumeRole(
                        AccessKey(section, where), Get(section, "role_arn"), Get(section, "role_session_name"), 0, Get(section, "policy"),
                        Get(section, "external_id"), Get(section, "sts_region"), VpcSwitch(section), where);
                    return new LabeledCredentialProvider(label, role);
                case "oidc_role_arn":
                    var oidc = _factory.OidcRole(
                        Get(section, "role_arn"), Get(section, "oidc_provider_arn"), Get(section, "oidc_token_file_path"), Get(section, "role_session_name"), 0, Get(section, "policy"),
                        Get(section, "sts_region"), VpcSwitch(section), where);
                    return new LabeledCredentialProvider(label, oidc);
                case null:
                    throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"The {where} has no type.");
                default:
                    throw new CredentialsException(
                        CredentialsErrorId.CredentialSourceNotSupported,
                        $"The {where} has type {type}, which VodTools does not support; use access_key, ecs_ram_role, ram_role_arn or oidc_role_arn.");
            }
        }

        private ICredentialProvider AccessKey(IReadOnlyDictionary<string, string> section, string where) =>
            _factory.AccessKey(Get(section, "access_key_id"), Get(section, "access_key_secret"), null, where);

        /// <summary>
        /// The VPC switch: credentials-csharp reads the key <c>enable</c> (its constant <c>enable_vpc</c> goes unused), so both are
        /// read; <c>true</c> or <c>false</c> in any casing, anything else leaves it unset.
        /// </summary>
        private static bool? VpcSwitch(IReadOnlyDictionary<string, string> section)
        {
            var value = Get(section, "enable") ?? Get(section, "enable_vpc");
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        private static string? Get(IReadOnlyDictionary<string, string> section, string key) =>
            section.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
    }
}
