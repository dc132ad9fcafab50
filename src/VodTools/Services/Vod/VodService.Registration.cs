using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Registering files of the account's own buckets (RegisterMedia, alibabacloud-go/vod-20170321 models).</summary>
    public sealed partial class VodService
    {
        public const int MaxRegisterBatch = 10;

        /// <summary>
        /// Registers up to 10 files of one bucket. A file VOD knows comes back with its existing MediaId and NewRegister=false,
        /// and "no further operation is performed" (API reference, RegisterMedia): such media are read back (GetVideoInfos), so
        /// what is emitted is what VOD holds, and the fields it kept instead of those asked are named.
        /// </summary>
        public async Task<RegisterMediaResult> RegisterMediaAsync(
            IReadOnlyList<MediaRegistration> items, string? templateGroupId, string? workflowId, string? userData, CancellationToken cancellationToken)
        {
            if (items.Count == 0 || items.Count > MaxRegisterBatch) throw new ArgumentOutOfRangeException(nameof(items), "RegisterMedia takes 1 to 10 files.");
            var metadata = Json.Compact(writer =>
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("FileURL", item.FileUrl);
                    writer.WriteString("Title", item.Title);
                    if (item.Description != null) writer.WriteString("Description", item.Description);
                    if (item.Tags != null) writer.WriteString("Tags", item.Tags);
                    if (item.CoverUrl != null) writer.WriteString("CoverURL", item.CoverUrl);
                    if (item.CateId != null) writer.WriteNumber("CateId", item.CateId.Value);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            });
            var parameters = new List<KeyValuePair<string, string>> { P("RegisterMetadatas", metadata) };
            Add(parameters, "TemplateGroupId", templateGroupId);
            Add(parameters, "WorkflowId", workflowId);
            Add(parameters, "UserData", userData);

            var result = await _client.CallAsync("RegisterMedia", parameters, cancellationToken).ConfigureAwait(false);
            var answered = result.Items("RegisteredMediaList").Select(m => (FileUrl: m.Str("FileURL"), MediaId: m.Str("MediaId") ?? string.Empty, NewRegister: m.Bool("NewRegister"))).ToList();
            var slots = MatchToItems(items.Select(i => i.FileUrl).ToList(), answered.Select(m => m.FileUrl).ToList(), result.Strings("FailedFileURLs").ToList());
            var media = new VodMedia?[items.Count];
            for (var n = 0; n < answered.Count; n++)
            {
                var slot = slots[n];
                if (slot < 0) continue;
                media[slot] = new VodMedia
                {
                    MediaId = answered[n].MediaId,
                    FileUrl = items[slot].FileUrl,
                    NewRegister = answered[n].NewRegister,
                    Title = items[slot].Title,
                    TemplateGroupId = templateGroupId,
                };
            }
            var requestId = result.Str("RequestId");
            var refused = items.Select((item, n) => media[n] != null ? null : new CloudException("VOD", "RegisterMedia", "FailedFileURL",
                $"VOD did not register {item.FileUrl}: check that the object exists, has a media extension and is in a bucket added to VOD.", 200, requestId)).ToList();
            return new RegisterMediaResult { RequestId = requestId, Media = media, Refused = refused, Kept = await ReadBackKnownAsync(items, media, cancellationToken).ConfigureAwait(false) };
        }

        /// <summary>Replaces each media registered before with what VOD holds; says per file what VOD kept that was not asked.</summary>
        private async Task<IReadOnlyList<string?>> ReadBackKnownAsync(IReadOnlyList<MediaRegistration> items, VodMedia?[] media, CancellationToken cancellationToken)
        {
            var kept = new string?[media.Length];
            var known = Enumerable.Range(0, media.Length).Where(i => media[i]?.NewRegister == false).ToList();
            if (known.Count == 0) return kept;
            IReadOnlyList<VodMedia> held;
            try
            {
                held = (await GetVideoInfosAsync(known.Select(i => media[i]!.MediaId).Distinct().ToList(), cancellationToken).ConfigureAwait(false)).Media;
            }
            catch (CloudException e)
            {
                foreach (var i in known) kept[i] = $"VOD had registered {items[i].FileUrl} before and keeps that registration's fields; they could not be read back ({e.Code}).";
                return kept;
            }
            foreach (var i in known)
            {
                var current = held.FirstOrDefault(m => m.MediaId == media[i]!.MediaId);
                if (current == null) continue;
                current.FileUrl = media[i]!.FileUrl;
                current.NewRegister = false;
                kept[i] = KeptFields(items[i], current);
                media[i] = current;
            }
            return kept;
        }

        /// <summary>"its title 'film-001' (not 'Film One 2019')", for each field asked that VOD holds otherwise; null when none.</summary>
        private static string? KeptFields(MediaRegistration asked, VodMedia held)
        {
            var fields = new List<string>();
            void Compare(string name, string? wanted, string? has)
            {
                if (wanted != null && !string.Equals(wanted, has ?? string.Empty, StringComparison.Ordinal)) fields.Add($"its {name} '{has}' (not '{wanted}')");
            }
            Compare("title", asked.Title, held.Title);
            Compare("description", asked.Description, held.Description);
            Compare("tags", asked.Tags, held.Tags);
            Compare("cover URL", asked.CoverUrl, held.CoverUrl);
            Compare("category", asked.CateId?.ToString(CultureInfo.InvariantCulture), held.CateId?.ToString(CultureInfo.InvariantCulture));
            return fields.Count == 0 ? null
                : $"VOD had registered {asked.FileUrl} before as {held.MediaId} and keeps " + string.Join(", ", fields) + "; change them with UpdateVideoInfo (Set-VodMedia).";
        }

        /// <summary>
        /// For each registered FileURL VOD answered, the index of the file given it stands for, or -1. VOD is not documented
        /// to echo a FileURL byte for byte (its own examples answer http:// for https://), so a URL is matched by what it
        /// means, bucket and decoded key; one that names no file given takes the first file neither matched nor refused.
        /// </summary>
        internal static int[] MatchToItems(IReadOnlyList<string> given, IReadOnlyList<string?> registered, IReadOnlyList<string> failed)
        {
            var identities = given.Select(Identity).ToList();
            var refused = new HashSet<string?>(failed.Select(Identity).Where(id => id != null));
            var taken = new bool[given.Count];
            var slots = new int[registered.Count];
            int FirstFree(Func<int, bool> fits)
            {
                for (var i = 0; i < given.Count; i++) if (!taken[i] && fits(i)) return i;
                return -1;
            }

            for (var n = 0; n < registered.Count; n++)
            {
                var identity = Identity(registered[n]);
                var slot = identity == null ? -1 : FirstFree(i => identities[i] == identity);
                if (slot < 0) slot = FirstFree(i => !refused.Contains(identities[i]));
                if (slot >= 0) taken[slot] = true;
                slots[n] = slot;
            }
            return slots;
        }

        /// <summary>"bucket/decoded key" of an OSS FileURL, whatever its scheme and percent-encoding; null when it names no OSS object.</summary>
        private static string? Identity(string? fileUrl) =>
            fileUrl != null && OssFileUrl.TryParse(fileUrl, out var bucket, out _, out var key) ? bucket + "/" + key : null;
    }
}
