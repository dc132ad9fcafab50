using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>
/// The HTTP callbacks VOD POSTs to an app's callback URL (SetMessageCallback): FileUploadComplete, UploadByURLComplete,
/// StreamTranscodeComplete, TranscodeComplete and SnapshotComplete, each body as the event reference gives it. They are sent
/// in the background, in order, three tries each, and only to loopback addresses (<see cref="LoopbackHttp"/>). Transcodes
/// and snapshots are watched for their end only when their app has an HTTP callback set.
/// </summary>
internal sealed class EventNotifier(VodState state, VodMedia media, TimeProvider clock, JobDuration jobs)
{
    /// <summary>Tries per event: the cloud's retry policy is not published.</summary>
    private const int CallbackTries = 3;

    private readonly Channel<(MessageCallback Config, JsonObject Body)> _outbox = Channel.CreateUnbounded<(MessageCallback, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    /// <summary>Transcode tasks and snapshot jobs whose end is yet to be announced, by id.</summary>
    private readonly ConcurrentDictionary<string, Func<DateTimeOffset, bool>> _watches = new();
    private int _watching;

    /// <summary>Starts sending what is queued.</summary>
    public void Start() => _ = Task.Run(SendCallbacksAsync);

    /// <summary>Queues the event when the app's HTTP callback asks for its type.</summary>
    private void Notify(string appId, JsonObject body)
    {
        if (state.CallbackOf(appId) is { IsHttp: true } config && config.Wants((string)body["EventType"]!))
            _outbox.Writer.TryWrite((config, body));
    }

    /// <summary>Posts the queued events one at a time, so a video's events arrive in the order they happened.</summary>
    private async Task SendCallbacksAsync()
    {
        await foreach (var (config, body) in _outbox.Reader.ReadAllAsync())
        {
            for (int attempt = 1; attempt <= CallbackTries; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, config.CallbackURL)
                    {
                        Content = new StringContent(body.ToJsonString(RpcResponse.Json), Encoding.UTF8, "application/json"),
                    };
                    if (config.AuthSwitch == "on" && config.AuthKey.Length > 0)
                    {
                        string timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                        request.Headers.Add("X-VOD-TIMESTAMP", timestamp);
                        request.Headers.Add("X-VOD-SIGNATURE", CallbackSignature(config.CallbackURL, timestamp, config.AuthKey));
                    }
                    using var response = await LoopbackHttp.Client.SendAsync(request);
                    if (response.IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
                {
                    if (!Uri.TryCreate(config.CallbackURL, UriKind.Absolute, out var uri) || !uri.IsLoopback) break; // never sent off this machine
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    /// <summary>md5(CallbackURL|X-VOD-TIMESTAMP|AuthKey) in lower-case hex ("HTTP callback authentication", VOD event notification guide).</summary>
    internal static string CallbackSignature(string callbackUrl, string timestamp, string authKey) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{callbackUrl}|{timestamp}|{authKey}"))).ToLowerInvariant();

    private static JsonObject Event(string type, string videoId, bool success, DateTimeOffset at) => new()
    {
        ["EventTime"] = RpcCall.Time(at),
        ["EventType"] = type,
        ["VideoId"] = videoId,
        ["Status"] = success ? "success" : "fail",
    };

    /// <summary>Extend: "the user-defined parameter that is returned in the pass-through mode in callbacks" (every event
    /// page), the Extend of the request's UserData; a string as it is, any other JSON as its text (the event pages show a
    /// string; the emulator's choice for an object).</summary>
    private static JsonObject WithExtend(JsonObject body, string userData)
    {
        if (userData.Length == 0) return body;
        try
        {
            if (JsonNode.Parse(userData) is JsonObject data && data["Extend"] is { } extend)
                body["Extend"] = extend is JsonValue value && value.TryGetValue(out string? text) ? text : extend.ToJsonString(RpcResponse.Json);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return body;
    }

    private static void AddFailure(JsonObject body, (string Code, string Message)? failure)
    {
        if (failure is not { } f) return;
        body["ErrorCode"] = f.Code;
        body["ErrorMessage"] = f.Message;
    }

    /// <summary>FileUploadComplete: a media's file arrived (an upload, or a URL pull).</summary>
    public void FileUploaded(Video video, long size, DateTimeOffset at)
    {
        var body = Event("FileUploadComplete", video.VideoId, true, at);
        body["Size"] = size;
        body["FileUrl"] = video.FileURL;
        Notify(video.AppId, WithExtend(body, video.UserData));
    }

    public void UrlUploadFinished(UrlUploadJob job)
    {
        var body = Event("UploadByURLComplete", job.MediaId, job.Status == "SUCCESS", job.CompleteTime ?? job.CreationTime);
        if (job.MediaId.Length == 0) body.Remove("VideoId"); // a failed pull has no video: the reference's example has no VideoId
        body["JobId"] = job.JobId;
        body["SourceURL"] = job.SourceUrl;
        if (job.Status == "SUCCESS") body["Size"] = job.FileSize.ToString(CultureInfo.InvariantCulture);
        else
        {
            body["ErrorCode"] = job.ErrorCode;
            body["ErrorMessage"] = job.ErrorMessage;
        }
        Notify(job.AppId, WithExtend(body, job.UserData));
    }

    /// <summary>Announces the task's end when it comes: a StreamTranscodeComplete per job, then TranscodeComplete.</summary>
    public void Watch(Video video, TranscodeTask task)
    {
        if (state.CallbackOf(video.AppId) is not { IsHttp: true }) return;
        Watch(task.TranscodeTaskId, now =>
        {
            if (!jobs.DoneAt(task.CreationTime, now)) return false;
            var at = jobs.EndOf(task.CreationTime);
            var streams = task.Jobs.Select(job => StreamInfo(video, task, job)).ToList();
            foreach (var stream in streams)
                Notify(video.AppId, WithExtend(Event("StreamTranscodeComplete", video.VideoId, (string?)stream["Status"] == "success", at).Merge(stream.DeepClone().AsObject()), task.UserData));
            var done = Event("TranscodeComplete", video.VideoId, streams.Any(s => (string?)s["Status"] == "success"), at);
            done["StreamInfos"] = new JsonArray(streams.Select(s => (JsonNode)s.DeepClone()).ToArray());
            Notify(video.AppId, WithExtend(done, task.UserData));
            return true;
        });
    }

    private JsonObject StreamInfo(Video video, TranscodeTask task, TranscodeJob job)
    {
        var failure = task.FailureOf(job);
        var info = new JsonObject
        {
            ["Status"] = failure == null ? "success" : "fail",
            ["JobId"] = job.JobId,
            ["Definition"] = job.Definition,
            ["Format"] = job.Format,
            ["Encrypt"] = false,
            ["StartTime"] = RpcCall.Time(task.CreationTime),
            ["FinishTime"] = RpcCall.Time(jobs.EndOf(task.CreationTime)),
        };
        if (failure == null)
        {
            var stream = media.StreamOf(video, job);
            info["Bitrate"] = stream.Bitrate;
            info["Duration"] = double.Parse(stream.Duration, CultureInfo.InvariantCulture);
            info["Fps"] = stream.Fps;
            info["Width"] = stream.Width;
            info["Height"] = stream.Height;
            info["Size"] = stream.Size;
            info["FileUrl"] = video.UrlOf(stream.Key);
        }
        AddFailure(info, failure);
        return info;
    }

    /// <summary>Announces SnapshotComplete (SubType SpecifiedTime, as for SubmitSnapshotJob) when the job ends.</summary>
    public void Watch(Video video, SnapshotJob job)
    {
        if (state.CallbackOf(video.AppId) is not { IsHttp: true }) return;
        Watch(job.JobId, now =>
        {
            if (!jobs.DoneAt(job.CreationTime, now)) return false;
            var body = Event("SnapshotComplete", video.VideoId, job.Failure == null, jobs.EndOf(job.CreationTime));
            body["SubType"] = "SpecifiedTime";
            if (job.Failure == null)
            {
                body["CoverUrl"] = job.ImageUrl(video, 1);
                // SnapshotInfos as the SnapshotComplete event page lists them
                body["SnapshotInfos"] = new JsonArray(new JsonObject
                {
                    ["Status"] = "success",
                    ["SnapshotType"] = job.Regular + "Snapshot",
                    ["SnapshotCount"] = job.Count,
                    ["SnapshotFormat"] = job.NameFormat(video),
                    ["SnapshotRegular"] = video.UrlOf(job.NameFormat(video)),
                    ["JobId"] = job.JobId,
                });
            }
            AddFailure(body, job.Failure);
            Notify(video.AppId, WithExtend(body, job.UserData));
            return true;
        });
    }

    /// <summary>Checks the watches five times a second while there are any (jobs end by the clock, which a test may move).</summary>
    private void Watch(string id, Func<DateTimeOffset, bool> announceIfDone)
    {
        _watches[id] = announceIfDone;
        if (Interlocked.Exchange(ref _watching, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            while (await timer.WaitForNextTickAsync())
            {
                foreach (var (key, announce) in _watches)
                {
                    bool done;
                    try
                    {
                        done = announce(clock.GetUtcNow());
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine($"emulator: event for {key} not sent: {e.GetType().Name}: {e.Message}");
                        done = true;
                    }
                    if (done) _watches.TryRemove(key, out _);
                }
            }
        });
    }
}
