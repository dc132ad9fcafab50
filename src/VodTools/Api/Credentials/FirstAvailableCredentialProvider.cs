using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The sources that can only be tried by asking them (ECS metadata, credentials URI): the first that
    /// answers wins and is used from then on, as in credentials-go. When none answers, the error lists every
    /// source of the chain and why it did not serve.
    /// </summary>
    public sealed class FirstAvailableCredentialProvider : ICredentialProvider
    {
        private readonly IReadOnlyList<ICredentialProvider> _candidates;
        private readonly IReadOnlyList<string> _skipped;
        private volatile ICredentialProvider? _chosen;

        /// <summary><paramref name="skipped"/> lists the sources already passed over, each with the reason, for the error message.</summary>
        public FirstAvailableCredentialProvider(IReadOnlyList<ICredentialProvider> candidates, IReadOnlyList<string> skipped)
        {
            if (candidates == null || candidates.Count == 0)
            {
                throw new ArgumentException("At least one candidate is needed.", nameof(candidates));
            }

            _candidates = candidates;
            _skipped = skipped;
        }

        public string Description =>
            _chosen?.Description ?? "the first that answers of: " + string.Join("; ", _candidates.Select(c => c.Description));

        public async Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var chosen = _chosen;
            if (chosen != null)
            {
                return await chosen.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            }

            var failures = new List<string>();
            foreach (var candidate in _candidates)
            {
                try
                {
                    var credentials = await candidate.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                    _chosen = candidate;
                    return credentials;
                }
                catch (CredentialsException e)
                {
                    failures.Add($"{candidate.Description}: {e.Message}");
                }
            }

            throw new CredentialsException(
                CredentialsErrorId.CredentialsNotFound,
                "No credentials were found. Tried, in order:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", _skipped.Concat(failures)));
        }
    }
}
