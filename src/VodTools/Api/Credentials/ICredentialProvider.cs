using System.Threading;
using System.Threading.Tasks;

namespace VodTools.Api.Credentials
{
    /// <summary>Where credentials come from; <see cref="Description"/> says so for -Debug, never a secret.</summary>
    public interface ICredentialProvider
    {
        string Description { get; }
        Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
    }
}
