using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>VOD configuration: transcode template groups and storage (CDN domains are <see cref="VodDomainService"/>'s).</summary>
    public sealed partial class VodService
    {
        /// <summary>The app every account has.</summary>
        public const string DefaultAppId = "app-1000000";

        public const int MaxTemplatesPerGroup = 20;

        public async Task<IReadOnlyList<VodTranscodeTemplateGroup>> ListTranscodeTemplateGroupsAsync(string? appId, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            Add(parameters, "AppId", appId);
            var result = await _client.CallAsync("ListTranscodeTemplateGroup", parameters, cancellationToken).ConfigureAwait(false);
            return result.Items("TranscodeTemplateGroupList").Select(ReadTemplateGroup).ToList();
        }

        /// <summary>
        /// The group VOD transcodes an upload or a URL pull with when the request names none ("If this parameter is not
        /// specified, transcoding is performed based on the default transcoding template group", CreateUploadVideoRequest and
        /// UploadMediaByURLRequest in alibabacloud-go/vod-20170321): the listed group marked Default, else VOD_NO_TRANSCODE
        /// (which the list does not show).
        /// </summary>
        public async Task<string> DefaultTemplateGroupIdAsync(CancellationToken cancellationToken) =>
            (await ListTranscodeTemplateGroupsAsync(null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(g => g.IsDefault)?.TemplateGroupId ?? NoTranscode;

        /// <summary>The group with its templates.</summary>
        public async Task<VodTranscodeTemplateGroup> GetTranscodeTemplateGroupAsync(string templateGroupId, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("GetTranscodeTemplateGroup", new[] { P("TranscodeTemplateGroupId", templateGroupId) }, cancellationToken).ConfigureAwait(false);
            var group = result.Prop("TranscodeTemplateGroup") ?? throw new System.InvalidOperationException("VOD answered without a TranscodeTemplateGroup.");
            var read = ReadTemplateGroup(group);
            read.Templates = group.Items("TranscodeTemplateList").Select(t => new VodTranscodeTemplate
            {
                TemplateId = t.Str("TranscodeTemplateId") ?? string.Empty,
                TemplateName = t.Str("TemplateName"),
                Definition = t.Str("Definition"),
                Type = t.Str("Type"),
                Container = t.Str("Container"),
                Video = t.Str("Video"),
                Audio = t.Str("Audio"),
            }).ToList();
            return read;
        }

        /// <summary>Creates a group from a JSON array of templates; returns its id.</summary>
        public async Task<string> AddTranscodeTemplateGroupAsync(string name, string? templateListJson, string? appId, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>> { P("Name", name) };
            Add(parameters, "TranscodeTemplateList", templateListJson);
            Add(parameters, "AppId", appId);
            var result = await _client.CallUnsafeAsync("AddTranscodeTemplateGroup", parameters, cancellationToken).ConfigureAwait(false);
            return result.Str("TranscodeTemplateGroupId") ?? throw new System.InvalidOperationException("VOD answered without a TranscodeTemplateGroupId.");
        }

        /// <summary>
        /// Adds a group, which VOD does not deduplicate by name (a repeat makes a second group; an account holds at most
        /// 20). A create whose answer was lost is reconciled by listing: a group of that name beyond the
        /// <paramref name="namesakes"/> that existed before is the one it made.
        /// </summary>
        public async Task<string> AddTranscodeTemplateGroupOnceAsync(string name, string? templateListJson, string? appId, int namesakes, CancellationToken cancellationToken)
        {
            try
            {
                return await AddTranscodeTemplateGroupAsync(name, templateListJson, appId, cancellationToken).ConfigureAwait(false);
            }
            catch (Api.Http.CloudException e) when (e.OutcomeUnknown)
            {
                var same = (await ListTranscodeTemplateGroupsAsync(appId, cancellationToken).ConfigureAwait(false)).Where(g => g.Name == name).ToList();
                if (same.Count > namesakes) return same.OrderByDescending(g => g.CreationTime ?? DateTime.MinValue).First().TemplateGroupId;
                throw;
            }
        }

        public Task SetDefaultTranscodeTemplateGroupAsync(string templateGroupId, CancellationToken cancellationToken) =>
            _client.CallAsync("SetDefaultTranscodeTemplateGroup", new[] { P("TranscodeTemplateGroupId", templateGroupId) }, cancellationToken);

        /// <summary>Binds a storage location to an app; returns the location VOD recorded.</summary>
        public async Task<string> AddVodStorageForAppAsync(string appId, string storageType, string storageLocation, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("AddVodStorageForApp",
                new[] { P("AppId", appId), P("StorageType", storageType), P("StorageLocation", storageLocation) }, cancellationToken).ConfigureAwait(false);
            return result.Str("StorageLocation") ?? storageLocation;
        }

        private static VodTranscodeTemplateGroup ReadTemplateGroup(JsonElement group) => new VodTranscodeTemplateGroup
        {
            TemplateGroupId = group.Str("TranscodeTemplateGroupId") ?? string.Empty,
            Name = group.Str("Name"),
            IsDefault = group.Str("IsDefault") == "Default",
            IsLocked = group.Str("Locked") == "Enabled",
            AppId = group.Str("AppId"),
            CreationTime = group.Date("CreationTime"),
            ModificationTime = group.Date("ModifyTime"),
        };
    }
}
