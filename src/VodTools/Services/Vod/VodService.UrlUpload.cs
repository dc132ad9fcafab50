using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>Upload from URLs: UploadMediaByURL and GetURLUploadInfos (vod-20170321 UploadMediaByURLRequest, GetURLUploadInfosResponseBody).</summary>
    public sealed partial class VodService
    {
        /// <summary>"You can specify a maximum of 20 URLs" (UploadMediaByURLRequest.UploadURLs).</summary>
        public const int MaxUrlUploadBatch = 20;
        /// <summary>GetURLUploadInfos takes up to 10 JobIds or 10 UploadURLs (API reference).</summary>
        public const int MaxUrlQueryBatch = 10;

        /// <summary>
        /// Submits up to 20 URLs once; returns one job per URL, in the order given. Each call creates new media, so a call whose
        /// answer was lost is not sent again: the URLs' jobs are read back (GetURLUploadInfos by UploadURLs) and those created
        /// since the request are taken as its own; when some cannot be found, the error says the jobs may exist and how to check.
        /// </summary>
        public async Task<IReadOnlyList<VodUrlUploadJob>> UploadMediaByUrlOnceAsync(
            IReadOnlyList<UrlUploadRequest> items, string? storageLocation, string? appId, string? workflowId, string? userData, CancellationToken cancellationToken)
        {
            if (items.Count == 0 || items.Count > MaxUrlUploadBatch) throw new ArgumentOutOfRangeException(nameof(items), "UploadMediaByURL takes 1 to 20 URLs.");
            var requested = RequestTime();
            try
            {
                return await UploadMediaByUrlAsync(items, storageLocation, appId, workflowId, userData, cancellationToken).ConfigureAwait(false);
            }
            catch (Api.Http.CloudException e) when (e.OutcomeUnknown)
            {
                var seen = await LookUpOrNullAsync(async () => await GetUrlUploadJobsByUrlAsync(items.Select(i => i.Url).Distinct().ToList(), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                var jobs = items.Select(item => seen?.Where(j => j.SourceUrl == item.Url && CreatedSince(j.CreationTime, requested)).OrderByDescending(j => j.CreationTime).FirstOrDefault()).ToList();
                if (jobs.All(j => j != null))
                    return jobs.Select((job, i) => { job!.Title = items[i].Title; return job; }).ToList();
                throw new OutcomeUnknownException("VodUrlUploadOutcomeUnknown",
                    $"VOD may have accepted the pull of {items.Count} URL(s) although the answer was lost ({e.Code}); it was not sent again, because each request creates new media.",
                    "In a few minutes, run Get-VodUrlUploadJob -Url <the URL>; import again only the URLs that show no job newer than this request.", e);
            }
        }

        private async Task<IReadOnlyList<VodUrlUploadJob>> UploadMediaByUrlAsync(
            IReadOnlyList<UrlUploadRequest> items, string? storageLocation, string? appId, string? workflowId, string? userData, CancellationToken cancellationToken)
        {
            // "URL encoding is required ... encode URLs before you separate them with commas"; UploadMetadata's SourceURL must be
            // the same string for its metadata to apply
            var metadata = Json.Compact(writer =>
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("SourceURL", EncodeUrl(item.Url));
                    if (item.Title != null) writer.WriteString("Title", item.Title);
                    if (item.Description != null) writer.WriteString("Description", item.Description);
                    if (item.Tags != null) writer.WriteString("Tags", item.Tags);
                    if (item.CoverUrl != null) writer.WriteString("CoverURL", item.CoverUrl);
                    if (item.CateId != null) writer.WriteString("CateId", item.CateId.Value.ToString(CultureInfo.InvariantCulture));
                    if (item.TemplateGroupId != null) writer.WriteString("TemplateGroupId", item.TemplateGroupId);
                    if (item.FileExtension != null) writer.WriteString("FileExtension", item.FileExtension);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            });
            var parameters = new List<KeyValuePair<string, string>>
            {
                P("UploadURLs", string.Join(",", items.Select(i => EncodeUrl(i.Url)))),
                P("UploadMetadatas", metadata),
            };
            Add(parameters, "StorageLocation", storageLocation);
            Add(parameters, "AppId", appId);
            Add(parameters, "WorkflowId", workflowId);
            Add(parameters, "UserData", userData);
            var result = await _client.CallUnsafeAsync("UploadMediaByURL", parameters, cancellationToken).ConfigureAwait(false);
            var answered = result.Items("UploadJobs", "UploadJob").Select(j => (JobId: j.Str("JobId") ?? string.Empty, Url: DecodeUrl(j.Str("SourceURL")))).ToList();
            var taken = new bool[answered.Count];
            var jobs = new List<VodUrlUploadJob>();
            for (var i = 0; i < items.Count; i++)
            {
                // matched by URL; VOD's answer is not documented to spell it as sent, so an unmatched one goes by position
                var n = -1;
                for (var k = 0; k < answered.Count && n < 0; k++) if (!taken[k] && answered[k].Url == items[i].Url) n = k;
                if (n < 0 && i < answered.Count && !taken[i]) n = i;
                if (n >= 0) taken[n] = true;
                jobs.Add(new VodUrlUploadJob { JobId = n >= 0 ? answered[n].JobId : string.Empty, SourceUrl = items[i].Url, Title = items[i].Title });
            }
            return jobs;
        }

        /// <summary>Jobs by id, ten a call; ids VOD does not know come back in the second list.</summary>
        public Task<(IReadOnlyList<VodUrlUploadJob> Jobs, IReadOnlyList<string> NonExistent)> GetUrlUploadJobsAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken) =>
            QueryUrlUploadsAsync("JobIds", jobIds, id => id, cancellationToken);

        /// <summary>Every job of each URL (a URL pulled twice has two), ten URLs a call.</summary>
        public async Task<IReadOnlyList<VodUrlUploadJob>> GetUrlUploadJobsByUrlAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken) =>
            (await QueryUrlUploadsAsync("UploadURLs", urls, EncodeUrl, cancellationToken).ConfigureAwait(false)).Jobs;

        private async Task<(IReadOnlyList<VodUrlUploadJob> Jobs, IReadOnlyList<string> NonExistent)> QueryUrlUploadsAsync(
            string parameter, IReadOnlyList<string> keys, Func<string, string> spell, CancellationToken cancellationToken)
        {
            var jobs = new List<VodUrlUploadJob>();
            var missing = new List<string>();
            for (var start = 0; start < keys.Count; start += MaxUrlQueryBatch)
            {
                var batch = keys.Skip(start).Take(MaxUrlQueryBatch).Select(spell);
                var result = await _client.CallAsync("GetURLUploadInfos", new[] { P(parameter, string.Join(",", batch)) }, cancellationToken).ConfigureAwait(false);
                jobs.AddRange(result.Items("URLUploadInfoList", "URLUploadInfo").Select(ReadUrlUploadJob));
                missing.AddRange(result.Strings("NonExists", "ExistId").Select(DecodeUrl));
            }
            return (jobs, missing);
        }

        private static VodUrlUploadJob ReadUrlUploadJob(JsonElement job) => new VodUrlUploadJob
        {
            JobId = job.Str("JobId") ?? string.Empty,
            SourceUrl = DecodeUrl(job.Str("UploadURL")),
            Status = job.Str("Status"),
            MediaId = NullIfEmpty(job.Str("MediaId")),
            ErrorCode = NullIfEmpty(job.Str("ErrorCode")),
            ErrorMessage = NullIfEmpty(job.Str("ErrorMessage")),
            FileSize = job.Long("FileSize"),
            UserData = NullIfEmpty(job.Str("UserData")),
            CreationTime = job.Date("CreationTime"),
            CompleteTime = job.Date("CompleteTime"),
        };

        /// <summary>A URL as UploadURLs takes it: percent-encoded whole, so no comma or reserved character inside it splits the list.</summary>
        internal static string EncodeUrl(string url) => Uri.EscapeDataString(url);

        /// <summary>A URL VOD answered, decoded when it came back encoded (it has no "://" then).</summary>
        internal static string DecodeUrl(string? url) =>
            url == null ? string.Empty : url.IndexOf("://", StringComparison.Ordinal) < 0 ? Uri.UnescapeDataString(url) : url;
    }
}
