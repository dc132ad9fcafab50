using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Vod;

/// <summary>
/// Event notifications (SetMessageCallback, GetMessageCallback) and the HTTP callbacks VOD POSTs: FileUploadComplete,
/// UploadByURLComplete, StreamTranscodeComplete, TranscodeComplete and SnapshotComplete, each body as the event reference
/// gives it. They are sent in the background, in order, three tries each, and only to loopback addresses (the same client
/// as the URL pull). Transcodes and snapshots are watched for their end only when their app has an HTTP callback set.
/// </summary>
internal sealed partial class VodApi
{
    private const string CallbackKind = "vod-callback";
    /// <summary>"The callback URL can be up to 256 bytes in length" (SetMessageCallback reference).</summary>
    private const int MaxCallbackUrlBytes = 256;
    /// <summary>Tries per event: the cloud's retry policy is not published.</summary>
    private const int CallbackTries = 3;

    private readonly Channel<(MessageCallback Config, JsonObject Body)> _outbox = Channel.CreateUnbounded<(MessageCallback, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    /// <summary>Transcode tasks and snapshot jobs whose end is yet to be announced, by id.</summary>
    private readonly ConcurrentDictionary<string, Func<DateTimeOffset, bool>> _watches = new();
    private int _watching;

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex AuthKeyPattern();

    [GeneratedRegex(@"^sv/[0-9a-f]{8}/(?<id>[0-9a-f]{32})\.")]
    private static partial Regex UploadKey();

    private void RegisterEventActions()
    {
        Action("SetMessageCallback", SetMessageCallback);
        Action("GetMessageCallback", GetMessageCallback);
        _ = Task.Run(SendCallbacksAsync);
    }

    /// <summary>Sets the app's whole configuration: what is not given is cleared (an empty EventTypeList turns every event off).</summary>
    private JsonObject SetMessageCallback(RpcCall call)
    {
        string type = call.Optional("CallbackType") ?? "HTTP";
        if (type is not ("HTTP" or "MNS")) throw RpcException.Invalid("CallbackType", "HTTP or MNS.");
        string url = call.Optional("CallbackURL") ?? "";
        if (type == "HTTP" && url.Length == 0) throw RpcException.Missing("CallbackURL");
        if (Encoding.UTF8.GetByteCount(url) > MaxCallbackUrlBytes) throw RpcException.Invalid("CallbackURL", $"At most {MaxCallbackUrlBytes} bytes.");
        string authSwitch = call.Optional("AuthSwitch") ?? "off";
        if (authSwitch is not ("on" or "off")) throw RpcException.Invalid("AuthSwitch", "on or off.");
        string key = call.Optional("AuthKey") ?? "";
        // "up to 32 characters ... must contain uppercase letters, lowercase letters, and digits" (SetMessageCallback reference)
        if (key.Length > 0 && !(AuthKeyPattern().IsMatch(key) && key.Any(char.IsUpper) && key.Any(char.IsLower) && key.Any(char.IsDigit)))
            throw RpcException.Invalid("AuthKey", "Up to 32 characters with uppercase letters, lowercase letters and digits.");
        string appId = call.Optional("AppId") ?? DefaultAppId;
        _store.Put(CallbackKind, appId, new MessageCallback
        {
            AppId = appId,
            CallbackType = type,
            CallbackURL = url,
            EventTypeList = call.Optional("EventTypeList") ?? "",
            AuthSwitch = authSwitch,
            AuthKey = key,
            MnsEndpoint = call.Optional("MnsEndpoint") ?? "",
            MnsQueueName = call.Optional("MnsQueueName") ?? "",
        });
        return [];
    }

    private JsonObject GetMessageCallback(RpcCall call)
    {
        string appId = call.Optional("AppId") ?? DefaultAppId;
        var c = _store.Get<MessageCallback>(CallbackKind, appId) ?? new MessageCallback { AppId = appId };
        return new JsonObject
        {
            ["MessageCallback"] = new JsonObject
            {
                ["AppId"] = c.AppId,
                ["CallbackType"] = c.CallbackType,
                ["CallbackURL"] = c.CallbackURL,
                ["EventTypeList"] = c.EventTypeList,
                ["AuthSwitch"] = c.AuthSwitch,
                ["AuthKey"] = c.AuthKey,
                ["MnsEndpoint"] = c.MnsEndpoint,
                ["MnsQueueName"] = c.MnsQueueName,
            },
        };
    }

    private MessageCallback? HttpCallbackOf(string appId) =>
        _store.Get<MessageCallback>(CallbackKind, appId.Length == 0 ? DefaultAppId : appId) is { CallbackType: "HTTP", CallbackURL.Length: > 0 } c ? c : null;

    /// <summary>Queues the event when the app's callback asks for its type (or for ALL).</summary>
    private void Notify(string appId, JsonObject body)
    {
        var config = HttpCallbackOf(appId);
        string type = (string)body["EventType"]!;
        if (config == null || !config.EventTypeList.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "ALL" || t == type)) return;
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
                        string timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                        request.Headers.Add("X-VOD-TIMESTAMP", timestamp);
                        request.Headers.Add("X-VOD-SIGNATURE", CallbackSignature(config.CallbackURL, timestamp, config.AuthKey));
                    }
                    using var response = await Fetcher.SendAsync(request);
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

