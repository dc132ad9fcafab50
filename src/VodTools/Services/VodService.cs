using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api;
using VodTools.Model;

namespace VodTools.Services
{
    /// <summary>One file to register: the fields of a RegisterMetadatas item (already validated).</summary>
    public sealed class MediaRegistration
    {
        public string FileUrl { get; set; } = string.Empty;
        public string Title { get; set; } = string.Empty;
        public string? Description { get; set; }
        public string? Tags { get; set; }
        public string? CoverUrl { get; set; }
        public long? CateId { get; set; }
    }

    /// <summary>What one RegisterMedia call answered.</summary>
    public sealed class RegisterMediaResult
    {
        /// <summary>One entry per file given, in the same order: the media VOD registered for it, or null when it did not.</summary>
        public IReadOnlyList<VodMedia?> Media { get; set; } = Array.Empty<VodMedia?>();
        public string? RequestId { get; set; }
    }

    /// <summary>The VOD operations VodTools uses, typed (spec rpc-apis.md §5).</summary>
    public sealed partial class VodService
    {
        public const int MaxRegisterBatch = 10;

        /// <summary>The template group id that means "register without transcoding".</summary>
        public const string NoTranscode = "VOD_NO_TRANSCODE";

        private readonly RpcClient _client;

        public VodService(RpcClient client) => _client = client;

        private static KeyValuePair<string, string> P(string name, string value) => new KeyValuePair<string, string>(name, value);

        private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parameters.Add(P(name, value!));
        }

        /// <summary>Registers up to 10 files of one bucket; re-registering returns the existing MediaId with NewRegister=false.</summary>
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
            return new RegisterMediaResult { RequestId = result.Str("RequestId"), Media = media };
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

        /// <summary>Up to 20 media; ids VOD does not know come back in the second list.</summary>
        public async Task<(IReadOnlyList<VodMedia> Media, IReadOnlyList<string> NonExistent)> GetVideoInfosAsync(IReadOnlyList<string> mediaIds, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetVideoInfos", new[] { P("VideoIds", string.Join(",", mediaIds)) }, cancellationToken).ConfigureAwait(false);
            return (result.Items("VideoList", "Video").Select(ReadVideo).ToList(), result.Strings("NonExistVideoIds", "VideoId").ToList());
        }

        internal static VodMedia ReadVideo(JsonElement video) => new VodMedia
        {
            MediaId = video.Str("VideoId") ?? video.Str("MediaId") ?? string.Empty,
            Title = video.Str("Title"),
            Status = video.Str("Status"),
            Description = video.Str("Description"),
            Tags = video.Str("Tags"),
            CateId = video.Long("CateId"),
            CoverUrl = video.Str("CoverURL"),
            Duration = video.Double("Duration"),
            Size = video.Long("Size"),
            TemplateGroupId = video.Str("TemplateGroupId"),
            StorageLocation = video.Str("StorageLocation"),
            AppId = video.Str("AppId"),
            CreationTime = video.Date("CreationTime"),
            ModificationTime = video.Date("ModificationTime"),
        };
    }
}
