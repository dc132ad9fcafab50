using System.IO;
using System;
using VodTools.Api.Endpoints;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The region to work in: explicit → <c>ALIBABA_CLOUD_REGION_ID</c> and the legacy names → <c>region_id</c> of
    /// the aliyun CLI profile the credential chain would pick → <c>cn-shanghai</c>.
    /// </summary>
    public static class RegionResolver
    {
        public static ResolvedRegion Resolve(string? explicitRegionId, CredentialChainOptions options, string explicitOrigin = "the Region parameter")
        {
            if (!string.IsNullOrEmpty(explicitRegionId))
            {
                return Checked(explicitRegionId!, explicitOrigin);
            }

            var fromEnvironment = options.Environment.GetFirst(EnvironmentVariableNames.RegionId);
            if (fromEnvironment != null)
            {
                return Checked(fromEnvironment.Value, "environment variable " + fromEnvironment.Name);
            }

            var fromProfile = FromCliProfile(options);
            return fromProfile ?? new ResolvedRegion(RegionId.Default, "the default");
        }

        // A missing profile is left to the credential chain to report; the region just goes on to the default.
        private static ResolvedRegion? FromCliProfile(CredentialChainOptions options)
        {
            var path = options.CliConfigPath;
            if (options.CliConfigDisabled || !File.Exists(path))
            {
                return null;
            }

            var config = AliyunCliConfig.Load(path);
            var wanted = ProfileRequest.ForCliConfig(ProfileRequest.FromOptions(options), config);
            var profile = wanted == null ? null : config.Find(wanted.Name);
            return profile?.RegionId == null ? null : Checked(profile.RegionId, $"region_id of aliyun CLI profile '{profile.Name}' in {path}");
        }

        private static ResolvedRegion Checked(string regionId, string source)
        {
            try
            {
                return new ResolvedRegion(RegionId.Validate(regionId, "regionId"), source);
            }
            catch (ArgumentException)
            {
                throw new CredentialsException(
                    CredentialsErrorId.InvalidRegionId,
                    $"The region '{regionId}' from {source} is not a region id: use lowercase letters, digits and hyphens, e.g. {RegionId.Default}.");
            }
        }
    }
}
