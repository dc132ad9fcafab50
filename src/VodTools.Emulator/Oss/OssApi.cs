using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;
using VodTools.Shared;

namespace VodTools.Emulator.Oss;

/// <summary>OSS REST (OSS API reference; request and answer shapes as aliyun-oss-csharp-sdk and alibabacloud-oss-go-sdk-v2 model them): buckets, objects, listings and multipart uploads. Bodies stream
/// between the socket and files; only XML request bodies (delete lists, part lists) are read into memory.</summary>
/// <param name="authorizer">RAM's verdict on each request, and the check that a bucket is addressed at its region's
/// endpoint; null with --lenient</param>
/// <param name="count">counts each OSS operation served, for /_emulator/stats</param>
internal sealed partial class OssApi(Store store, OssVerifier verifier, TimeProvider clock, string accountId, IAuthorizer? authorizer = null, Action<string>? count = null)
{
    public const string DefaultRegion = "cn-shanghai";
    public const string BucketKind = "oss-bucket";
    /// <summary>Biggest XML request body accepted (a 1000-key delete list is ~100 KB).</summary>
    private const int MaxXmlBodyBytes = 2 * 1024 * 1024;

    /// <summary>EC codes the cloud attaches to errors (only the ones OSS's error pages record).</summary>
    private static readonly Dictionary<string, string> ErrorCodes = new()
    {
        ["SignatureDoesNotMatch"] = "0002-00000040",
        ["RequestTimeTooSkewed"] = "0002-00000504",
        ["NoSuchKey"] = "0026-00000001",
    };

    public sealed class Bucket
    {
        public string Name { get; set; } = "";
        public string Region { get; set; } = DefaultRegion;
        public DateTimeOffset CreationDate { get; set; }
        public string StorageClass { get; set; } = "Standard";
        public string Acl { get; set; } = "private";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketNameFormat();

    public static bool IsBucketName(string name) => BucketNameFormat().IsMatch(name);

    [GeneratedRegex(@"(^|\.)oss-(?<region>[a-z0-9-]+?)(-internal)?\.aliyuncs\.com$")]
    private static partial Regex EndpointRegion();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Marks a request whose data the <c>corrupt</c> fault damages.</summary>
    private const string CorruptDataItem = "oss.corrupt-data";

    private static bool Corrupting(HttpContext context) => context.Items.ContainsKey(CorruptDataItem);

    /// <summary>The CRC-64 header OSS puts on writes and reads of an object (an unsigned decimal).</summary>
    private static void SetCrc64(HttpResponse response, ulong crc) =>
        response.Headers["x-oss-hash-crc64ecma"] = crc.ToString(CultureInfo.InvariantCulture);

