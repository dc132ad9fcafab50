using System.Collections.Generic;
using System.IO;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Picks the credential source the way the official clients do (credentials-go providers/default.go, credentials-csharp DefaultCredentialsProvider), first match wins:
    /// explicit key → environment (access key, then OIDC) → aliyun CLI profile → credentials INI file → ECS metadata → credentials URI.
    /// A profile named by parameter, environment or the CLI file's <c>current</c> must exist: there is no
    /// silent fallback to another source.
    /// </summary>
    public static class CredentialChain
    {
        public static ICredentialProvider Resolve(CredentialChainOptions options)
        {
            var factory = new CredentialProviderFactory(options);
            var skipped = new List<string>();

            var settings = options.Settings;
            CheckSingleSource(settings);
            if (settings.HasKey)
            {
                var key = factory.AccessKey(
                    settings.AccessKeyId, settings.AccessKeySecret, settings.SecurityToken, "the AccessKeyId/AccessKeySecret parameters", CredentialsErrorId.CredentialsIncomplete);
                return new LabeledCredentialProvider(
                    settings.KeyOrigin ?? "parameters AccessKeyId/AccessKeySecret" + (settings.SecurityToken == null ? string.Empty : "/SecurityToken"), key);
            }

            // A profile named on the command line beats the environment, as -ProfileName does in AWS Tools.
            if (settings.ProfileName == null)
            {
                var fromEnvironment = FromEnvironment(options.Environment, factory, skipped) ?? FromOidcEnvironment(options.Environment, factory, skipped);
                if (fromEnvironment != null)
                {
                    return fromEnvironment;
                }
            }

            var requested = ProfileRequest.FromOptions(options);
            var fromProfile = FromCliConfig(options, requested, factory, skipped) ?? FromCredentialsFile(options, requested, factory, skipped);
            if (fromProfile != null)
            {
                return fromProfile;
            }

            if (requested != null)
            {
                throw new CredentialsException(
                    CredentialsErrorId.ProfileNotFound,
                    $"The profile '{requested.Name}' named by {requested.Origin} does not exist. Looked in:" + Bullets(skipped));
            }

            var candidates = RuntimeSources(options, factory, skipped);
            if (candidates.Count == 0)
            {
                throw new CredentialsException(CredentialsErrorId.CredentialsNotFound, "No credentials were found. Tried, in order:" + Bullets(skipped));
            }

            return new FirstAvailableCredentialProvider(candidates, skipped);
        }

        /// <summary>Refuses a key and a profile named together: which one was meant cannot be told.</summary>
        public static void CheckSingleSource(ConnectionSettings settings)
        {
            if (settings.HasKey && settings.ProfileName != null)
                throw new CredentialsException(CredentialsErrorId.AmbiguousCredentialSource, "Give either an access key or a profile name, not both.");
        }

        private static ICredentialProvider? FromEnvironment(CredentialEnvironment environment, CredentialProviderFactory factory, List<string> skipped)
        {
            var id = environment.GetFirst(EnvironmentVariableNames.AccessKeyId);
            var secret = environment.GetFirst(EnvironmentVariableNames.AccessKeySecret);
            if (id == null && secret == null)
            {
                skipped.Add("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET: not set");
                return null;
            }

            var token = environment.GetFirst(EnvironmentVariableNames.SecurityToken);
            var label = "environment variables " + (id?.Name ?? EnvironmentVariableNames.AccessKeyId[0]) + "/" + (secret?.Name ?? EnvironmentVariableNames.AccessKeySecret[0])
                + (token == null ? string.Empty : "/" + token.Name);
            var key = factory.AccessKey(id?.Value, secret?.Value, token?.Value, label, CredentialsErrorId.CredentialsIncomplete);
            return new LabeledCredentialProvider(label, key);
        }

        private static ICredentialProvider? FromOidcEnvironment(CredentialEnvironment environment, CredentialProviderFactory factory, List<string> skipped)
        {
            var roleArn = environment.Get(EnvironmentVariableNames.OidcRoleArn);
            var providerArn = environment.Get(EnvironmentVariableNames.OidcProviderArn);
            var tokenFile = environment.Get(EnvironmentVariableNames.OidcTokenFile);
            var label = $"environment variables {EnvironmentVariableNames.OidcRoleArn}/{EnvironmentVariableNames.OidcProviderArn}/{EnvironmentVariableNames.OidcTokenFile}";
            if (roleArn == null || providerArn == null || tokenFile == null)
            {
                skipped.Add(label + ": not all set");
                return null;
            }

            var role = factory.OidcRole(
                roleArn,
                providerArn,
                tokenFile,
                environment.Get(EnvironmentVariableNames.RoleSessionName),
                0,
                null,
                null,
                null,
                label);
            return new LabeledCredentialProvider(label, role);
        }

        private static ICredentialProvider? FromCliConfig(
            CredentialChainOptions options, ProfileRequest? requested, CredentialProviderFactory factory, List<string> skipped)
        {
            var path = options.CliConfigPath;
            if (options.CliConfigDisabled)
            {
                skipped.Add($"aliyun CLI config {path}: disabled by {EnvironmentVariableNames.CliProfileDisabled} or {EnvironmentVariableNames.IgnoreProfile}");
                return null;
            }

            if (!File.Exists(path))
            {
                skipped.Add($"aliyun CLI config {path}: no such file");
                return null;
            }

            var config = AliyunCliConfig.Load(path);
            var wanted = ProfileRequest.ForCliConfig(requested, config);
            if (wanted == null)
            {
                skipped.Add($"aliyun CLI config {path}: names no current profile");
                return null;
            }

            var profile = config.Find(wanted.Name);
            if (profile != null)
            {
                return new AliyunCliProfileProviders(factory, config).Create(profile);
            }

            if (requested == null)
            {
                throw new CredentialsException(
                    CredentialsErrorId.ProfileNotFound, $"The profile '{wanted.Name}' named by {wanted.Origin} does not exist in that file.");
            }

            skipped.Add($"aliyun CLI config {path}: has no profile '{wanted.Name}'");
            return null;
        }

        private static ICredentialProvider? FromCredentialsFile(
            CredentialChainOptions options, ProfileRequest? requested, CredentialProviderFactory factory, List<string> skipped)
        {
            var path = options.CredentialsFilePath;
            if (!File.Exists(path))
            {
                skipped.Add($"credentials file {path}: no such file");
                return null;
            }

            var sectionName = requested?.Name ?? "default";
            var section = SharedCredentialsFile.Load(path).FindSection(sectionName);
            if (section == null)
            {
                skipped.Add($"credentials file {path}: has no profile [{sectionName}]");
                return null;
            }

            return new SharedCredentialsProfileProviders(factory).Create(sectionName, section, path);
        }

        private static List<ICredentialProvider> RuntimeSources(CredentialChainOptions options, CredentialProviderFactory factory, List<string> skipped)
        {
            var candidates = new List<ICredentialProvider>();
            if (options.Environment.IsTrue(EnvironmentVariableNames.EcsMetadataDisabled))
            {
                skipped.Add($"ECS metadata: disabled by {EnvironmentVariableNames.EcsMetadataDisabled}");
            }
            else
            {
                candidates.Add(factory.EcsRamRole(options.Environment.Get(EnvironmentVariableNames.EcsMetadataRoleName)));
            }

            var uri = options.Environment.Get(EnvironmentVariableNames.CredentialsUri);
            if (uri == null)
            {
                skipped.Add($"credentials URI: {EnvironmentVariableNames.CredentialsUri} not set");
            }
            else
            {
                candidates.Add(factory.CredentialsUri(uri, "environment variable " + EnvironmentVariableNames.CredentialsUri));
            }

            return candidates;
        }

        private static string Bullets(IEnumerable<string> lines) =>
            System.Environment.NewLine + "- " + string.Join(System.Environment.NewLine + "- ", lines);
    }
}
