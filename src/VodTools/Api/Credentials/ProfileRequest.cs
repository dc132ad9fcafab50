namespace VodTools.Api.Credentials
{
    /// <summary>A profile the user named, and how (for messages): a parameter, an environment variable or the CLI file's <c>current</c>.</summary>
    internal sealed class ProfileRequest
    {
        private ProfileRequest(string name, string origin)
        {
            Name = name;
            Origin = origin;
        }

        public string Name { get; }

        public string Origin { get; }

        /// <summary>The profile named by the ProfileName parameter, else by <c>ALIBABA_CLOUD_PROFILE</c> or a legacy name; null when none is.</summary>
        public static ProfileRequest? FromOptions(CredentialChainOptions options)
        {
            if (options.Settings.ProfileName != null)
            {
                return new ProfileRequest(options.Settings.ProfileName, "the ProfileName parameter");
            }

            var value = options.Environment.GetFirst(EnvironmentVariableNames.Profile);
            return value == null ? null : new ProfileRequest(value.Value, "environment variable " + value.Name);
        }

        /// <summary>The CLI profile to use: the one requested, else the file's <c>current</c>; null when neither names one.</summary>
        public static ProfileRequest? ForCliConfig(ProfileRequest? requested, AliyunCliConfig config) =>
            requested ?? (config.Current == null ? null : new ProfileRequest(config.Current, "'current' in " + config.Path));
    }
}
