using System.Collections.Generic;
using System.Linq;
using System;

namespace VodTools.Api.Signing
{
    /// <summary>
    /// What an OSS signature covers besides headers: the bucket and key (never the addressing style)
    /// and the query. Header names are matched case-insensitively.
    /// </summary>
    public sealed class OssRequestParts
    {
        public OssRequestParts(
            string method,
            string? bucket,
            string? key,
            IReadOnlyList<KeyValuePair<string, string>> query,
            IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            Method = method;
            Bucket = string.IsNullOrEmpty(bucket) ? null : bucket;
            Key = string.IsNullOrEmpty(key) ? null : key;
            Query = query;
            Headers = headers;
        }

        public string Method { get; }
        public string? Bucket { get; }
        public string? Key { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string? Header(string name) =>
            Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        /// <summary>Lower-cased, trimmed headers of the given kind, sorted by name; repeated names joined with ','.</summary>
        internal IEnumerable<KeyValuePair<string, string>> CanonicalHeaders(Func<string, bool> include) =>
            Headers
                .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), (h.Value ?? string.Empty).Trim()))
                .Where(h => include(h.Key))
                .GroupBy(h => h.Key)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(",", g.Select(h => h.Value))));
    }
}