    /// <param name="injected">an injected status or error code to answer instead of acting, else null</param>
    /// <param name="corruptData">store the data of this write with one byte changed (the <c>corrupt</c> fault)</param>
    /// <param name="playback">a VOD play URL's source object, read without a signature (GET and HEAD, ranges honoured);
    /// Key null when the stream cannot be played</param>
    public async Task HandleAsync(HttpContext context, string rawTarget, FaultRule? injected, bool corruptData = false, (string Bucket, string? Key)? playback = null)
    {
        if (corruptData) context.Items[CorruptDataItem] = true;
        var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")));
        var request = new IncomingRequest(context.Request.Method, rawTarget, headers, []);
        string requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        context.Response.Headers["x-oss-request-id"] = requestId;
        context.Response.Headers["Server"] = "AliyunOSS";
        context.Response.Headers["x-oss-server-time"] = "0";
        try
        {
            if (injected != null) throw Injected(injected);
            if (playback is { } play)
            {
                if (request.Method is not ("GET" or "HEAD")) throw MethodNotAllowed();
                await GetObjectAsync(context, request, play.Bucket, play.Key ?? throw OssException.NoSuchKey(request.RawPath), withBody: request.Method == "GET");
                return;
            }
            var address = OssAddress.Parse(request.Host, request.RawPath);
            if (address.Key != null && Encoding.UTF8.GetByteCount(address.Key) > 1023)
                throw new OssException(400, "InvalidObjectName", "The Length of Object name must be less than 1024.");
            var auth = verifier.Verify(request, address.Bucket, address.Key);
            if (!auth.Ok) throw new OssException(auth.Failure!.Status, auth.Failure.Code, auth.Failure.Message, [.. (auth.Failure.Extra ?? []).Select(x => (x.Key, x.Value))]);
            string operation = OperationOf(request, address) ?? throw MethodNotAllowed();
            if (authorizer != null)
            {
                var bucket = address.Bucket == null ? null : store.Get<Bucket>(BucketKind, address.Bucket);
                RequireRightEndpoint(request, address.Bucket, bucket);
                Authorize(auth.Key!, OssActions.Of(operation), bucket, address);
            }
            count?.Invoke("oss." + operation); // signed requests that reached the operation, failed ones included
            await RouteAsync(context, request, address, operation);
        }
        catch (OssException e) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, request, requestId, e);
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // client disconnected mid-body: nothing was acknowledged
        }
        catch (BadHttpRequestException) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, request, requestId, new OssException(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header."));
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"emulator: OSS {request.Method} failed: {e.GetType().Name}: {e.Message}");
            await WriteErrorAsync(context, request, requestId, new OssException(500, "InternalError", "We encountered an internal error. Please try again."));
        }
    }

    /// <summary>Every operation <see cref="OperationOf"/> names, as fault rules may target them.</summary>
    public static readonly string[] Operations =
    [
        "ListBuckets", "PutBucket", "PutBucketAcl", "DeleteBucket", "HeadBucket", "GetBucketInfo", "GetBucketLocation", "GetBucketAcl",
        "ListMultipartUploads", "ListObjects", "DeleteMultipleObjects", "UploadPart", "PutObject", "ListParts", "GetObject", "HeadObject",
        "AbortMultipartUpload", "DeleteObject", "InitiateMultipartUpload", "CompleteMultipartUpload",
    ];

    /// <summary>The OSS API operation a request asks for (its name in the OSS API reference), or null when it names none
    /// (answered MethodNotAllowed). One place for routing and for fault rules that target an operation.</summary>
    public static string? OperationOf(IncomingRequest request, OssAddress address)
    {
        string method = request.Method;
        if (address.Bucket == null) return method == "GET" ? "ListBuckets" : null;
        if (address.Key == null)
        {
            return method switch
            {
                "PUT" when request.HasQuery("acl") => "PutBucketAcl",
                "PUT" when request.Query.Count == 0 => "PutBucket",
                "DELETE" => "DeleteBucket",
                "HEAD" => "HeadBucket",
                "GET" when request.HasQuery("bucketInfo") => "GetBucketInfo",
                "GET" when request.HasQuery("location") => "GetBucketLocation",
                "GET" when request.HasQuery("acl") => "GetBucketAcl",
                "GET" when request.HasQuery("uploads") => "ListMultipartUploads",
                "GET" => "ListObjects",
                "POST" when request.HasQuery("delete") => "DeleteMultipleObjects",
                _ => null,
            };
        }
        bool upload = request.QueryValue("uploadId") != null;
        return method switch
        {
            "PUT" => upload ? "UploadPart" : "PutObject",
            "GET" => upload ? "ListParts" : "GetObject",
            "HEAD" => "HeadObject",
            "DELETE" => upload ? "AbortMultipartUpload" : "DeleteObject",
            "POST" when request.HasQuery("uploads") => "InitiateMultipartUpload",
            "POST" when upload => "CompleteMultipartUpload",
            _ => null,
        };
    }

    /// <summary>The operation of a request as it arrives (before its signature is checked), for fault targeting.</summary>
    public static string? OperationOf(HttpContext context, string rawTarget)
    {
        var request = new IncomingRequest(context.Request.Method, rawTarget, [new("host", context.Request.Host.Value ?? "")], []);
        return OperationOf(request, OssAddress.Parse(request.Host, request.RawPath));
    }

    private Task RouteAsync(HttpContext context, IncomingRequest request, OssAddress address, string operation)
    {
        string bucket = address.Bucket!, key = address.Key!;
        string uploadId = request.QueryValue("uploadId")!;
        return operation switch
        {
            "ListBuckets" => ListBucketsAsync(context, request),
            "PutBucket" or "PutBucketAcl" => PutBucketAsync(context, request, bucket),
            "DeleteBucket" => DeleteBucketAsync(context, bucket),
            "HeadBucket" => HeadBucketAsync(context, bucket),
            "GetBucketInfo" => GetBucketInfoAsync(context, bucket),
            "GetBucketLocation" => GetBucketLocationAsync(context, bucket),
            "GetBucketAcl" => GetBucketAclAsync(context, bucket),
            "ListMultipartUploads" => ListMultipartUploadsAsync(context, request, bucket),
            "ListObjects" => ListObjectsAsync(context, request, bucket),
            "DeleteMultipleObjects" => DeleteMultipleObjectsAsync(context, request, bucket),
            "UploadPart" => UploadPartAsync(context, request, bucket, key, uploadId),
            "PutObject" => PutObjectAsync(context, request, bucket, key),
            "ListParts" => ListPartsAsync(context, request, bucket, key, uploadId),
            "GetObject" => GetObjectAsync(context, request, bucket, key, withBody: true),
            "HeadObject" => GetObjectAsync(context, request, bucket, key, withBody: false),
            "AbortMultipartUpload" => AbortMultipartUploadAsync(context, bucket, uploadId),
            "DeleteObject" => DeleteObjectAsync(context, bucket, key),
            "InitiateMultipartUpload" => InitiateMultipartUploadAsync(context, request, bucket, key),
            "CompleteMultipartUpload" => CompleteMultipartUploadAsync(context, request, bucket, key, uploadId),
            _ => throw MethodNotAllowed(),
        };
    }

    /// <summary>The error an injected status or error-code fault answers with, in OSS's shape.</summary>
    private static OssException Injected(FaultRule fault) => fault switch
    {
        { Kind: FaultKind.Error } => new OssException(fault.Status, fault.Code!, $"The request has failed ({fault.Code})."),
        { Status: 503 } => new OssException(503, "ServiceUnavailable", "Thread pool is almost full, please retry later."),
        _ => new OssException(fault.Status, "InternalError", "We encountered an internal error. Please try again."),
    };

    private static OssException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    // ---- buckets ----

    public Bucket RequireBucket(string name) => store.Get<Bucket>(BucketKind, name) ?? throw OssException.NoSuchBucket(name);

    private Task ListBucketsAsync(HttpContext context, IncomingRequest request)
    {
        string prefix = request.QueryValue("prefix") ?? "", marker = request.QueryValue("marker") ?? "";
        int max = MaxKeys(request, "max-keys");
        var buckets = store.All<Bucket>(BucketKind)
            .Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(b.Name, marker) > 0).ToList();
        var page = buckets.Take(max).ToList();
        var root = new XElement("ListAllMyBucketsResult");
        if (request.Query.Count > 0)
        {
            root.Add(new XElement("Prefix", prefix), new XElement("Marker", marker), new XElement("MaxKeys", max),
                new XElement("IsTruncated", Bool(buckets.Count > max)));
            if (buckets.Count > max) root.Add(new XElement("NextMarker", page[^1].Name));
        }
        root.Add(Owner(), new XElement("Buckets", page.Select(b => new XElement("Bucket",
            new XElement("CreationDate", XmlTime(b.CreationDate)),
            new XElement("ExtranetEndpoint", $"oss-{b.Region}.aliyuncs.com"),
            new XElement("IntranetEndpoint", $"oss-{b.Region}-internal.aliyuncs.com"),
            new XElement("Location", "oss-" + b.Region),
            new XElement("Name", b.Name),
            new XElement("Region", b.Region),
            new XElement("StorageClass", b.StorageClass)))));
        return WriteXmlAsync(context, root);
    }

    private Task PutBucketAsync(HttpContext context, IncomingRequest request, string name)
    {
        if (!BucketNameFormat().IsMatch(name)) throw new OssException(400, "InvalidBucketName", "The specified bucket is not valid.", ("BucketName", name));
        if (request.HasQuery("acl"))
        {
            var existing = RequireBucket(name);
            existing.Acl = request.Header("x-oss-acl") ?? existing.Acl;
            store.Put(BucketKind, name, existing);
            return Task.CompletedTask;
        }
        var bucket = new Bucket
        {
            Name = name,
            Region = RegionOf(request),
            CreationDate = Now,
            Acl = request.Header("x-oss-acl") ?? "private",
            StorageClass = request.Header("x-oss-storage-class") ?? "Standard",
        };
        if (!store.TryAdd(BucketKind, name, bucket))
            throw new OssException(409, "BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                ("BucketName", name));
        context.Response.Headers.Location = "/" + name;
        return Task.CompletedTask;
    }

    /// <summary>The region of a new bucket: the one the request is addressed to, else the default.</summary>
    private static string RegionOf(IncomingRequest request) => AddressedRegion(request) ?? DefaultRegion;

    /// <summary>The region a request is addressed to: the endpoint host's (bucket.oss-REGION.aliyuncs.com), else, on a
    /// host that names none (the emulator's loopback address), the region of the V4 credential scope, which a client
    /// takes from the endpoint it was given. Null for a V1 request to such a host.</summary>
    private static string? AddressedRegion(IncomingRequest request)
    {
        var fromHost = EndpointRegion().Match(OssAddress.HostName(request.Host));
        if (fromHost.Success) return fromHost.Groups["region"].Value;
        var credential = request.Header("authorization") is { } auth && auth.Contains("Credential=")
            ? auth[(auth.IndexOf("Credential=", StringComparison.Ordinal) + 11)..] : request.QueryValue("x-oss-credential");
        var parts = credential?.Split('/');
        return parts is { Length: >= 3 } ? parts[2] : null;
    }

    /// <summary>
    /// OSS answers a request sent to another region's endpoint (or to a region OSS does not have) with 403 AccessDenied
    /// naming the bucket and the endpoint to use (OSS "HTTP status code 403": "The bucket you are attempting to access
    /// must be addressed using the specified endpoint"; the Endpoint element as real OSS answers carry it).
    /// </summary>
    private static void RequireRightEndpoint(IncomingRequest request, string? name, Bucket? bucket)
    {
        string? region = AddressedRegion(request);
        if (region == null || (bucket == null ? OssRegions.Contains(region) : bucket.Region == region)) return;
        var extra = new List<(string, string)>();
        if (name != null) extra.Add(("Bucket", name));
        if (bucket != null) extra.Add(("Endpoint", $"oss-{bucket.Region}.aliyuncs.com"));
        throw new OssException(403, "AccessDenied",
            "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.", [.. extra]);
    }

    /// <summary>The regions OSS has (OSS "Regions and endpoints"); an endpoint in any other does not exist.</summary>
    public static readonly HashSet<string> OssRegions = new(StringComparer.Ordinal)
    {
        "cn-hangzhou", "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-wuhan-lr", "cn-qingdao", "cn-beijing", "cn-zhangjiakou",
        "cn-huhehaote", "cn-wulanchabu", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-hongkong",
        "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ap-south-1", "eu-central-1", "eu-west-1", "us-west-1", "us-east-1", "me-east-1", "me-central-1", "na-south-1",
    };

    /// <summary>
    /// RAM's verdict on the request (an identity policy names OSS resources acs:oss:*:*:bucket and acs:oss:*:*:bucket/key).
    /// A Deny answers "Access denied by bucket policy." with EC 0003-00000201 (OSS's page for that code); no Allow answers
    /// the classic AccessDenied of an unauthorised RAM identity, per object or per bucket (OSS "HTTP status code 403",
    /// 0003-00000001). Both carry AccessDeniedDetail.
    /// </summary>
    private void Authorize(AccessKey caller, string action, Bucket? bucket, OssAddress address)
    {
        string resource = address.Bucket == null ? $"acs:oss:*:{accountId}:*"
            : AcsResource.Oss(bucket?.Region ?? DefaultRegion, accountId, address.Bucket, address.Key ?? (action == "oss:DeleteObject" ? "*" : null));
        if (authorizer!.Check(caller, action, resource) is not { } refusal) return;
        string message = refusal.Decision == PolicyDecision.ExplicitDeny ? "Access denied by bucket policy."
            : address.Key != null ? "You have no right to access this object because of bucket acl."
            : "The bucket you access does not belong to you.";
        throw new OssException(403, "AccessDenied", message)
        {
            AccessDeniedDetail = refusal.DetailXml(),
            Ec = refusal.Decision == PolicyDecision.ExplicitDeny ? "0003-00000201" : "0003-00000001",
        };
    }

    private Task DeleteBucketAsync(HttpContext context, string name)
    {
        RequireBucket(name);
        if (store.BucketHasObjects(name) || store.All<MultipartUpload>(UploadKind).Any(u => u.Bucket == name))
            throw new OssException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.", ("BucketName", name));
        store.Delete(BucketKind, name);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task HeadBucketAsync(HttpContext context, string name)
    {
        RequireBucket(name);
        return Task.CompletedTask;
    }

    private Task GetBucketInfoAsync(HttpContext context, string name)
    {
        var b = RequireBucket(name);
        return WriteXmlAsync(context, new XElement("BucketInfo", new XElement("Bucket",
            new XElement("AccessMonitor", "Disabled"),
            new XElement("CreationDate", XmlTime(b.CreationDate)),
            new XElement("ExtranetEndpoint", $"oss-{b.Region}.aliyuncs.com"),
            new XElement("IntranetEndpoint", $"oss-{b.Region}-internal.aliyuncs.com"),
            new XElement("Location", "oss-" + b.Region),
            new XElement("StorageClass", b.StorageClass),
            new XElement("DataRedundancyType", "LRS"),
            new XElement("TransferAcceleration", "Disabled"),
            new XElement("CrossRegionReplication", "Disabled"),
            new XElement("Name", b.Name),
            new XElement("ResourceGroupId", "rg-default"),
            Owner(),
            new XElement("AccessControlList", new XElement("Grant", b.Acl)),
            new XElement("ServerSideEncryptionRule", new XElement("SSEAlgorithm", "None")),
            new XElement("BucketPolicy", new XElement("LogBucket", ""), new XElement("LogPrefix", "")))));
    }

    private Task GetBucketLocationAsync(HttpContext context, string name) =>
        WriteXmlAsync(context, new XElement("LocationConstraint", "oss-" + RequireBucket(name).Region));

    private Task GetBucketAclAsync(HttpContext context, string name) =>
        WriteXmlAsync(context, new XElement("AccessControlPolicy", Owner(),
            new XElement("AccessControlList", new XElement("Grant", RequireBucket(name).Acl))));

    // ---- shared helpers ----

    private XElement Owner() => new("Owner", new XElement("ID", accountId), new XElement("DisplayName", accountId));

    private static string XmlTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "true" : "false";

    private static int MaxKeys(IncomingRequest request, string name, int fallback = 100)
    {
        string? text = request.QueryValue(name);
        if (text == null || text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0 && n <= 1000
            ? n : throw OssException.InvalidArgument($"Argument {name} must be an integer between 0 and 1000.");
    }

    private static async Task WriteXmlAsync(HttpContext context, XElement root, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(Serialize(root), context.RequestAborted);
    }

    /// <summary>The document with its UTF-8 declaration. Keys may hold control characters XML 1.0 forbids
    /// (the reason encoding-type=url exists): they are written as character references instead of failing.</summary>
    private static string Serialize(XElement root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var writer = System.Xml.XmlWriter.Create(sb, new System.Xml.XmlWriterSettings { OmitXmlDeclaration = true, CheckCharacters = false }))
            root.WriteTo(writer);
        return sb.ToString();
    }

    /// <summary>
    /// An error must parse in every client, so a character XML 1.0 cannot hold even as a reference (a control
    /// character of a key in StringToSign, say) is percent-encoded, as encoding-type=url does for listings.
    /// </summary>
    private static string XmlSafe(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) safe.Append(text[i]).Append(text[++i]);
            else if (System.Xml.XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else safe.Append('%').Append(((int)text[i]).ToString("X2", CultureInfo.InvariantCulture));
        }
        return safe.ToString();
    }

    private async Task WriteErrorAsync(HttpContext context, IncomingRequest request, string requestId, OssException e)
    {
        var error = new XElement("Error",
            new XElement("Code", e.Code),
            new XElement("Message", e.Message),
            new XElement("RequestId", requestId),
            new XElement("HostId", OssAddress.HostName(request.Host)),
            e.Extra.Select(x => new XElement(x.Name, XmlSafe(x.Value))),
            e.AccessDeniedDetail);
        if ((e.Ec ?? ErrorCodes.GetValueOrDefault(e.Code)) is { } ec)
        {
            error.Add(new XElement("EC", ec), new XElement("RecommendDoc", "https://api.aliyun.com/troubleshoot?q=" + ec));
            context.Response.Headers["x-oss-ec"] = ec;
        }
        string xml = Serialize(error);
        context.Response.StatusCode = e.Status;
        if (request.Method == "HEAD")
        {
            context.Response.Headers["x-oss-err"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));
            return;
        }
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }
}
