using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Commands.Common;
using VodTools.Services;

namespace VodTools.Commands.Completion
{
    /// <summary>
    /// Names fetched from the cloud for tab completion: cached per session target for a minute, fetched within
    /// two seconds or not at all, and silent on any failure (a completer must never throw or hang the prompt).
    /// A name matches when its value or its label starts with what was typed.
    /// </summary>
    internal static class CompletionCache
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<CompletionName> Names)> Entries = new ConcurrentDictionary<string, (DateTime, IReadOnlyList<CompletionName>)>();

        public static IEnumerable<CompletionResult> Complete(string kind, string wordToComplete, Func<CloudSession, CancellationToken, Task<IEnumerable<CompletionName>>> fetch)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Names(kind, fetch)
                .Where(name => name.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || name.Label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(name.Value, name.Label == name.Value ? name.Value : name.Value + " (" + name.Label + ")", CompletionResultType.ParameterValue, name.Label));
        }

        private static IReadOnlyList<CompletionName> Names(string kind, Func<CloudSession, CancellationToken, Task<IEnumerable<CompletionName>>> fetch)
        {
            try
            {
                var settings = VodContext.Current.Settings;
                var session = CloudSession.Open(settings, new ClientOptions { Retry = new RetryPolicy(1, TimeSpan.Zero, TimeSpan.Zero), AttemptTimeout = Budget }, HttpTransport.Shared);
                var key = kind + "|" + session.Region.RegionId + "|" + session.Credentials.Description + "|" + string.Join(",", settings.Endpoints.Values);
                if (Entries.TryGetValue(key, out var entry) && DateTime.UtcNow - entry.At < Lifetime) return entry.Names;
                using var cancel = new CancellationTokenSource(Budget);
                var task = fetch(session, cancel.Token);
                if (!task.Wait(Budget)) return Array.Empty<CompletionName>();
                var names = task.Result.OrderBy(n => n.Value, StringComparer.Ordinal).ToList();
                Entries[key] = (DateTime.UtcNow, names);
                return names;
            }
            catch (Exception)
            {
                // Tab completion stays silent: no credentials, no network, a refused key — nothing to offer.
                return Array.Empty<CompletionName>();
            }
        }
    }
}
