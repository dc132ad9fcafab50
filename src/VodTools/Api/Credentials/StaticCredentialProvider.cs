using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>Credentials known up front: an explicit key, environment variables, an AK or StsToken profile.</summary>
    public sealed class StaticCredentialProvider : ICredentialProvider
    {
        private readonly Task<CloudCredentials> _credentials;

        public StaticCredentialProvider(CloudCredentials credentials, string description)
        {
            _credentials = Task.FromResult(credentials ?? throw new ArgumentNullException(nameof(credentials)));
            Description = description;
        }

        public string Description { get; }

        public Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => _credentials;
    }
}
