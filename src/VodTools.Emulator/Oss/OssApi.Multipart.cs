using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

internal sealed partial class OssApi
{
    public const string UploadKind = "oss-upload";
    private const long MinPartSize = 100 * 1024;
    private const int MaxPartNumber = 10000;

    public sealed class MultipartUpload
    {
        public string UploadId { get; set; } = "";
        public string Bucket { get; set; } = "";
        public string Key { get; set; } = "";
        public string ContentType { get; set; } = "application/octet-stream";
        public Dictionary<string, string> Metadata { get; set; } = [];
        public DateTimeOffset Initiated { get; set; }
        public SortedDictionary<int, Part> Parts { get; set; } = [];
    }

    public sealed record Part(string ETag, long Size, string BodyId, DateTimeOffset LastModified, string Md5Hex);

    /// <summary>Deletes body files no object or upload part refers to: what a kill -9 left between writing a
    /// body and committing its metadata (such a write was never acknowledged).</summary>
    public void RemoveOrphanBodies()
    {
        var referenced = ReferencedBodyIds();
        foreach (var file in Directory.EnumerateFiles(store.BodiesDir))
            if (!referenced.Contains(Path.GetFileName(file))) File.Delete(file);
    }

    /// <summary>The bodies the state refers to: every object's and every pending upload part's.</summary>
    public HashSet<string> ReferencedBodyIds()
    {
        var referenced = store.ObjectBodyIds();
        foreach (var upload in store.All<MultipartUpload>(UploadKind))
            referenced.UnionWith(upload.Parts.Values.Select(p => p.BodyId));
        return referenced;
    }

    private MultipartUpload RequireUpload(string bucket, string uploadId)
    {
        RequireBucket(bucket);
        var upload = store.Get<MultipartUpload>(UploadKind, uploadId);
        return upload != null && upload.Bucket == bucket ? upload : throw OssException.NoSuchUpload(uploadId);
    }

    private Task InitiateMultipartUploadAsync(HttpContext context, IncomingRequest request, string bucket, string key)
    {
        RequireBucket(bucket);
        var upload = new MultipartUpload
        {
            UploadId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            Bucket = bucket,
            Key = key,
            ContentType = request.Header("content-type") ?? "application/octet-stream",
            Metadata = UserMetadata(request),
            Initiated = Now,
        };
        store.Put(UploadKind, upload.UploadId, upload);
        bool url = request.QueryValue("encoding-type") == "url";
        return WriteXmlAsync(context, new XElement("InitiateMultipartUploadResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Bucket", bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("UploadId", upload.UploadId)));
    }

