using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Credentials;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Sts
{
    /// <summary>STS: who am I, and temporary credentials for a role (STS API reference: GetCallerIdentity, AssumeRole).</summary>
    public sealed class StsService
    {
        private readonly RpcClient _client;

        public StsService(RpcClient client) => _client = client;

        public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetCallerIdentity", Array.Empty<KeyValuePair<string, string>>(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity
            {
                AccountId = result.Str("AccountId") ?? string.Empty,
                Arn = result.Str("Arn"),
                IdentityType = result.Str("IdentityType"),
                PrincipalId = result.Str("PrincipalId"),
                UserId = result.Str("UserId"),
                RoleId = result.Str("RoleId"),
            };
        }

        public async Task<CloudCredentials> AssumeRoleAsync(AssumeRoleParameters parameters, CancellationToken cancellationToken)
        {
            var query = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("RoleArn", parameters.RoleArn),
                new KeyValuePair<string, string>("RoleSessionName", parameters.RoleSessionName),
                new KeyValuePair<string, string>("DurationSeconds", parameters.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
            };
            if (parameters.Policy != null) query.Add(new KeyValuePair<string, string>("Policy", parameters.Policy));
            if (parameters.ExternalId != null) query.Add(new KeyValuePair<string, string>("ExternalId", parameters.ExternalId));
            return ReadCredentials(await _client.CallAsync("AssumeRole", query, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>STS AssumeRoleWithOIDC: unsigned, the OIDC token is the proof (the client must be anonymous).</summary>
        public async Task<CloudCredentials> AssumeRoleWithOidcAsync(AssumeRoleWithOidcParameters parameters, string oidcToken, CancellationToken cancellationToken)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("RoleArn", parameters.RoleArn),
                new KeyValuePair<string, string>("OIDCProviderArn", parameters.OidcProviderArn),
                new KeyValuePair<string, string>("OIDCToken", oidcToken),
                new KeyValuePair<string, string>("RoleSessionName", parameters.RoleSessionName),
                new KeyValuePair<string, string>("DurationSeconds", parameters.DurationSeconds.ToString(CultureInfo.InvariantCulture)),
            };
            if (parameters.Policy != null) form.Add(new KeyValuePair<string, string>("Policy", parameters.Policy));
            return ReadCredentials(await _client.CallAsync("AssumeRoleWithOIDC", form, cancellationToken).ConfigureAwait(false));
        }

        private static CloudCredentials ReadCredentials(System.Text.Json.JsonElement result)
        {
            var credentials = result.Prop("Credentials") ?? throw new InvalidOperationException("STS answered without Credentials.");
            var expiration = credentials.Str("Expiration");
            return new CloudCredentials(
                credentials.Str("AccessKeyId") ?? string.Empty,
                credentials.Str("AccessKeySecret") ?? string.Empty,
                credentials.Str("SecurityToken"),
                DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : (DateTimeOffset?)null);
        }
    }
}
