using VodTools.Api.Credentials;

namespace VodTools.Tests.Support;

public sealed class StaticCredentials(CloudCredentials credentials) : ICredentialProvider
{
    public string Description => "test credentials";
    public Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
}
