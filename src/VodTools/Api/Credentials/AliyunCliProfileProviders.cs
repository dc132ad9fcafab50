using System.Collections.Generic;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Turns an aliyun CLI profile into a provider according to its mode (matched case-insensitively, as the CLI does).</summary>
    internal sealed class AliyunCliProfileProviders
    {
        private readonly CredentialProviderFactory _factory;
        private readonly AliyunCliConfig _config;

        public AliyunCliProfileProviders(CredentialProviderFactory factory, AliyunCliConfig config)
        {
            _factory = factory;
            _config = config;
        }

        public static string Describe(AliyunCliProfile profile, string path) =>
            $"aliyun CLI profile '{profile.Name}' in {path} (mode {(profile.Mode.Length == 0 ? "AK" : profile.Mode)})";

        public ICredentialProvider Create(AliyunCliProfile profile) =>
            new LabeledCredentialProvider(Describe(profile, _config.Path), CreateUnlabeled(profile, new HashSet<string>(StringComparer.Ordinal)));

        private ICredentialProvider CreateUnlabeled(AliyunCliProfile profile, HashSet<string> visited)
        {
            var where = $"aliyun CLI profile '{profile.Name}' in {_config.Path}";
            if (!visited.Add(profile.Name))
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"The source_profile chain of {where} loops back to itself.");
            }

            // Old CLI versions wrote AK profiles without a mode.
            switch (profile.Mode.Length == 0 ? "ak" : profile.Mode.ToLowerInvariant())
            {
                case "ak":
                    return _factory.AccessKey(profile.AccessKeyId, profile.AccessKeySecret, null, where);
                case "ststoken":
                    if (string.IsNullOrEmpty(profile.StsToken))
                    {
                        throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"The {where} has mode StsToken but no sts_token.");
                    }

                    return _factory.AccessKey(profile.AccessKeyId, profile.AccessKeySecret, profile.StsToken, where);
                case "ramrolearn":
                    return AssumeRole(_factory.AccessKey(profile.AccessKeyId, profile.AccessKeySecret, profile.StsToken, where), profile, where);
                case "chainableramrolearn":
                    return AssumeRole(SourceProfile(profile, where, visited), profile, where);
                case "ecsramrole":
                    return _factory.EcsRamRole(profile.RamRoleName);
                case "oidc":
                    return _factory.OidcRole(
                        profile.RamRoleArn, profile.OidcProviderArn, profile.OidcTokenFile, profile.RamSessionName, profile.ExpiredSeconds, null, profile.StsRegion, profile.EnableVpc, where);
                case "credentialsuri":
                    return _factory.CredentialsUri(profile.CredentialsUri, where);
                default:
                    throw new CredentialsException(
                        CredentialsErrorId.CredentialSourceNotSupported,
                        $"The {where} has mode {profile.Mode}, which VodTools does not support; use AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC or CredentialsURI.");
            }
        }

        private ICredentialProvider SourceProfile(AliyunCliProfile profile, string where, HashSet<string> visited)
        {
            if (profile.SourceProfile == null)
            {
                throw new CredentialsException(CredentialsErrorId.ProfileInvalid, $"The {where} has mode ChainableRamRoleArn but no source_profile.");
            }

            var source = _config.Find(profile.SourceProfile)
                ?? throw new CredentialsException(
                    CredentialsErrorId.ProfileNotFound, $"The source_profile '{profile.SourceProfile}' of {where} does not exist in that file.");
            return new LabeledCredentialProvider(Describe(source, _config.Path), CreateUnlabeled(source, visited));
        }

        private ICredentialProvider AssumeRole(ICredentialProvider source, AliyunCliProfile profile, string where) =>
            _factory.AssumeRole(
                source, profile.RamRoleArn, profile.RamSessionName, profile.ExpiredSeconds, null, profile.ExternalId, profile.StsRegion, profile.EnableVpc, where);
    }
}
