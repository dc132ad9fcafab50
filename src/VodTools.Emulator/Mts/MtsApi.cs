using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Rpc;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Mts;

/// <summary>Media Processing (MPS, API name MTS) 2014-06-18, only as far as VOD's guide needs it: the media buckets bound
/// to MPS (BindInputBucket, BindOutputBucket) and their listing (ListAllMediaBucket), since a bucket bound to MPS cannot
/// be added to VOD. Shapes from the SDK models (aliyun/alibabacloud-csharp-sdk mts-20140618/core/Models/ListAllMediaBucket*.cs).</summary>
internal sealed class MtsApi : RpcApi
{
    private const string MediaBucketKind = "mts-media-bucket";
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    private readonly Store _store;
    private readonly IOssBuckets _buckets;

    public MtsApi(Store store, IOssBuckets buckets)
    {
        _store = store;
        _buckets = buckets;
        Action("ListAllMediaBucket", ListAllMediaBucket);
        Action("BindInputBucket", call => Bind(call, "Input"));
        Action("BindOutputBucket", call => Bind(call, "Output"));
    }

    public override string Version => "2014-06-18";
    public override string HostId => "mts.cn-shanghai.aliyuncs.com";
    public override string Product => "mts";

    internal sealed class MediaBucket
    {
        public string Bucket { get; set; } = "";
        public string Type { get; set; } = "";
        public string Referer { get; set; } = "";
    }

    /// <summary>Binds an OSS bucket of the emulator as a media bucket. Binding it again replaces its type and referer (the
    /// cloud's answer to a repeat is not documented), and an unknown bucket is refused with OSS's NoSuchBucket (the
    /// emulator's choice: MPS's reference lists no code for it).</summary>
    private JsonObject Bind(RpcCall call, string type)
    {
        string bucket = call.Required("Bucket");
        if (Encoding.UTF8.GetByteCount(bucket) > 64) throw RpcException.Invalid("Bucket", "It can be up to 64 bytes long.");
        if (_buckets.RegionOf(bucket) == null)
            throw new RpcException(404, "NoSuchBucket", "The specified bucket does not exist.");
        _store.Put(MediaBucketKind, bucket, new MediaBucket { Bucket = bucket, Type = type, Referer = call.Optional("Referer") ?? "" });
        return [];
    }

    /// <summary>The media buckets in name order, MaximumPageSize (1 to 100, default 50) at a time; NextPageToken, when
    /// present, is the name the next page starts after.</summary>
    private JsonObject ListAllMediaBucket(RpcCall call)
    {
        int pageSize = call.Int("MaximumPageSize", DefaultPageSize, 1, MaxPageSize);
        string after = call.Optional("NextPageToken") ?? "";
        var rest = _store.All<MediaBucket>(MediaBucketKind)
            .Where(b => string.CompareOrdinal(b.Bucket, after) > 0)
            .OrderBy(b => b.Bucket, StringComparer.Ordinal)
            .ToList();
        var page = rest.Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["MediaBucketList"] = new JsonObject
            {
                ["MediaBucket"] = new JsonArray(page.Select(MediaBucketJson).ToArray()),
            },
        };
        if (rest.Count > pageSize) result["NextPageToken"] = page[^1].Bucket;
        return result;
    }

    private static JsonNode MediaBucketJson(MediaBucket bucket) =>
        new JsonObject { ["Bucket"] = bucket.Bucket, ["Type"] = bucket.Type, ["Referer"] = bucket.Referer };
}
