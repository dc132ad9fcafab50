using System.Threading.Tasks;
using System.Threading;

namespace VodTools.Api.Credentials
{
    /// <summary>A source of credentials. Implementations are thread-safe.</summary>
    public interface ICredentialProvider
    {
        /// <summary>Where the credentials come from, for -Debug output. Never contains a secret.</summary>
        string Description { get; }

        Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
    }
}