    /// <summary>OSS stored an object: when it is the file of an upload (CreateUploadVideo's key), FileUploadComplete.</summary>
    public void ObjectCommitted(ObjectRecord record)
    {
        var match = UploadKey().Match(record.Key);
        if (match.Success && FindVideo(match.Groups["id"].Value) is { } video && video.Bucket == record.Bucket && video.Key == record.Key)
            VideoSourceArrived(video, record.Size, record.LastModified);
    }

    private void VideoSourceArrived(Video video, long size, DateTimeOffset at)
    {
        var body = Event("FileUploadComplete", video.VideoId, true, at);
        body["Size"] = size;
        body["FileUrl"] = video.FileURL;
        Notify(video.AppId, body);
    }

    private void UrlUploadFinished(UrlUploadJob job)
    {
        var body = Event("UploadByURLComplete", job.MediaId, job.Status == "SUCCESS", job.CompleteTime ?? job.CreationTime);
        body["JobId"] = job.JobId;
        body["SourceURL"] = job.SourceUrl;
        if (job.Status == "SUCCESS") body["Size"] = job.FileSize.ToString(CultureInfo.InvariantCulture);
        else
        {
            body["ErrorCode"] = job.ErrorCode;
            body["ErrorMessage"] = job.ErrorMessage;
        }
        Notify(job.AppId, body);
    }

    /// <summary>Announces the task's end when it comes: a StreamTranscodeComplete per job, then TranscodeComplete.</summary>
    private void WatchForEvents(Video video, TranscodeTask task)
    {
        if (HttpCallbackOf(video.AppId) == null) return;
        Watch(task.TranscodeTaskId, now =>
        {
            if (Progress(task.CreationTime, now) < 100) return false;
            var at = task.CreationTime + _jobDuration;
            var streams = task.Jobs.Select(job => StreamInfo(video, task, job)).ToList();
            foreach (var stream in streams)
                Notify(video.AppId, Event("StreamTranscodeComplete", video.VideoId, (string?)stream["Status"] == "success", at).Merge(stream.DeepClone().AsObject()));
            var done = Event("TranscodeComplete", video.VideoId, streams.Any(s => (string?)s["Status"] == "success"), at);
            done["StreamInfos"] = new JsonArray(streams.Select(s => (JsonNode)s.DeepClone()).ToArray());
            Notify(video.AppId, done);
            return true;
        });
    }

    private JsonObject StreamInfo(Video video, TranscodeTask task, TranscodeJob job)
    {
        bool ok = !JobFails(task, job);
        var stream = StreamOf(video, job);
        var info = new JsonObject
        {
            ["Status"] = ok ? "success" : "fail",
            ["JobId"] = job.JobId,
            ["Definition"] = job.Definition,
            ["Format"] = job.Format,
            ["Encrypt"] = false,
            ["StartTime"] = RpcCall.Time(task.CreationTime),
            ["FinishTime"] = RpcCall.Time(task.CreationTime + _jobDuration),
        };
        if (ok)
        {
            info["Bitrate"] = stream.Bitrate;
            info["Duration"] = double.Parse(stream.Duration, CultureInfo.InvariantCulture);
            info["Fps"] = stream.Fps;
            info["Width"] = stream.Width;
            info["Height"] = stream.Height;
            info["Size"] = stream.Size;
            info["FileUrl"] = $"https://{video.Bucket}.oss-{video.Region}.aliyuncs.com/{stream.Key}";
        }
        else
        {
            info["ErrorCode"] = task.SourceBroken ? "InvalidVideo.Damaged" : "TranscodeFail";
            info["ErrorMessage"] = task.SourceBroken ? "The source file cannot be decoded." : "The template cannot be applied to this source.";
        }
        return info;
    }

    /// <summary>Announces SnapshotComplete (SubType SpecifiedTime, as for SubmitSnapshotJob) when the job ends.</summary>
    private void WatchForEvents(Video video, SnapshotJob job)
    {
        if (HttpCallbackOf(video.AppId) == null) return;
        Watch(job.JobId, now =>
        {
            if (Progress(job.CreationTime, now) < 100) return false;
            var body = Event("SnapshotComplete", video.VideoId, !job.SourceBroken, job.CreationTime + _jobDuration);
            body["SubType"] = "SpecifiedTime";
            if (job.SourceBroken)
            {
                body["ErrorCode"] = "InvalidVideo.Damaged";
                body["ErrorMessage"] = "The source file cannot be decoded.";
            }
            else body["CoverUrl"] = SnapshotUrl(video, job, 1);
            Notify(video.AppId, body);
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
                        done = announce(_clock.GetUtcNow());
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

/// <summary>An app's event notification settings (SetMessageCallback).</summary>
internal sealed class MessageCallback
{
    public string AppId { get; set; } = "";
    public string CallbackType { get; set; } = "";
    public string CallbackURL { get; set; } = "";
    public string EventTypeList { get; set; } = "";
    public string AuthSwitch { get; set; } = "";
    public string AuthKey { get; set; } = "";
    public string MnsEndpoint { get; set; } = "";
    public string MnsQueueName { get; set; } = "";
}
