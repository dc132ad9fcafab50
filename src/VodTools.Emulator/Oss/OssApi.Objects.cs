using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

internal sealed partial class OssApi
{
    /// <summary>Sorts after every key that starts with the same text (U+10FFFF is the largest UTF-8 sequence).</summary>
    private const string AfterAll = "\U0010FFFF";

    /// <summary>A body written to a file while its MD5 and CRC-64 are computed.</summary>
    internal sealed record StoredBody(string BodyId, long Size, byte[] Md5, ulong Crc64);

    private async Task<StoredBody> ReceiveBodyAsync(HttpContext context, IncomingRequest request)
    {
        if (context.Request.ContentLength == null && !(request.Header("transfer-encoding") ?? "").Contains("chunked", StringComparison.OrdinalIgnoreCase))
            throw new OssException(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        var body = await WriteBodyAsync(store, context.Request.Body, Corrupting(context), context.RequestAborted);
        if (request.Header("content-md5") is { } claimed && claimed.Trim() != Convert.ToBase64String(body.Md5))
        {
            store.DeleteBody(body.BodyId);
            throw new OssException(400, "InvalidDigest", "The Content-MD5 you specified did not match what we received.",
                ("CalculatedDigest", Convert.ToBase64String(body.Md5)), ("ExpectedDigest", claimed));
        }
        return body;
    }

    /// <summary>Streams <paramref name="source"/> into a new body file (OSS uploads, and VOD's pull from a URL).</summary>
    /// <param name="corrupt">damage the first byte on the way: stored, hashed and answered as received</param>
    internal static async Task<StoredBody> WriteBodyAsync(Store store, Stream source, bool corrupt, CancellationToken cancellationToken)
    {
        string bodyId = Guid.NewGuid().ToString("N");
        string path = store.BodyPath(bodyId);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var crc = new Crc64();
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (corrupt)
                    {
                        buffer[0] ^= 0xFF;
                        corrupt = false;
                    }
                    md5.AppendData(buffer, 0, read);
                    crc.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }
            }
            return new StoredBody(bodyId, size, md5.GetHashAndReset(), crc.Value);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static Dictionary<string, string> UserMetadata(IncomingRequest request) =>
        request.Headers.Where(h => h.Key.StartsWith("x-oss-meta-", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);

    private async Task PutObjectAsync(HttpContext context, IncomingRequest request, string bucket, string key)
    {
        RequireBucket(bucket);
        if (request.Header("x-oss-copy-source") != null)
            throw new OssException(501, "NotImplemented", "A header you provided implies functionality that is not implemented.", ("Header", "x-oss-copy-source"));
        bool forbidOverwrite = string.Equals(request.Header("x-oss-forbid-overwrite"), "true", StringComparison.OrdinalIgnoreCase);
        if (forbidOverwrite && store.GetObject(bucket, key) != null) throw FileAlreadyExists();
        var body = await ReceiveBodyAsync(context, request);
        var record = new ObjectRecord(bucket, key, body.Size, "\"" + Convert.ToHexString(body.Md5) + "\"", Convert.ToBase64String(body.Md5),
            request.Header("content-type") ?? "application/octet-stream", Now, body.BodyId, "Normal", UserMetadata(request), body.Crc64);
        CommitObject(record, forbidOverwrite);
        context.Response.Headers.ETag = record.ETag;
        context.Response.Headers["Content-MD5"] = record.ContentMd5;
        SetCrc64(context.Response, body.Crc64);
    }

    /// <summary>Makes a stored body the current object (the metadata row is the commit point) and removes
    /// the body it replaced.</summary>
    private void CommitObject(ObjectRecord record, bool forbidOverwrite)
    {
        var previous = store.Atomically(() =>
        {
            if (forbidOverwrite && store.GetObject(record.Bucket, record.Key) != null) return record;
            return store.PutObject(record);
        });
        if (ReferenceEquals(previous, record))
        {
            store.DeleteBody(record.BodyId);
            throw FileAlreadyExists();
        }
        store.DeleteBody(previous?.BodyId);
        Committed?.Invoke(record);
    }

    /// <summary>Told of each object stored by a client (VOD announces an upload's file with it).</summary>
    public Action<ObjectRecord>? Committed { get; set; }

    private static OssException FileAlreadyExists() => new(409, "FileAlreadyExists", "The object you specified already exists and can not be overwritten.");

    private async Task GetObjectAsync(HttpContext context, IncomingRequest request, string bucket, string key, bool withBody)
    {
        RequireBucket(bucket);
        var o = store.GetObject(bucket, key) ?? throw OssException.NoSuchKey(key);
        if (!PreconditionsHold(request, o))
        {
            context.Response.StatusCode = 304;
            context.Response.Headers.ETag = o.ETag;
            context.Response.Headers.LastModified = o.LastModified.ToString("r", CultureInfo.InvariantCulture);
            return;
        }
        FileStream stream;
        try
        {
            stream = new FileStream(store.BodyPath(o.BodyId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            throw OssException.NoSuchKey(key); // overwritten or deleted between the lookup and the open
        }
        await using (stream)
        {
            var response = context.Response;
            response.ContentType = request.QueryValue("response-content-type") ?? o.ContentType;
            response.Headers.ETag = o.ETag;
            response.Headers.LastModified = o.LastModified.ToString("r", CultureInfo.InvariantCulture);
            response.Headers.AcceptRanges = "bytes";
            response.Headers["x-oss-object-type"] = o.Type;
            response.Headers["x-oss-storage-class"] = "Standard";
            if (o.Type == "Normal") response.Headers["Content-MD5"] = o.ContentMd5;
            if (o.Crc64 is { } crc) SetCrc64(response, crc); // the whole object's, on a range read too
            foreach (var (name, value) in o.Metadata) response.Headers[name] = value;
            if (request.QueryValue("response-content-disposition") is { } disposition) response.Headers.ContentDisposition = disposition;

            long start = 0, length = o.Size;
            bool standardRange = string.Equals(request.Header("x-oss-range-behavior"), "standard", StringComparison.OrdinalIgnoreCase);
            if (ParseRange(request.Header("range"), o.Size, standardRange) is { } range)
            {
                (start, length) = range;
                response.StatusCode = 206;
                response.Headers.ContentRange = $"bytes {start}-{start + length - 1}/{o.Size}";
            }
            response.ContentLength = length;
            if (!withBody) return;
            stream.Seek(start, SeekOrigin.Begin);
            var buffer = new byte[81920];
            while (length > 0)
            {
                int read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), context.RequestAborted);
                if (read == 0) break;
                await response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                length -= read;
            }
        }
    }

    /// <summary>If-Match / If-Unmodified-Since failing is 412 PreconditionFailed; false when If-None-Match /
    /// If-Modified-Since say the client's copy is current (the caller answers 304).</summary>
    private static bool PreconditionsHold(IncomingRequest request, ObjectRecord o)
    {
        static bool Matches(string header, string etag) =>
            header.Split(',').Select(t => t.Trim().Trim('"')).Any(t => t == "*" || string.Equals(t, etag.Trim('"'), StringComparison.OrdinalIgnoreCase));
        static DateTimeOffset? Date(string? value) =>
            DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var modified = o.LastModified.AddTicks(-(o.LastModified.Ticks % TimeSpan.TicksPerSecond)); // headers carry whole seconds
        if ((request.Header("if-match") is { } ifMatch && !Matches(ifMatch, o.ETag))
            || (Date(request.Header("if-unmodified-since")) is { } unmodifiedSince && modified > unmodifiedSince))
            throw new OssException(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold.");
        if (request.Header("if-none-match") is { } ifNoneMatch) return !Matches(ifNoneMatch, o.ETag);
        return !(Date(request.Header("if-modified-since")) is { } modifiedSince && modified <= modifiedSince);
    }

    /// <summary>One "bytes=a-b" / "bytes=a-" / "bytes=-n" range as (start, length). Without x-oss-range-behavior
    /// anything invalid or unsatisfiable means the whole object with 200 (legacy OSS); with "standard" an end
    /// beyond the object is clipped and a start beyond it is 416 InvalidRange.</summary>
    private static (long Start, long Length)? ParseRange(string? header, long size, bool standard)
    {
        if (header == null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',')) return null;
        var parts = header[6..].Split('-');
        if (parts.Length != 2) return null;
        bool hasStart = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long a);
        bool hasEnd = long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long b);
        if (!hasStart && hasEnd && parts[0].Length == 0)
            return b == 0 || size == 0 ? null : (Math.Max(0, size - b), Math.Min(b, size));
        if (hasStart && a >= size && standard)
            throw new OssException(416, "InvalidRange", "The requested range cannot be satisfied.", ("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture)));
        if (!hasStart || a >= size) return null;
        if (parts[1].Length == 0) return (a, size - a);
        if (standard && hasEnd && b >= size) b = size - 1;
        if (!hasEnd || b < a || b >= size) return null;
        return (a, b - a + 1);
    }

    private Task DeleteObjectAsync(HttpContext context, string bucket, string key)
    {
        RequireBucket(bucket);
        store.DeleteBody(store.DeleteObject(bucket, key)?.BodyId);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private async Task DeleteMultipleObjectsAsync(HttpContext context, IncomingRequest request, string bucket)
    {
        RequireBucket(bucket);
        var (xml, md5) = await ReadXmlBodyAsync(context);
        if (request.Header("content-md5") is { } claimed && claimed.Trim() != Convert.ToBase64String(md5))
            throw new OssException(400, "InvalidDigest", "The Content-MD5 you specified did not match what we received.");
        if (xml.Name.LocalName != "Delete") throw OssException.MalformedXml();
        bool quiet = string.Equals((string?)xml.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var keys = xml.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(e => (string?)e.Elements().FirstOrDefault(k => k.Name.LocalName == "Key")).ToList();
        if (keys.Count == 0 || keys.Count > 1000 || keys.Any(string.IsNullOrEmpty)) throw OssException.MalformedXml();
        bool url = request.QueryValue("encoding-type") == "url";
        var result = new XElement("DeleteResult");
        if (url) result.Add(new XElement("EncodingType", "url"));
        foreach (var key in keys)
        {
            store.DeleteBody(store.DeleteObject(bucket, key!)?.BodyId);
            if (!quiet) result.Add(new XElement("Deleted", new XElement("Key", url ? Percent.Encode(key!) : key)));
        }
        await WriteXmlAsync(context, result);
    }

    /// <summary>Reads a small XML request body (and its MD5); bad or oversized XML is 400 MalformedXML.</summary>
    private static async Task<(XElement Root, byte[] Md5)> ReadXmlBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxXmlBodyBytes) throw OssException.MalformedXml();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxXmlBodyBytes) throw OssException.MalformedXml();
        try
        {
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return (XElement.Load(reader), MD5.HashData(buffer.ToArray()));
        }
        catch (XmlException)
        {
            throw OssException.MalformedXml();
        }
    }

