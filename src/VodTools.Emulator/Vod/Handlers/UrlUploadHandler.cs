using System.Text.Json.Nodes;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>
/// Upload from URLs (UploadMediaByURL, GetURLUploadInfos). The cloud pulls each URL into VOD's storage as a new video, in the
/// background; the emulator does the same, but only from loopback addresses (127.0.0.0/8, localhost, [::1]): it never
/// reaches the network, and a job for any other address fails. A pulled file is a video like an uploaded one.
/// </summary>
internal sealed class UrlUploadHandler(VodState state, IOssBuckets buckets, VodStorage storage, TranscodeHandler transcodes, EventNotifier events, TimeProvider clock)
{
    /// <summary>"You can specify a maximum of 20 URLs" (vod-20170321 UploadMediaByURLRequest.UploadURLs).</summary>
    private const int MaxUrlUploads = 20;
    /// <summary>GetURLUploadInfos: "A maximum of 10 IDs" / "up to 10 URLs" (API reference).</summary>
    private const int MaxUrlQueries = 10;
    /// <summary>The one error code the reference shows for a failed pull (UploadByURLComplete's example).</summary>
    private const string UrlInvalid = "URLInvalidError";

    /// <summary>Pulls run a few at a time, as the cloud queues them.</summary>
    private static readonly SemaphoreSlim PullSlots = new(4);

    public JsonObject UploadMediaByUrl(RpcCall call)
    {
        // each URL is percent-encoded, so a comma inside one cannot split it (UploadMediaByURLRequest.UploadURLs)
        var urls = call.Required("UploadURLs").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Uri.UnescapeDataString).ToList();
        if (urls.Count > MaxUrlUploads) throw RpcException.Invalid("UploadURLs", $"At most {MaxUrlUploads} URLs may be given.");
        var metadata = call.Optional("UploadMetadatas") == null ? [] : call.Json("UploadMetadatas") as JsonArray
            ?? throw RpcException.Invalid("UploadMetadatas", "It must be a JSON array.");
        // without a group VOD uses the default group ("If you leave this parameter empty, the default transcoding template
        // group is used for transcoding", UploadMediaByURLRequest.TemplateGroupId); a group in UploadMetadatas wins
        string group = call.Optional("TemplateGroupId") ?? state.DefaultGroupId();
        state.RequireGroup(group);
        string appId = call.Optional("AppId") ?? VodApp.DefaultId;
        var (bucket, region) = storage.ForUpload(call.Optional("StorageLocation"), appId);

