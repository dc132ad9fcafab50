using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Model;

namespace VodTools.Services.Playback
{
    /// <summary>
    /// Plays the first bytes of a stream as a player starts: a ranged GET of its play URL, which must answer 206 with the
    /// range asked for and the stream's size as the total (or 200 with the whole stream, from a server that ignores ranges).
    /// </summary>
    public sealed class PlaybackProbe
    {
        /// <summary>How much of a stream is read: enough to prove bytes flow, little enough for thousands of media.</summary>
        public const long ProbeBytes = 64 * 1024;

        private readonly HttpTransport _transport;
        private readonly TimeSpan _timeout;

        public PlaybackProbe(HttpTransport transport, TimeSpan timeout)
        {
            _transport = transport;
            _timeout = timeout;
        }

        /// <summary>One GET of the stream's first bytes; a failure to connect is a check that did not pass, not an exception.</summary>
        public async Task<VodPlaybackCheck> ProbeAsync(VodPlayInfo stream, CancellationToken cancellationToken)
        {
            var check = new VodPlaybackCheck
            {
                MediaId = stream.MediaId,
                Definition = stream.Definition,
                Format = stream.Format,
                PlayUrl = stream.PlayUrl,
                ExpectedSize = stream.Size,
            };
            if (!Uri.TryCreate(stream.PlayUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                check.Detail = "VOD gave no http or https play URL for this stream.";
                return check;
            }
            var asked = Math.Max(1, Math.Min(ProbeBytes, stream.Size ?? ProbeBytes));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(0, asked - 1);
            try
            {
                using var response = await _transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _timeout, "Playback", "GET", cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var range = response.Content.Headers.ContentRange;
                long received = status == 206 ? (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).LongLength : 0;
                var verdict = Judge(status, range?.From, range?.To, range?.Length, response.Content.Headers.ContentLength, received, asked, stream.Size);
                check.StatusCode = status;
                check.ServedSize = verdict.Served;
                check.Playable = verdict.Playable;
                check.Detail = verdict.Detail;
            }
            catch (CloudException e) when (e.IsTransportFailure)
            {
                check.Detail = e.Message;
            }
            return check;
        }

        /// <summary>
        /// Whether an answer to "bytes=0-(<paramref name="asked"/>-1)" is what a player needs, the size it says the stream
        /// has, and why, in a sentence. <paramref name="received"/> counts the body bytes of a 206.
        /// </summary>
        public static (bool Playable, long? Served, string Detail) Judge(
            int status, long? rangeFrom, long? rangeTo, long? rangeTotal, long? contentLength, long received, long asked, long? expected)
        {
            string Size(long? bytes) => bytes == null ? "an unknown size" : bytes.Value.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            switch (status)
            {
                case 206:
                    if (rangeFrom != 0 || rangeTo != asked - 1)
                        return (false, rangeTotal, $"Answered 206 with another range (bytes {rangeFrom}-{rangeTo}) than bytes 0-{asked - 1}.");
                    if (received != asked)
                        return (false, rangeTotal, $"Answered 206 but sent {received} of the {asked} bytes asked for.");
                    if (expected != null && rangeTotal != expected)
                        return (false, rangeTotal, $"Serves {Size(rangeTotal)}, but VOD says the stream has {Size(expected)}.");
                    return (true, rangeTotal, $"Answered 206 with bytes 0-{asked - 1} of {Size(rangeTotal)}.");
                case 200:
                    if (expected != null && contentLength != expected)
                        return (false, contentLength, $"Answered 200 with {Size(contentLength)}, but VOD says the stream has {Size(expected)}.");
                    return (true, contentLength, $"Answered 200 with the whole stream ({Size(contentLength)}): the server ignores ranges, so players cannot seek.");
                default:
                    return (false, null, $"Answered HTTP {status}: a player gets no bytes.");
            }
        }
    }
}
