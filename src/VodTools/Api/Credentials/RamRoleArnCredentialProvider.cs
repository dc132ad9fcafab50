using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Assumes a RAM role with the credentials of another provider and refreshes them before they expire.</summary>
    public sealed class RamRoleArnCredentialProvider : RefreshingCredentialProvider
    {
        private readonly ICredentialProvider _source;
        private readonly AssumeRoleParameters _parameters;
        private readonly AssumeRoleHandler _assumeRole;

        public RamRoleArnCredentialProvider(
            ICredentialProvider source, AssumeRoleParameters parameters, AssumeRoleHandler assumeRole, Func<DateTimeOffset>? utcNow = null)
            : base(utcNow)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            _assumeRole = assumeRole ?? throw new ArgumentNullException(nameof(assumeRole));
            Description = $"role {parameters.RoleArn} (session '{parameters.RoleSessionName}') assumed through STS with {source.Description}";
        }

        public override string Description { get; }

        protected override async Task<CloudCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            var source = await _source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            return await _assumeRole(source, _parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
