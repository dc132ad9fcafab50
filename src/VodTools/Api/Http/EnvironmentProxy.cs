using System.Collections.Generic;
using System.Linq;
using System.Net;
using System;

namespace VodTools.Api.Http
{
    /// <summary>
    /// HTTP(S)_PROXY / NO_PROXY, read the same way on Windows PowerShell 5.1 (whose .NET Framework ignores
    /// them) as on PowerShell 7. Loopback is never proxied, so the local emulator always answers directly.
    /// </summary>
    public sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? _httpProxy;
        private readonly Uri? _httpsProxy;
        private readonly IReadOnlyList<string> _bypass;

        private EnvironmentProxy(Uri? httpProxy, Uri? httpsProxy, IReadOnlyList<string> bypass)
        {
            _httpProxy = httpProxy;
            _httpsProxy = httpsProxy;
            _bypass = bypass;
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the variables describe, or null when none is set.</summary>
        public static EnvironmentProxy? FromEnvironment(Func<string, string?> getVariable)
        {
            string? Read(string name) => getVariable(name) ?? getVariable(name.ToLowerInvariant());
            var all = ParseUri(Read("ALL_PROXY"));
            var http = ParseUri(Read("HTTP_PROXY")) ?? all;
            var https = ParseUri(Read("HTTPS_PROXY")) ?? all;
            if (http == null && https == null) return null;
            var bypass = (Read("NO_PROXY") ?? string.Empty)
                .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Trim().TrimStart('*').ToLowerInvariant())
                .ToList();
            return new EnvironmentProxy(http, https, bypass);
        }

        public Uri? GetProxy(Uri destination) =>
            IsBypassed(destination) ? destination : destination.Scheme == "https" ? _httpsProxy : _httpProxy;

        public bool IsBypassed(Uri host)
        {
            if (host.IsLoopback) return true;
            if ((host.Scheme == "https" ? _httpsProxy : _httpProxy) == null) return true;
            var name = host.Host.ToLowerInvariant();
            return _bypass.Any(entry => entry.Length == 0 || name == entry.TrimStart('.') || name.EndsWith(entry.StartsWith(".") ? entry : "." + entry, StringComparison.Ordinal));
        }

        private static Uri? ParseUri(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var text = value!.Contains("://") ? value : "http://" + value;
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        }
    }
}
