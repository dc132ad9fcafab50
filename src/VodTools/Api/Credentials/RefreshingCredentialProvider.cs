using System.Threading.Tasks;
using System.Threading;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// Caches expiring credentials and fetches new ones when 180 s or less remain, as the official
    /// clients do. Concurrent callers that find the cache stale wait for one shared fetch.
    /// </summary>
    public abstract class RefreshingCredentialProvider : ICredentialProvider
    {
        public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(180);

        private readonly Func<DateTimeOffset> _utcNow;
        private readonly SemaphoreSlim _fetchLock = new SemaphoreSlim(1, 1);
        private volatile CloudCredentials? _cached;

        protected RefreshingCredentialProvider(Func<DateTimeOffset>? utcNow)
        {
            _utcNow = utcNow ?? (() => DateTimeOffset.UtcNow);
        }

        public abstract string Description { get; }

        public async Task<CloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var cached = _cached;
            if (IsFresh(cached))
            {
                return cached!;
            }

            await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have fetched while this one waited.
                cached = _cached;
                if (IsFresh(cached))
                {
                    return cached!;
                }

                var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
                _cached = fetched;
                return fetched;
            }
            finally
            {
                _fetchLock.Release();
            }
        }

        /// <summary>Gets new credentials from the source; called under the fetch lock.</summary>
        protected abstract Task<CloudCredentials> FetchAsync(CancellationToken cancellationToken);

        private bool IsFresh(CloudCredentials? credentials) =>
            credentials != null
            && (credentials.Expiration == null || credentials.Expiration.Value - _utcNow() > RefreshBeforeExpiry);
    }
}
