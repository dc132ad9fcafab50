using System.Globalization;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Oss;

/// <summary>The object operations of OSS: PutObject, GetObject, HeadObject, DeleteObject and DeleteMultipleObjects.</summary>
internal sealed class ObjectHandler(OssState state, Store store)
{
    public async Task PutObjectAsync(OssCall call)
    {
        var (request, bucket, key) = (call.Request, call.Bucket, call.Key);
        state.RequireBucket(bucket);
        if (request.Header("x-oss-copy-source") != null)
            throw new OssException(501, "NotImplemented", "A header you provided implies functionality that is not implemented.", ("Header", "x-oss-copy-source"));
        bool forbidOverwrite = string.Equals(request.Header("x-oss-forbid-overwrite"), "true", StringComparison.OrdinalIgnoreCase);
        if (forbidOverwrite && store.GetObject(bucket, key) != null) throw OssException.FileAlreadyExists();
        var body = await ReceiveBodyAsync(call);
        var record = new ObjectRecord(bucket, key, body.Size, "\"" + Convert.ToHexString(body.Md5) + "\"", Convert.ToBase64String(body.Md5),
            request.Header("content-type") ?? "application/octet-stream", state.Now, body.BodyId, "Normal", call.UserMetadata, body.Crc64);
        state.Commit(record, forbidOverwrite);
        call.Context.Response.Headers.ETag = record.ETag;
        call.Context.Response.Headers["Content-MD5"] = record.ContentMd5;
        OssXml.SetCrc64(call.Context.Response, body.Crc64);
    }

    /// <summary>The body of a PutObject or UploadPart, written to a file; a Content-MD5 it does not match is 400 InvalidDigest.</summary>
    public async Task<StoredBody> ReceiveBodyAsync(OssCall call)
    {
        var (context, request) = (call.Context, call.Request);
        if (context.Request.ContentLength == null && !(request.Header("transfer-encoding") ?? "").Contains("chunked", StringComparison.OrdinalIgnoreCase))
            throw new OssException(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        var body = await ObjectBodies.WriteAsync(store, context.Request.Body, call.CorruptData, context.RequestAborted);
        if (request.Header("content-md5") is { } claimed && claimed.Trim() != Convert.ToBase64String(body.Md5))
        {
            store.DeleteBody(body.BodyId);
            throw new OssException(400, "InvalidDigest", "The Content-MD5 you specified did not match what we received.",
                ("CalculatedDigest", Convert.ToBase64String(body.Md5)), ("ExpectedDigest", claimed));
        }
        return body;
    }

    public Task GetObjectAsync(OssCall call) => GetObjectAsync(call, withBody: true);

    public Task HeadObjectAsync(OssCall call) => GetObjectAsync(call, withBody: false);

    /// <summary>GetObject, HeadObject, and a VOD play URL's source (read without a signature).</summary>
    public async Task GetObjectAsync(OssCall call, bool withBody)
    {
        var (context, request, bucket, key) = (call.Context, call.Request, call.Bucket, call.Key);
        state.RequireBucket(bucket);
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
            if (o.Crc64 is { } crc) OssXml.SetCrc64(response, crc); // the whole object's, on a range read too
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

    public Task DeleteObjectAsync(OssCall call)
    {
        state.RequireBucket(call.Bucket);
        state.Delete(call.Bucket, call.Key);
        call.Context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    public async Task DeleteMultipleObjectsAsync(OssCall call)
    {
        var (request, bucket) = (call.Request, call.Bucket);
        state.RequireBucket(bucket);
        var (xml, md5) = await OssXml.ReadBodyAsync(call.Context);
        if (request.Header("content-md5") is { } claimed && claimed.Trim() != Convert.ToBase64String(md5))
            throw new OssException(400, "InvalidDigest", "The Content-MD5 you specified did not match what we received.");
        if (xml.Name.LocalName != "Delete") throw OssException.MalformedXml();
        bool quiet = string.Equals((string?)xml.Elements().FirstOrDefault(e => e.Name.LocalName == "Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var keys = xml.Elements().Where(e => e.Name.LocalName == "Object")
            .Select(e => (string?)e.Elements().FirstOrDefault(k => k.Name.LocalName == "Key")).ToList();
        if (keys.Count == 0 || keys.Count > 1000 || keys.Any(string.IsNullOrEmpty)) throw OssException.MalformedXml();
        bool url = call.UrlEncoded;
        var result = new XElement("DeleteResult");
        if (url) result.Add(new XElement("EncodingType", "url"));
        foreach (var key in keys)
        {
            state.Delete(bucket, key!);
            if (!quiet) result.Add(new XElement("Deleted", new XElement("Key", url ? Percent.Encode(key!) : key)));
        }
        await OssXml.WriteAsync(call.Context, result);
    }
}
