using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using VodTools.Api.Http;
using VodTools.Api;

namespace VodTools.Services.Vod
{
    /// <summary>
    /// The VOD operations VodTools uses, typed (alibabacloud-go/vod-20170321 models): one partial file per area, named as the
    /// emulator's VOD handlers are (Registration, Upload, UrlUpload, Media, Transcode, Snapshot, Catalogue, Playback,
    /// Configuration, Events); here what they share.
    /// </summary>
    public sealed partial class VodService
    {
        /// <summary>The template group id that means "register without transcoding".</summary>
        public const string NoTranscode = "VOD_NO_TRANSCODE";

        private readonly RpcClient _client;

        public VodService(RpcClient client) => _client = client;

        /// <summary>The calls in flight of a fan-out paced by <paramref name="action"/> (<see cref="RpcClient.CallsInFlight"/>).</summary>
        public InFlightLimit CallsInFlight(string action, int ceiling) => _client.CallsInFlight(action, ceiling);

        private static KeyValuePair<string, string> P(string name, string value) => new KeyValuePair<string, string>(name, value);

        private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parameters.Add(P(name, value!));
        }

        /// <summary>The earliest creation time a job made by a request sent now can show: the cloud's clock may be a minute behind ours.</summary>
        private static DateTime RequestTime() => DateTime.UtcNow - TimeSpan.FromMinutes(1);

        /// <summary>Whether a job the cloud dated <paramref name="created"/> (local time) was made at or after <paramref name="requested"/> (UTC).</summary>
        private static bool CreatedSince(DateTime? created, DateTime requested) => created?.ToUniversalTime() >= requested;

        /// <summary>The look-up's result, or null when it fails: it only serves to reconcile a write that already failed.</summary>
        private static async Task<T?> LookUpOrNullAsync<T>(Func<Task<T?>> lookUp) where T : class
        {
            try
            {
                return await lookUp().ConfigureAwait(false);
            }
            catch (Api.Http.CloudException)
            {
                return null;
            }
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
