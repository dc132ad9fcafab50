using System.Threading.Tasks;
using System.Threading;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Calls STS AssumeRole signed with <paramref name="source"/> and returns the role's temporary credentials
    /// (with their Expiration). Supplied by the RPC layer so that this namespace does no RPC itself.
    /// </summary>
    public delegate Task<CloudCredentials> AssumeRoleHandler(
        CloudCredentials source, AssumeRoleParameters parameters, CancellationToken cancellationToken);
}
