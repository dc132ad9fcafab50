using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

/// <summary>The service and bucket operations of OSS: ListBuckets, PutBucket, PutBucketAcl, DeleteBucket, HeadBucket,
/// GetBucketInfo, GetBucketLocation, GetBucketAcl, and the listings ListObjects and ListObjectsV2.</summary>
internal sealed partial class BucketHandler(OssState state, Store store, string accountId)
{
    /// <summary>Sorts after every key that starts with the same text (U+10FFFF is the largest UTF-8 sequence).</summary>
    private const string AfterAll = "\U0010FFFF";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNameFormat();

    public static bool IsBucketName(string name) => BucketNameFormat().IsMatch(name);

    public Task ListBucketsAsync(OssCall call)
    {
        var request = call.Request;
        string prefix = request.QueryValue("prefix") ?? "", marker = request.QueryValue("marker") ?? "";
        int max = OssXml.MaxKeys(request, "max-keys");
        var buckets = store.All<Bucket>(Bucket.Kind)
            .Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(b.Name, marker) > 0).ToList();
        var page = buckets.Take(max).ToList();
        var root = new XElement("ListAllMyBucketsResult");
        if (request.Query.Count > 0)
        {
            root.Add(new XElement("Prefix", prefix), new XElement("Marker", marker), new XElement("MaxKeys", max),
                new XElement("IsTruncated", OssXml.Bool(buckets.Count > max)));
            if (buckets.Count > max) root.Add(new XElement("NextMarker", page[^1].Name));
        }
        root.Add(OssXml.Owner(accountId), new XElement("Buckets", page.Select(b => new XElement("Bucket",
            new XElement("CreationDate", OssXml.Time(b.CreationDate)),
            new XElement("ExtranetEndpoint", b.Endpoint),
            new XElement("IntranetEndpoint", $"oss-{b.Region}-internal.aliyuncs.com"),
            new XElement("Location", "oss-" + b.Region),
            new XElement("Name", b.Name),
            new XElement("Region", b.Region),
            new XElement("StorageClass", b.StorageClass)))));
        return OssXml.WriteAsync(call.Context, root);
    }

    /// <summary>PutBucket, and PutBucketAcl (?acl) of an existing bucket.</summary>
    public Task PutBucketAsync(OssCall call)
    {
        var (request, name) = (call.Request, call.Bucket);
        if (!IsBucketName(name)) throw new OssException(400, "InvalidBucketName", "The specified bucket is not valid.", ("BucketName", name));
        if (request.HasQuery("acl"))
        {
            var existing = state.RequireBucket(name);
            existing.Acl = request.Header("x-oss-acl") ?? existing.Acl;
            store.Put(Bucket.Kind, name, existing);
            return Task.CompletedTask;
        }
        var bucket = new Bucket
        {
            Name = name,
            Region = OssAddress.RegionAddressed(request) ?? Bucket.DefaultRegion, // the region the request is addressed to
            CreationDate = state.Now,
            Acl = request.Header("x-oss-acl") ?? "private",
            StorageClass = request.Header("x-oss-storage-class") ?? "Standard",
        };
        if (!store.TryAdd(Bucket.Kind, name, bucket))
            throw new OssException(409, "BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                ("BucketName", name));
        call.Context.Response.Headers.Location = "/" + name;
        return Task.CompletedTask;
    }

    public Task DeleteBucketAsync(OssCall call)
    {
        string name = call.Bucket;
        state.RequireBucket(name);
        if (store.BucketHasObjects(name) || store.All<MultipartUpload>(MultipartUpload.Kind).Any(u => u.Bucket == name))
            throw new OssException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.", ("BucketName", name));
        store.Delete(Bucket.Kind, name);
        call.Context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public Task HeadBucketAsync(OssCall call)
    {
        state.RequireBucket(call.Bucket);
        return Task.CompletedTask;
    }

    public Task GetBucketInfoAsync(OssCall call)
    {
        var b = state.RequireBucket(call.Bucket);
        return OssXml.WriteAsync(call.Context, new XElement("BucketInfo", new XElement("Bucket",
            new XElement("AccessMonitor", "Disabled"),
            new XElement("CreationDate", OssXml.Time(b.CreationDate)),
            new XElement("ExtranetEndpoint", b.Endpoint),
            new XElement("IntranetEndpoint", $"oss-{b.Region}-internal.aliyuncs.com"),
            new XElement("Location", "oss-" + b.Region),
            new XElement("StorageClass", b.StorageClass),
            new XElement("DataRedundancyType", "LRS"),
            new XElement("TransferAcceleration", "Disabled"),
            new XElement("CrossRegionReplication", "Disabled"),
            new XElement("Name", b.Name),
            new XElement("ResourceGroupId", "rg-default"),
            OssXml.Owner(accountId),
            new XElement("AccessControlList", new XElement("Grant", b.Acl)),
            new XElement("ServerSideEncryptionRule", new XElement("SSEAlgorithm", "None")),
            new XElement("BucketPolicy", new XElement("LogBucket", ""), new XElement("LogPrefix", "")))));
    }

    public Task GetBucketLocationAsync(OssCall call) =>
        OssXml.WriteAsync(call.Context, new XElement("LocationConstraint", "oss-" + state.RequireBucket(call.Bucket).Region));

    public Task GetBucketAclAsync(OssCall call) =>
        OssXml.WriteAsync(call.Context, new XElement("AccessControlPolicy", OssXml.Owner(accountId),
            new XElement("AccessControlList", new XElement("Grant", state.RequireBucket(call.Bucket).Acl))));

    private sealed record ListPage(List<ObjectRecord> Contents, List<string> CommonPrefixes, bool IsTruncated, string? Next);

    /// <summary>Keys under <paramref name="prefix"/> after <paramref name="after"/> in byte order, with keys that
    /// share a delimiter-terminated prefix rolled up into one CommonPrefixes entry (which counts toward max).</summary>
    private ListPage Page(string bucket, string prefix, string delimiter, string after, int max)
    {
        if (delimiter.Length > 0 && after.EndsWith(delimiter, StringComparison.Ordinal) && after.StartsWith(prefix, StringComparison.Ordinal)
            && after.Length > prefix.Length)
            after += AfterAll; // the marker is a common prefix: skip the keys it rolled up
        string start = after; // what a max-keys=0 page hands back as its continuation
        var contents = new List<ObjectRecord>();
        var prefixes = new List<string>();
        string? last = null;
        while (true)
        {
            var batch = store.ListObjects(bucket, prefix, after, 1000);
            if (batch.Count == 0) return new ListPage(contents, prefixes, false, null);
            bool skipped = false;
            foreach (var o in batch)
            {
                if (contents.Count + prefixes.Count >= max) return new ListPage(contents, prefixes, true, last ?? start);
                int cut = delimiter.Length == 0 ? -1 : o.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (cut >= 0)
                {
                    last = o.Key[..(cut + delimiter.Length)];
                    prefixes.Add(last);
                    after = last + AfterAll;
                    skipped = true;
                    break;
                }
                contents.Add(o);
                last = after = o.Key;
            }
            if (!skipped && batch.Count < 1000) return new ListPage(contents, prefixes, false, null);
        }
    }

    /// <summary>ListObjects (GetBucket: marker) and ListObjectsV2 (list-type=2: continuation-token, start-after).</summary>
    public Task ListObjectsAsync(OssCall call)
    {
        var (request, bucket) = (call.Request, call.Bucket);
        state.RequireBucket(bucket);
        bool v2 = request.QueryValue("list-type") == "2";
        string prefix = request.QueryValue("prefix") ?? "", delimiter = request.QueryValue("delimiter") ?? "";
        int max = OssXml.MaxKeys(request, "max-keys");
        bool url = call.UrlEncoded;
        string Enc(string s) => url ? Percent.Encode(s) : s;
        if (Encoding.UTF8.GetByteCount(prefix) >= 1024) throw OssException.InvalidArgument("Argument prefix must be less than 1024 bytes.");

        string after;
        string? token = request.QueryValue("continuation-token"), startAfter = request.QueryValue("start-after");
        if (v2)
        {
            after = startAfter ?? "";
            if (token != null)
            {
                try { after = Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
                catch (FormatException) { throw OssException.InvalidArgument("The continuation token provided is incorrect."); }
            }
        }
        else after = request.QueryValue("marker") ?? "";

        var page = Page(bucket, prefix, delimiter, after, max);
        var root = new XElement("ListBucketResult", new XElement("Name", bucket), new XElement("Prefix", Enc(prefix)));
        if (v2)
        {
            if (startAfter != null) root.Add(new XElement("StartAfter", Enc(startAfter)));
            if (token != null) root.Add(new XElement("ContinuationToken", Enc(token)));
        }
        else root.Add(new XElement("Marker", Enc(after)));
        root.Add(new XElement("MaxKeys", max), new XElement("Delimiter", Enc(delimiter)));
        if (url) root.Add(new XElement("EncodingType", "url"));
        root.Add(new XElement("IsTruncated", OssXml.Bool(page.IsTruncated)));
        if (page.IsTruncated)
            root.Add(v2 ? new XElement("NextContinuationToken", Enc(Convert.ToBase64String(Encoding.UTF8.GetBytes(page.Next!))))
                        : new XElement("NextMarker", Enc(page.Next!)));
        bool owner = !v2 || request.QueryValue("fetch-owner") == "true";
        foreach (var o in page.Contents)
            root.Add(new XElement("Contents",
                new XElement("Key", Enc(o.Key)),
                new XElement("LastModified", OssXml.Time(o.LastModified)),
                new XElement("ETag", o.ETag),
                new XElement("Type", o.Type),
                new XElement("Size", o.Size),
                new XElement("StorageClass", "Standard"),
                owner ? OssXml.Owner(accountId) : null));
        foreach (var p in page.CommonPrefixes) root.Add(new XElement("CommonPrefixes", new XElement("Prefix", Enc(p))));
        if (v2) root.Add(new XElement("KeyCount", page.Contents.Count + page.CommonPrefixes.Count));
        return OssXml.WriteAsync(call.Context, root);
    }
}
