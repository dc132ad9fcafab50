using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using VodTools.Emulator.Auth;

namespace VodTools.Emulator.Oss;

/// <summary>How OSS reads and writes its XML and the values in it.</summary>
internal static class OssXml
{
    /// <summary>Biggest XML request body accepted (a 1000-key delete list is ~100 KB).</summary>
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Bool(bool b) => b ? "true" : "false";

    public static XElement Owner(string accountId) => new("Owner", new XElement("ID", accountId), new XElement("DisplayName", accountId));

    /// <summary>The CRC-64 header OSS puts on writes and reads of an object (an unsigned decimal).</summary>
    public static void SetCrc64(HttpResponse response, ulong crc) =>
        response.Headers["x-oss-hash-crc64ecma"] = crc.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page size parameter (max-keys, max-uploads, max-parts): 0 to 1000.</summary>
    public static int MaxKeys(IncomingRequest request, string name, int fallback = 100)
    {
        string? text = request.QueryValue(name);
        if (text == null || text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 0 && n <= 1000
            ? n : throw OssException.InvalidArgument($"Argument {name} must be an integer between 0 and 1000.");
    }

    public static async Task WriteAsync(HttpContext context, XElement root, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(Serialize(root), context.RequestAborted);
    }

    /// <summary>The document with its UTF-8 declaration. Keys may hold control characters XML 1.0 forbids
    /// (the reason encoding-type=url exists): they are written as character references instead of failing.</summary>
    public static string Serialize(XElement root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, CheckCharacters = false }))
            root.WriteTo(writer);
        return sb.ToString();
    }

    /// <summary>Reads a small XML request body (and its MD5); bad or oversized XML is 400 MalformedXML.</summary>
    public static async Task<(XElement Root, byte[] Md5)> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes) throw OssException.MalformedXml();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes) throw OssException.MalformedXml();
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
}
