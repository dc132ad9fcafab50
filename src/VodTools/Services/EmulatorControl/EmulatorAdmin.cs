using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net;
using System.Text.Json;
using System.Text;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Formats;
using VodTools.Shared;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>The emulator's admin endpoints (/_emulator/faults, /reset, /state): what Set/Get/Clear-VodEmulatorFault,
    /// Reset-VodEmulator and Save/Restore-VodEmulatorState ask of a running emulator.</summary>
    internal sealed class EmulatorAdmin
    {
        private readonly Uri _baseUrl;
        private readonly CancellationToken _cancellation;

        public EmulatorAdmin(Uri baseUrl, CancellationToken cancellation)
        {
            _baseUrl = baseUrl;
            _cancellation = cancellation;
        }

        public List<EmulatorFaultRule> GetFaults() => ReadRules(Send(HttpMethod.Get, EmulatorDefaults.FaultsPath));

        /// <summary>Adds the rules of <paramref name="spec"/>; the emulator refuses an action it does not serve (in words).</summary>
        public List<EmulatorFaultRule> AddFaults(string spec) =>
            ReadRules(Send(HttpMethod.Post, EmulatorDefaults.FaultsPath, new StringContent(spec, Encoding.UTF8, "text/plain")));

        /// <summary>False when the emulator has no rule with this id.</summary>
        public bool RemoveFault(int id) => Send(HttpMethod.Delete, EmulatorDefaults.FaultsPath + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), allowNotFound: true) != null;

        /// <summary>Removes every rule; returns how many there were.</summary>
        public long ClearFaults()
        {
            using var doc = JsonDocument.Parse(Send(HttpMethod.Delete, EmulatorDefaults.FaultsPath)!);
            return doc.RootElement.Long("removed") ?? 0;
        }

        public void Reset() => Send(HttpMethod.Post, EmulatorDefaults.ResetPath);

        /// <summary>Writes a snapshot of the emulator's state to <paramref name="path"/> (a zip archive); returns its size.</summary>
        public long SaveState(string path)
        {
            using var response = Call(HttpMethod.Get, EmulatorDefaults.StatePath, null, HttpCompletionOption.ResponseHeadersRead);
            string partial = path + ".partial";
            using (var file = File.Create(partial))
                response.Content.CopyToAsync(file).GetAwaiter().GetResult();
            if (File.Exists(path)) File.Delete(path);
            File.Move(partial, path); // whole or not at all: an interrupted save leaves no half archive under the name asked for
            return new FileInfo(path).Length;
        }

        public void RestoreState(string path)
        {
            using var file = File.OpenRead(path);
            Send(HttpMethod.Put, EmulatorDefaults.StatePath, new StreamContent(file));
        }

        private static List<EmulatorFaultRule> ReadRules(string? json)
        {
            using var doc = JsonDocument.Parse(json!);
            return doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => new EmulatorFaultRule
            {
                Id = (int)(r.Long("id") ?? 0),
                Rule = r.Str("rule") ?? string.Empty,
                Kind = r.Str("kind") ?? string.Empty,
                Probability = r.Double("probability") ?? 0,
                Target = r.Str("target"),
                StatusCode = (int?)r.Long("status"),
                Code = r.Str("code"),
                DelayMs = (int?)r.Long("delayMs"),
                Hits = r.Long("hits") ?? 0,
            }).ToList();
        }

        /// <summary>The answer's body; null for a 404 when <paramref name="allowNotFound"/>.</summary>
        private string? Send(HttpMethod method, string path, HttpContent? content = null, bool allowNotFound = false)
        {
            using var response = Call(method, path, content, HttpCompletionOption.ResponseContentRead, allowNotFound);
            return response.StatusCode == HttpStatusCode.NotFound ? null : response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        /// <exception cref="EmulatorAdminException">the emulator did not answer, or refused (its words)</exception>
        private HttpResponseMessage Call(HttpMethod method, string path, HttpContent? content, HttpCompletionOption completion, bool allowNotFound = false)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(_baseUrl, path)) { Content = content };
                response = HttpTransport.Shared.HttpClient.SendAsync(request, completion, _cancellation).GetAwaiter().GetResult();
            }
            catch (HttpRequestException e)
            {
                throw new EmulatorAdminException($"The emulator at {_baseUrl} does not answer: {e.Message}", unreachable: true, e);
            }
            if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)) return response;
            using (response)
            {
                string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                string? said = null;
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    said = doc.RootElement.Str("error");
                }
                catch (JsonException)
                {
                }
                throw new EmulatorAdminException(said ?? $"The emulator at {_baseUrl} answered {(int)response.StatusCode} to {method} {path}; is it a VodTools emulator of this version?", unreachable: false);
            }
        }
    }
}
