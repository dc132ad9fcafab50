using System.Threading.Tasks;
using System.Threading;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Gives another provider the description of where it was configured (e.g. the aliyun CLI profile
    /// that asked for a role), followed by what that provider does.
    /// </summary>
    public sealed class LabeledCredentialProvider : ICredentialProvider
    {
        private readonly ICredentialProvider _inner;

        public LabeledCredentialProvider(string label, ICredentialProvider inner)
        {
            _inner = inner;
            Description = label + ": " + inner.Description;
        }

        public string Description { get; }

        public Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => _inner.GetCredentialsAsync(cancellationToken);
    }
}