    // ---- listings ----

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

    private Task ListObjectsAsync(HttpContext context, IncomingRequest request, string bucket)
    {
        RequireBucket(bucket);
        bool v2 = request.QueryValue("list-type") == "2";
        string prefix = request.QueryValue("prefix") ?? "", delimiter = request.QueryValue("delimiter") ?? "";
        int max = MaxKeys(request, "max-keys");
        bool url = request.QueryValue("encoding-type") == "url";
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
        root.Add(new XElement("IsTruncated", Bool(page.IsTruncated)));
        if (page.IsTruncated)
            root.Add(v2 ? new XElement("NextContinuationToken", Enc(Convert.ToBase64String(Encoding.UTF8.GetBytes(page.Next!))))
                        : new XElement("NextMarker", Enc(page.Next!)));
        bool owner = !v2 || request.QueryValue("fetch-owner") == "true";
        foreach (var o in page.Contents)
            root.Add(new XElement("Contents",
                new XElement("Key", Enc(o.Key)),
                new XElement("LastModified", XmlTime(o.LastModified)),
                new XElement("ETag", o.ETag),
                new XElement("Type", o.Type),
                new XElement("Size", o.Size),
                new XElement("StorageClass", "Standard"),
                owner ? Owner() : null));
        foreach (var p in page.CommonPrefixes) root.Add(new XElement("CommonPrefixes", new XElement("Prefix", Enc(p))));
        if (v2) root.Add(new XElement("KeyCount", page.Contents.Count + page.CommonPrefixes.Count));
        return WriteXmlAsync(context, root);
    }
}