        var jobs = urls.Select(url =>
        {
            // metadata applies to the URL its SourceURL names
            var meta = metadata.OfType<JsonObject>().FirstOrDefault(m => m["SourceURL"]?.ToString() is { } s && Uri.UnescapeDataString(s) == url) ?? [];
            string title = meta["Title"]?.ToString() ?? "";
            if (!Video.TitleFits(title)) throw Video.TitleTooLong();
            return new UrlUploadJob
            {
                JobId = RpcCall.NewId(),
                SourceUrl = url,
                Title = title,
                Description = meta["Description"]?.ToString() ?? "",
                Tags = meta["Tags"]?.ToString() ?? "",
                CoverURL = meta["CoverURL"]?.ToString() ?? "",
                CateId = long.TryParse(meta["CateId"]?.ToString(), out long cate) ? cate : -1,
                FileExtension = meta["FileExtension"]?.ToString() ?? "",
                TemplateGroupId = meta["TemplateGroupId"]?.ToString() ?? group,
                AppId = appId,
                Bucket = bucket,
                Region = region,
                UserData = call.Optional("UserData") ?? "",
                Status = "PENDING",
                CreationTime = call.Now,
            };
        }).ToList();
        foreach (var job in jobs) state.Save(job);
        _ = Task.Run(() => Task.WhenAll(jobs.Select(PullAsync)));
        return new JsonObject
        {
            ["UploadJobs"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject { ["JobId"] = j.JobId, ["SourceURL"] = j.SourceUrl }).ToArray()),
        };
    }

    /// <summary>Pulls jobs a restart interrupted (their state is in the store, the pull was in memory).</summary>
    public void ResumeUnfinished()
    {
        var unfinished = state.UrlJobs().Where(j => j.Unfinished).ToList();
        if (unfinished.Count > 0) _ = Task.Run(() => Task.WhenAll(unfinished.Select(PullAsync)));
    }

    /// <summary>One job, through the statuses of VOD's "Basic structures" (status of a URL-based upload job): PENDING →
    /// PROCESSING → DOWNLOADING → DOWNLOAD_SUCCESS → UPLOADING → UPLOAD_SUCCESS → SUCCESS (a new video whose source is the
    /// pulled file), or DOWNLOAD_FAIL (the URL cannot be fetched) or UPLOAD_FAIL (the file cannot become a media: its
    /// extension is not one VOD takes; the emulator's choice, the reference gives no cause per status).</summary>
    private async Task PullAsync(UrlUploadJob job)
    {
        await PullSlots.WaitAsync();
        try
        {
            Advance(job, "PROCESSING");
            var (videoId, size, error) = await FetchIntoVideoAsync(job);
            job.Status = error?.Status ?? "SUCCESS";
            job.MediaId = videoId ?? "";
            job.FileSize = size;
            // the reference's example answers a successful job with ErrorCode "200" and ErrorMessage "Success"
            job.ErrorCode = error?.Code ?? "200";
            job.ErrorMessage = error?.Message ?? "Success";
            job.CompleteTime = clock.GetUtcNow();
            state.Save(job);
            events.UrlUploadFinished(job);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"emulator: URL upload job {job.JobId} failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            PullSlots.Release();
        }
    }

    private void Advance(UrlUploadJob job, string status)
    {
        job.Status = status;
        state.Save(job);
    }

    /// <summary>Why a pull failed: the job's final status and the code and message it reports.</summary>
    private sealed record PullFailure(string Status, string Code, string Message);

    private static PullFailure DownloadFailed(string message) => new("DOWNLOAD_FAIL", UrlInvalid, message);

    private async Task<(string? VideoId, long Size, PullFailure? Error)> FetchIntoVideoAsync(UrlUploadJob job)
    {
        Advance(job, "DOWNLOADING");
        if (!Uri.TryCreate(job.SourceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return (null, 0, DownloadFailed("The URL is not a valid http or https URL."));
        if (!uri.IsLoopback)
            return (null, 0, DownloadFailed("The emulator pulls from loopback URLs only (127.0.0.1, localhost, [::1]); it never reaches the network."));
        string extension = job.FileExtension.Length > 0 ? "." + job.FileExtension.TrimStart('.') : Path.GetExtension(uri.AbsolutePath);
        if (!Video.IsMediaFile(extension))
            return (null, 0, new PullFailure("UPLOAD_FAIL", "InvalidFileName.Extension", "The extension of the file is not supported; give FileExtension."));
        var video = new Video
        {
            VideoId = RpcCall.NewId(),
            Title = job.Title.Length > 0 ? job.Title : Path.GetFileName(uri.AbsolutePath),
            Description = job.Description,
            Tags = job.Tags,
            CoverURL = job.CoverURL,
            CateId = job.CateId,
            Bucket = job.Bucket,
            Region = job.Region,
            AppId = job.AppId,
            TemplateGroupId = job.TemplateGroupId,
            UserData = job.UserData,
            NoTranscode = job.TemplateGroupId == TemplateGroup.NoTranscodeId,
        };
        video.KeepFileInVodStorage(extension);
        StoredObject file;
        try
        {
            using var response = await LoopbackHttp.Client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
                return (null, 0, DownloadFailed($"download video failed by the url, please check it (HTTP {(int)response.StatusCode})."));
            await using var content = await response.Content.ReadAsStreamAsync();
            // the emulator streams the download into VOD's storage: both happen while the job says DOWNLOADING
            file = await buckets.PutAsync(video.Bucket, video.Key, content);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (null, 0, DownloadFailed("download video failed by the url, please check it (" + e.Message + ")."));
        }
        Advance(job, "DOWNLOAD_SUCCESS");
        Advance(job, "UPLOADING");
        video.SourceSize = file.Size;
        video.CreationTime = video.ModificationTime = file.LastModified;
        state.SaveUpload(video, file.LastModified);
        Advance(job, "UPLOAD_SUCCESS");
        events.FileUploaded(video, file.Size, file.LastModified);
        transcodes.StartAuto(video, file.LastModified);
        return (video.VideoId, file.Size, null);
    }

    public JsonObject GetUrlUploadInfos(RpcCall call)
    {
        // "If you set both ..., only the value of the JobIds parameter takes effect" (API reference)
        bool byJob = call.Optional("JobIds") != null;
        var keys = byJob ? call.List("JobIds", MaxUrlQueries)
            : call.List("UploadURLs", MaxUrlQueries).Select(Uri.UnescapeDataString).ToList();
        var all = byJob ? null : state.UrlJobs();
        var found = new JsonArray();
        var missing = new JsonArray();
        foreach (var key in keys)
        {
            var jobs = byJob ? (state.FindUrlJob(key) is { } j ? [j] : []) : all!.Where(j => j.SourceUrl == key).ToList();
            if (jobs.Count == 0) missing.Add(key);
            foreach (var job in jobs.OrderBy(j => j.CreationTime)) found.Add(UrlJobJson(job));
        }
        return new JsonObject { ["NonExists"] = missing, ["URLUploadInfoList"] = found };
    }

    private static JsonObject UrlJobJson(UrlUploadJob job) => new()
    {
        ["JobId"] = job.JobId,
        ["UploadURL"] = job.SourceUrl,
        ["MediaId"] = job.MediaId,
        ["Status"] = job.Status,
        ["ErrorCode"] = job.ErrorCode,
        ["ErrorMessage"] = job.ErrorMessage,
        ["FileSize"] = job.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CreationTime"] = RpcCall.Time(job.CreationTime),
        ["CompleteTime"] = job.CompleteTime is { } done ? RpcCall.Time(done) : "",
        ["UserData"] = job.UserData,
    };
}
