using System.Collections.Generic;
using System.Collections;
using System.Runtime.InteropServices;
using System;

namespace VodTools.Api.Credentials
{
    /// <summary>
    /// The environment variables the chain reads, injectable so that tests never touch the real ones.
    /// Empty values count as unset, as in the official clients.
    /// </summary>
    public sealed class CredentialEnvironment
    {
        private readonly IReadOnlyDictionary<string, string> _variables;

        public CredentialEnvironment(IReadOnlyDictionary<string, string> variables)
        {
            _variables = variables ?? throw new ArgumentNullException(nameof(variables));
        }

        /// <summary>A snapshot of the process environment (names case-insensitive on Windows, as there).</summary>
        public static CredentialEnvironment FromProcess()
        {
            var comparer = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var variables = new Dictionary<string, string>(comparer);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            return new CredentialEnvironment(variables);
        }

        public string? Get(string name) =>
            _variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

        /// <summary>The first of <paramref name="names"/> that is set, with its name (for -Debug), or null.</summary>
        public EnvironmentValue? GetFirst(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                var value = Get(name);
                if (value != null)
                {
                    return new EnvironmentValue(name, value);
                }
            }

            return null;
        }

        /// <summary>True when the variable is <c>true</c> in any casing (the CLI's <c>TRUE</c> included).</summary>
        public bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);
    }
}
