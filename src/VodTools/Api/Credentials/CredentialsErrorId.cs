namespace VodTools.Api.Credentials
{
    /// <summary>The stable ErrorIds of <see cref="CredentialsException"/>.</summary>
    public static class CredentialsErrorId
    {
        /// <summary>No source in the chain produced credentials.</summary>
        public const string CredentialsNotFound = "CredentialsNotFound";

        /// <summary>A profile was named (parameter, environment or the file's <c>current</c>) but does not exist.</summary>
        public const string ProfileNotFound = "ProfileNotFound";

        /// <summary>A profile exists but lacks a value its mode needs.</summary>
        public const string ProfileInvalid = "ProfileInvalid";

        /// <summary>A profile mode or environment source VodTools does not implement (OIDC, External, CloudSSO, ...).</summary>
        public const string CredentialSourceNotSupported = "CredentialSourceNotSupported";

        /// <summary>The aliyun CLI config.json or the credentials INI file cannot be read or parsed.</summary>
        public const string ConfigFileInvalid = "ConfigFileInvalid";

        /// <summary>Only half of an access key is given (parameters or environment).</summary>
        public const string CredentialsIncomplete = "CredentialsIncomplete";

        /// <summary>An access key id, secret or token holds what no key can (a space at an end, a control character, non-ASCII).</summary>
        public const string CredentialsMalformed = "CredentialsMalformed";

        /// <summary>An explicit access key and an explicit profile name were both given.</summary>
        public const string AmbiguousCredentialSource = "AmbiguousCredentialSource";

        /// <summary>A role must be assumed but no STS AssumeRole handler was supplied.</summary>
        public const string AssumeRoleNotConfigured = "AssumeRoleNotConfigured";

        /// <summary>The ECS metadata service could not be reached or refused the request.</summary>
        public const string EcsMetadataUnavailable = "EcsMetadataUnavailable";

        /// <summary>The credentials URI could not be reached or answered with an error.</summary>
        public const string CredentialsUriFailed = "CredentialsUriFailed";

        /// <summary>A credentials response (ECS metadata or credentials URI) is malformed or not <c>Success</c>.</summary>
        public const string CredentialsResponseInvalid = "CredentialsResponseInvalid";

        /// <summary>A region id is not lowercase letters, digits and hyphens.</summary>
        public const string InvalidRegionId = "InvalidRegionId";
    }
}