    private async Task UploadPartAsync(HttpContext context, IncomingRequest request, string bucket, string key, string uploadId)
    {
        RequireUpload(bucket, uploadId);
        if (!int.TryParse(request.QueryValue("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > MaxPartNumber)
            throw OssException.InvalidArgument($"Part number must be an integer between 1 and {MaxPartNumber}, inclusive.");
        var body = await ReceiveBodyAsync(context, request);
        string md5Hex = Convert.ToHexString(body.Md5);
        var part = new Part("\"" + md5Hex + "\"", body.Size, body.BodyId, Now, md5Hex);
        // re-read under the lock: parts of one upload may arrive in parallel
        var replaced = store.Atomically(() =>
        {
            var current = store.Get<MultipartUpload>(UploadKind, uploadId);
            if (current == null) return part; // aborted meanwhile
            current.Parts.TryGetValue(number, out var old);
            current.Parts[number] = part;
            store.Put(UploadKind, uploadId, current);
            return old;
        });
        if (ReferenceEquals(replaced, part))
        {
            store.DeleteBody(part.BodyId);
            throw OssException.NoSuchUpload(uploadId);
        }
        store.DeleteBody(replaced?.BodyId);
        context.Response.Headers.ETag = part.ETag;
        SetCrc64(context.Response, body.Crc64);
    }

    private async Task CompleteMultipartUploadAsync(HttpContext context, IncomingRequest request, string bucket, string key, string uploadId)
    {
        var upload = RequireUpload(bucket, uploadId);
        List<(int Number, Part Part)> chosen;
        if (string.Equals(request.Header("x-oss-complete-all"), "yes", StringComparison.OrdinalIgnoreCase))
            chosen = upload.Parts.Select(p => (p.Key, p.Value)).ToList();
        else
            chosen = ChooseParts(upload, (await ReadXmlBodyAsync(context)).Root);
        if (chosen.Count == 0) throw OssException.MalformedXml();
        if (chosen.SkipLast(1).Any(p => p.Part.Size < MinPartSize))
            throw new OssException(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");

        string bodyId = Guid.NewGuid().ToString("N");
        long size = 0;
        var crc = new Crc64();
        bool corrupt = Corrupting(context);
        await using (var target = new FileStream(store.BodyPath(bodyId), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            foreach (var (_, part) in chosen)
            {
                await using var source = new FileStream(store.BodyPath(part.BodyId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                int read;
                while ((read = await source.ReadAsync(buffer, CancellationToken.None)) > 0) // OSS finishes a Complete even if the client goes away
                {
                    if (corrupt)
                    {
                        buffer[0] ^= 0xFF; // assembled wrong: stored and answered as assembled
                        corrupt = false;
                    }
                    crc.Append(buffer.AsSpan(0, read));
                    await target.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                }
                size += part.Size;
            }
        }
        byte[] partDigests = chosen.SelectMany(p => Convert.FromHexString(p.Part.Md5Hex)).ToArray();
        string etag = $"\"{Convert.ToHexString(MD5.HashData(partDigests))}-{chosen.Count}\"";
        var record = new ObjectRecord(bucket, key, size, etag, "", upload.ContentType, Now, bodyId, "Multipart", upload.Metadata, crc.Value);
        CommitObject(record, forbidOverwrite: false);
        store.Delete(UploadKind, uploadId);
        foreach (var part in upload.Parts.Values) store.DeleteBody(part.BodyId);

        bool url = request.QueryValue("encoding-type") == "url";
        var b = RequireBucket(bucket);
        SetCrc64(context.Response, crc.Value);
        await WriteXmlAsync(context, new XElement("CompleteMultipartUploadResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Location", $"http://{bucket}.oss-{b.Region}.aliyuncs.com/{Percent.Encode(key, keepSlash: true)}"),
            new XElement("Bucket", bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("ETag", etag)));
    }

    /// <summary>The parts a CompleteMultipartUpload body names, checked: ascending numbers, each uploaded with that ETag.</summary>
    private static List<(int, Part)> ChooseParts(MultipartUpload upload, XElement xml)
    {
        if (xml.Name.LocalName != "CompleteMultipartUpload") throw OssException.MalformedXml();
        var chosen = new List<(int, Part)>();
        int previous = 0;
        foreach (var element in xml.Elements().Where(e => e.Name.LocalName == "Part"))
        {
            string? numberText = (string?)element.Elements().FirstOrDefault(e => e.Name.LocalName == "PartNumber");
            string etag = ((string?)element.Elements().FirstOrDefault(e => e.Name.LocalName == "ETag") ?? "").Trim().Trim('"');
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out int number)) throw OssException.MalformedXml();
            if (number <= previous)
                throw new OssException(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts list must be specified in order by part number.");
            previous = number;
            if (!upload.Parts.TryGetValue(number, out var part) || !string.Equals(part.Md5Hex, etag, StringComparison.OrdinalIgnoreCase))
                throw new OssException(400, "InvalidPart", "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
                    ("PartNumber", number.ToString(CultureInfo.InvariantCulture)));
            chosen.Add((number, part));
        }
        return chosen;
    }

    private Task AbortMultipartUploadAsync(HttpContext context, string bucket, string uploadId)
    {
        var upload = RequireUpload(bucket, uploadId);
        store.Delete(UploadKind, uploadId);
        foreach (var part in upload.Parts.Values) store.DeleteBody(part.BodyId);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>Uploads in progress, by key then initiation time; prefix and max-uploads are honoured, the
    /// key/upload-id markers only as a starting key.</summary>
    private Task ListMultipartUploadsAsync(HttpContext context, IncomingRequest request, string bucket)
    {
        RequireBucket(bucket);
        string prefix = request.QueryValue("prefix") ?? "", marker = request.QueryValue("key-marker") ?? "";
        int max = MaxKeys(request, "max-uploads", 1000);
        var uploads = store.All<MultipartUpload>(UploadKind)
            .Where(u => u.Bucket == bucket && u.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(u.Key, marker) > 0)
            .OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated).ToList();
        var page = uploads.Take(max).ToList();
        bool truncated = uploads.Count > max;
        return WriteXmlAsync(context, new XElement("ListMultipartUploadsResult",
            new XElement("Bucket", bucket), new XElement("KeyMarker", marker), new XElement("UploadIdMarker", ""),
            new XElement("NextKeyMarker", truncated ? page[^1].Key : ""), new XElement("NextUploadIdMarker", truncated ? page[^1].UploadId : ""),
            new XElement("Delimiter", ""), new XElement("Prefix", prefix), new XElement("MaxUploads", max), new XElement("IsTruncated", Bool(truncated)),
            page.Select(u => new XElement("Upload", new XElement("Key", u.Key), new XElement("UploadId", u.UploadId),
                new XElement("StorageClass", "Standard"), new XElement("Initiated", XmlTime(u.Initiated))))));
    }

    private Task ListPartsAsync(HttpContext context, IncomingRequest request, string bucket, string key, string uploadId)
    {
        var upload = RequireUpload(bucket, uploadId);
        int max = MaxKeys(request, "max-parts", 1000);
        int marker = int.TryParse(request.QueryValue("part-number-marker"), out int m) ? m : 0;
        var remaining = upload.Parts.Where(p => p.Key > marker).ToList();
        var page = remaining.Take(max).ToList();
        bool truncated = remaining.Count > max;
        bool url = request.QueryValue("encoding-type") == "url";
        return WriteXmlAsync(context, new XElement("ListPartsResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Bucket", bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("UploadId", uploadId),
            new XElement("PartNumberMarker", marker), new XElement("NextPartNumberMarker", page.Count > 0 ? page[^1].Key : marker),
            new XElement("MaxParts", max), new XElement("IsTruncated", Bool(truncated)),
            page.Select(p => new XElement("Part", new XElement("PartNumber", p.Key), new XElement("LastModified", XmlTime(p.Value.LastModified)),
                new XElement("ETag", p.Value.ETag), new XElement("Size", p.Value.Size)))));
    }
}
