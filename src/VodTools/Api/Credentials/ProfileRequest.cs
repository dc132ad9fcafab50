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

        public static ProfileRequest FromParameter(string name) => new ProfileRequest(name, "the ProfileName parameter");

        /// <summary>The profile named by <c>ALIBABA_CLOUD_PROFILE</c> or a legacy name, or null.</summary>
        public static ProfileRequest? FromEnvironment(CredentialEnvironment environment)
        {
            var value = environment.GetFirst(EnvironmentVariableNames.Profile);
            return value == null ? null : new ProfileRequest(value.Value, "environment variable " + value.Name);
        }

        /// <summary>The CLI profile to use: the one requested, else the file's <c>current</c>; null when neither names one.</summary>
        public static ProfileRequest? ForCliConfig(ProfileRequest? requested, AliyunCliConfig config) =>
            requested ?? (config.Current == null ? null : new ProfileRequest(config.Current, "'current' in " + config.Path));
    }
}
