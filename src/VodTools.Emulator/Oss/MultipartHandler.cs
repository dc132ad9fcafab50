using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

/// <summary>The multipart upload operations of OSS: InitiateMultipartUpload, UploadPart, CompleteMultipartUpload,
/// AbortMultipartUpload, ListMultipartUploads and ListParts.</summary>
internal sealed class MultipartHandler(OssState state, Store store, ObjectHandler objects)
{
    private const long MinPartSize = 100 * 1024;
    private const int MaxPartNumber = 10000;

    public Task InitiateMultipartUploadAsync(OssCall call)
    {
        var (request, bucket, key) = (call.Request, call.Bucket, call.Key);
        state.RequireBucket(bucket);
        var upload = new MultipartUpload
        {
            UploadId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            Bucket = bucket,
            Key = key,
            ContentType = request.Header("content-type") ?? "application/octet-stream",
            Metadata = call.UserMetadata,
            Initiated = state.Now,
        };
        store.Put(MultipartUpload.Kind, upload.UploadId, upload);
        bool url = call.UrlEncoded;
        return OssXml.WriteAsync(call.Context, new XElement("InitiateMultipartUploadResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Bucket", bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("UploadId", upload.UploadId)));
    }

    public async Task UploadPartAsync(OssCall call)
    {
        var (request, uploadId) = (call.Request, call.UploadId);
        state.RequireUpload(call.Bucket, uploadId);
        if (!int.TryParse(request.QueryValue("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1 || number > MaxPartNumber)
            throw OssException.InvalidArgument($"Part number must be an integer between 1 and {MaxPartNumber}, inclusive.");
        var body = await objects.ReceiveBodyAsync(call);
        string md5Hex = Convert.ToHexString(body.Md5);
        var part = new UploadedPart("\"" + md5Hex + "\"", body.Size, body.BodyId, state.Now, md5Hex);
        // re-read under the lock: parts of one upload may arrive in parallel
        var replaced = store.Atomically(() =>
        {
            var current = store.Get<MultipartUpload>(MultipartUpload.Kind, uploadId);
            if (current == null) return part; // aborted meanwhile
            current.Parts.TryGetValue(number, out var old);
            current.Parts[number] = part;
            store.Put(MultipartUpload.Kind, uploadId, current);
            return old;
        });
        if (ReferenceEquals(replaced, part))
        {
            store.DeleteBody(part.BodyId);
            throw OssException.NoSuchUpload(uploadId);
        }
        store.DeleteBody(replaced?.BodyId);
        call.Context.Response.Headers.ETag = part.ETag;
        OssXml.SetCrc64(call.Context.Response, body.Crc64);
    }

    public async Task CompleteMultipartUploadAsync(OssCall call)
    {
        var (context, request, bucket, key, uploadId) = (call.Context, call.Request, call.Bucket, call.Key, call.UploadId);
        var upload = state.RequireUpload(bucket, uploadId);
        List<(int Number, UploadedPart Part)> chosen;
        if (string.Equals(request.Header("x-oss-complete-all"), "yes", StringComparison.OrdinalIgnoreCase))
            chosen = upload.Parts.Select(p => (p.Key, p.Value)).ToList();
        else
            chosen = ChooseParts(upload, (await OssXml.ReadBodyAsync(context)).Root);
        if (chosen.Count == 0) throw OssException.MalformedXml();
        if (chosen.SkipLast(1).Any(p => p.Part.Size < MinPartSize))
            throw new OssException(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");

        string bodyId = Guid.NewGuid().ToString("N");
        long size = 0;
        var crc = new Crc64();
        bool corrupt = call.CorruptData;
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
        var record = new ObjectRecord(bucket, key, size, etag, "", upload.ContentType, state.Now, bodyId, "Multipart", upload.Metadata, crc.Value);
        state.Commit(record, forbidOverwrite: false);
        store.Delete(MultipartUpload.Kind, uploadId);
        foreach (var part in upload.Parts.Values) store.DeleteBody(part.BodyId);

        bool url = call.UrlEncoded;
        var b = state.RequireBucket(bucket);
        OssXml.SetCrc64(context.Response, crc.Value);
        await OssXml.WriteAsync(context, new XElement("CompleteMultipartUploadResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Location", $"http://{bucket}.{b.Endpoint}/{Percent.Encode(key, keepSlash: true)}"),
            new XElement("Bucket", bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("ETag", etag)));
    }

    /// <summary>The parts a CompleteMultipartUpload body names, checked: ascending numbers, each uploaded with that ETag.</summary>
    private static List<(int, UploadedPart)> ChooseParts(MultipartUpload upload, XElement xml)
    {
        if (xml.Name.LocalName != "CompleteMultipartUpload") throw OssException.MalformedXml();
        var chosen = new List<(int, UploadedPart)>();
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

    public Task AbortMultipartUploadAsync(OssCall call)
    {
        var upload = state.RequireUpload(call.Bucket, call.UploadId);
        store.Delete(MultipartUpload.Kind, call.UploadId);
        foreach (var part in upload.Parts.Values) store.DeleteBody(part.BodyId);
        call.Context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>Uploads in progress, by key then initiation time; prefix and max-uploads are honoured, the
    /// key/upload-id markers only as a starting key.</summary>
    public Task ListMultipartUploadsAsync(OssCall call)
    {
        var (request, bucket) = (call.Request, call.Bucket);
        state.RequireBucket(bucket);
        string prefix = request.QueryValue("prefix") ?? "", marker = request.QueryValue("key-marker") ?? "";
        int max = OssXml.MaxKeys(request, "max-uploads", 1000);
        var uploads = store.All<MultipartUpload>(MultipartUpload.Kind)
            .Where(u => u.Bucket == bucket && u.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(u.Key, marker) > 0)
            .OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated).ToList();
        var page = uploads.Take(max).ToList();
        bool truncated = uploads.Count > max;
        return OssXml.WriteAsync(call.Context, new XElement("ListMultipartUploadsResult",
            new XElement("Bucket", bucket), new XElement("KeyMarker", marker), new XElement("UploadIdMarker", ""),
            new XElement("NextKeyMarker", truncated ? page[^1].Key : ""), new XElement("NextUploadIdMarker", truncated ? page[^1].UploadId : ""),
            new XElement("Delimiter", ""), new XElement("Prefix", prefix), new XElement("MaxUploads", max), new XElement("IsTruncated", OssXml.Bool(truncated)),
            page.Select(u => new XElement("Upload", new XElement("Key", u.Key), new XElement("UploadId", u.UploadId),
                new XElement("StorageClass", "Standard"), new XElement("Initiated", OssXml.Time(u.Initiated))))));
    }

    public Task ListPartsAsync(OssCall call)
    {
        var (request, key, uploadId) = (call.Request, call.Key, call.UploadId);
        var upload = state.RequireUpload(call.Bucket, uploadId);
        int max = OssXml.MaxKeys(request, "max-parts", 1000);
        int marker = int.TryParse(request.QueryValue("part-number-marker"), out int m) ? m : 0;
        var remaining = upload.Parts.Where(p => p.Key > marker).ToList();
        var page = remaining.Take(max).ToList();
        bool truncated = remaining.Count > max;
        bool url = call.UrlEncoded;
        return OssXml.WriteAsync(call.Context, new XElement("ListPartsResult",
            url ? new XElement("EncodingType", "url") : null,
            new XElement("Bucket", call.Bucket), new XElement("Key", url ? Percent.Encode(key) : key), new XElement("UploadId", uploadId),
            new XElement("PartNumberMarker", marker), new XElement("NextPartNumberMarker", page.Count > 0 ? page[^1].Key : marker),
            new XElement("MaxParts", max), new XElement("IsTruncated", OssXml.Bool(truncated)),
            page.Select(p => new XElement("Part", new XElement("PartNumber", p.Key), new XElement("LastModified", OssXml.Time(p.Value.LastModified)),
                new XElement("ETag", p.Value.ETag), new XElement("Size", p.Value.Size)))));
    }
}
