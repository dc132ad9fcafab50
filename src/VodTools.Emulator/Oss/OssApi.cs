using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using VodTools.Emulator.Auth;
using VodTools.Emulator.Storage;
using VodTools.Shared;

namespace VodTools.Emulator.Oss;

/// <summary>OSS REST (OSS API reference; request and answer shapes as aliyun-oss-csharp-sdk and alibabacloud-oss-go-sdk-v2 model
/// them): reads which bucket and key a request addresses, checks its signature, endpoint and permission, and runs its
/// operation (<see cref="OssOperation.All"/>) on the bucket, object or multipart handler. Bodies stream between the socket and
/// files; only XML request bodies (delete lists, part lists) are read into memory.</summary>
/// <param name="authorizer">RAM's verdict on each request, and the check that a bucket is addressed at its region's
/// endpoint; null with --lenient</param>
/// <param name="count">counts each OSS operation served, for /_emulator/stats</param>
/// <param name="wrongEndpointCode">the code of the 403 for a bucket asked at another region's endpoint (--wrong-endpoint-code)</param>
internal sealed class OssApi(OssState state, Store store, OssVerifier verifier, string accountId, IAuthorizer? authorizer = null, Action<string>? count = null,
    string wrongEndpointCode = OssApi.PermanentRedirect)
{
    /// <summary>The codes OSS has answered a request at the wrong region's endpoint with (both with status 403).</summary>
    public const string PermanentRedirect = "PermanentRedirect", AccessDenied = "AccessDenied";

    /// <summary>EC codes the cloud attaches to errors (only the ones OSS's error pages record).</summary>
    private static readonly Dictionary<string, string> ErrorCodes = new()
    {
        ["SignatureDoesNotMatch"] = "0002-00000040",
        ["RequestTimeTooSkewed"] = "0002-00000504",
        ["NoSuchKey"] = "0026-00000001",
    };

    private readonly OssHandlers _handlers = Handlers(state, store, accountId);

    private static OssHandlers Handlers(OssState state, Store store, string accountId)
    {
        var objects = new ObjectHandler(state, store);
        return new OssHandlers(new BucketHandler(state, store, accountId), objects, new MultipartHandler(state, store, objects));
    }

    /// <param name="injected">an injected status or error code to answer instead of acting, else null</param>
    /// <param name="corruptData">store the data of this write with one byte changed (the <c>corrupt</c> fault)</param>
    /// <param name="playback">a VOD play URL's source object, read without a signature (GET and HEAD, ranges honoured);
    /// Key null when the stream cannot be played</param>
    public async Task HandleAsync(HttpContext context, string rawTarget, FaultRule? injected, bool corruptData = false, (string Bucket, string? Key)? playback = null)
    {
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
                if (request.Method is not ("GET" or "HEAD")) throw OssException.MethodNotAllowed();
                var source = new OssCall(context, request, play.Bucket, play.Key ?? throw OssException.NoSuchKey(request.RawPath), CorruptData: false);
                await _handlers.Objects.GetObjectAsync(source, withBody: request.Method == "GET");
                return;
            }
            var address = OssAddress.Parse(request.Host, request.RawPath);
            if (address.Key != null && Encoding.UTF8.GetByteCount(address.Key) > 1023)
                throw new OssException(400, "InvalidObjectName", "The Length of Object name must be less than 1024.");
            var auth = verifier.Verify(request, address.Bucket, address.Key);
            if (!auth.Ok) throw new OssException(auth.Failure!.Status, auth.Failure.Code, auth.Failure.Message, [.. (auth.Failure.Extra ?? []).Select(x => (x.Key, x.Value))]);
            var operation = OssOperation.Of(request, address) ?? throw OssException.MethodNotAllowed();
            if (authorizer != null)
            {
                var bucket = address.Bucket == null ? null : state.FindBucket(address.Bucket);
                RequireRightEndpoint(request, address.Bucket, bucket);
                Authorize(auth.Key!, operation.RamAction, bucket, address, Conditions(context, request));
            }
            count?.Invoke("oss." + operation.Name); // signed requests that reached the operation, failed ones included
            await operation.Handle(_handlers, new OssCall(context, request, address.Bucket ?? "", address.Key ?? "", corruptData));
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

    /// <summary>The error an injected status or error-code fault answers with, in OSS's shape.</summary>
    private static OssException Injected(FaultRule fault) => fault switch
    {
        { Kind: FaultKind.Error } => new OssException(fault.Status, fault.Code!, $"The request has failed ({fault.Code})."),
        { Status: 503 } => new OssException(503, "ServiceUnavailable", "Thread pool is almost full, please retry later."),
        _ => new OssException(fault.Status, "InternalError", "We encountered an internal error. Please try again."),
    };

    /// <summary>
    /// OSS answers a request sent to another region's endpoint (or to a region OSS does not have) with 403 naming the bucket
    /// and the endpoint to use: code PermanentRedirect in the current "HTTP 403 errors" reference ("The bucket you are
    /// attempting to access must be addressed using the specified endpoint..."), AccessDenied in its older "HTTP status code
    /// 403" page; --wrong-endpoint-code picks one. The Endpoint element as real OSS answers carry it.
    /// </summary>
    private void RequireRightEndpoint(IncomingRequest request, string? name, Bucket? bucket)
    {
        string? region = OssAddress.RegionAddressed(request);
        if (region == null || (bucket == null ? OssRegions.Contains(region) : bucket.Region == region)) return;
        var extra = new List<(string, string)>();
        if (name != null) extra.Add(("Bucket", name));
        if (bucket != null) extra.Add(("Endpoint", bucket.Endpoint));
        throw new OssException(403, wrongEndpointCode,
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
    /// 0003-00000001); a refusal by the session policy of an STS token answers "Access denied by authorizer's policy." with
    /// EC 0003-00000301 (OSS's page for that code: "the request is denied by the STS Token Policy"; the 403 reference gives
    /// the message). All carry AccessDeniedDetail.
    /// </summary>
    private void Authorize(AccessKey caller, string action, Bucket? bucket, OssAddress address, RequestConditions conditions)
    {
        string resource = address.Bucket == null ? $"acs:oss:*:{accountId}:*"
            : AcsResource.Oss(bucket?.Region ?? Bucket.DefaultRegion, accountId, address.Bucket, address.Key ?? (action == "oss:DeleteObject" ? "*" : null));
        if (authorizer!.Check(caller, action, resource, conditions) is not { } refusal) return;
        string message = refusal.BySessionPolicy ? "Access denied by authorizer's policy."
            : refusal.Decision == PolicyDecision.ExplicitDeny ? "Access denied by bucket policy."
            : address.Key != null ? "You have no right to access this object because of bucket acl."
            : "The bucket you access does not belong to you.";
        throw new OssException(403, "AccessDenied", message)
        {
            AccessDeniedDetail = refusal.DetailXml(),
            Ec = refusal.BySessionPolicy ? "0003-00000301" : refusal.Decision == PolicyDecision.ExplicitDeny ? "0003-00000201" : "0003-00000001",
        };
    }

    /// <summary>What an OSS request tells RAM's conditions: the common keys, and the ACL a write asks for (oss:x-oss-object-acl,
    /// the key VOD's custom-policy examples deny on), absent when the request sets none.</summary>
    private RequestConditions Conditions(HttpContext context, IncomingRequest request)
    {
        var keys = RequestConditions.Common(context.Connection.RemoteIpAddress, context.Request.IsHttps, verifier.Now);
        keys["oss:x-oss-object-acl"] = request.Header("x-oss-object-acl") is { } acl ? [acl] : [];
        return new RequestConditions(keys);
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

    private static async Task WriteErrorAsync(HttpContext context, IncomingRequest request, string requestId, OssException e)
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
        string xml = OssXml.Serialize(error);
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
