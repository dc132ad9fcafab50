using System.Threading.Tasks;
using System.Threading;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Calls STS AssumeRoleWithOIDC, unsigned, with <paramref name="oidcToken"/> as the proof (a secret: never log it),
    /// and returns the role's temporary credentials. Supplied by the RPC layer.
    /// </summary>
    public delegate Task<CloudCredentials> AssumeRoleWithOidcHandler(
        AssumeRoleWithOidcParameters parameters, string oidcToken, CancellationToken cancellationToken);
}
