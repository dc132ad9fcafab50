namespace VodTools.Model
{
    /// <summary>Who the credentials are (STS GetCallerIdentity).</summary>
    public sealed class CallerIdentity
    {
        public string AccountId { get; set; } = string.Empty;
        public string? Arn { get; set; }
        /// <summary><c>Account</c>, <c>RAMUser</c> or <c>AssumedRoleUser</c>.</summary>
        public string? IdentityType { get; set; }
        public string? PrincipalId { get; set; }
        public string? UserId { get; set; }
        public string? RoleId { get; set; }
        /// <summary>Where the credentials came from (never the secret).</summary>
        public string? CredentialSource { get; set; }
        public string? Region { get; set; }

        public override string ToString() => Arn ?? AccountId;
    }
}
