using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace VodTools.Emulator.Auth;

/// <summary>
/// What a request tells RAM's policy conditions: the condition keys the emulator knows (acs:SourceIp, acs:SecureTransport,
/// acs:CurrentTime, and for OSS the headers and parameters it reads, such as oss:x-oss-object-acl), each with its values;
/// a known key the request does not carry has none. RAM's "Policy elements" page names the operators played here: String*
/// (StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike), IpAddress,
/// NotIpAddress, Bool, Numeric* and Date*. A condition whose operator or key the emulator does not know cannot be evaluated
/// (<see cref="Holds"/> answers null): the evaluator then lets a Deny apply and an Allow not, the safe side both times.
/// </summary>
internal sealed class RequestConditions(IReadOnlyDictionary<string, string[]> keys)
{
    /// <summary>Nothing known: every condition is unknown (what RAM's verdict on VOD's own access uses).</summary>
    public static readonly RequestConditions None = new(new Dictionary<string, string[]>());

    /// <summary>The keys every request carries: where it came from, whether it came over HTTPS, and when.</summary>
    public static Dictionary<string, string[]> Common(IPAddress? sourceIp, bool secure, DateTimeOffset now) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["acs:SourceIp"] = sourceIp == null ? [] : [(sourceIp.IsIPv4MappedToIPv6 ? sourceIp.MapToIPv4() : sourceIp).ToString()],
        ["acs:SecureTransport"] = [secure ? "true" : "false"],
        ["acs:CurrentTime"] = [now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)],
    };

    /// <summary>True when every operator of the Condition block holds, false when one does not, null when one cannot be
    /// evaluated (and none is false).</summary>
    public bool? Holds(JsonNode? condition)
    {
        if (condition is not JsonObject operators) return null;
        bool? result = true;
        foreach (var (op, block) in operators)
        {
            if (block is not JsonObject tests) return null;
            foreach (var (key, expected) in tests)
            {
                var verdict = keys.TryGetValue(key, out var actual) ? Test(op, actual, PolicyEvaluator.Strings(expected).ToList()) : null;
                if (verdict == false) return false;
                if (verdict == null) result = null;
            }
        }
        return result;
    }

    /// <summary>One operator on one key: any value of the request matching any value of the policy (none, for a negated one).</summary>
    private static bool? Test(string op, string[] actual, List<string> expected)
    {
        bool negated = op.Contains("Not", StringComparison.Ordinal);
        Func<string, string, bool?>? match = op switch
        {
            "StringEquals" or "StringNotEquals" => (a, e) => string.Equals(a, e, StringComparison.Ordinal),
            "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => (a, e) => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
            "StringLike" or "StringNotLike" => (a, e) => PolicyEvaluator.Matches(e, a, ignoreCase: false),
            "IpAddress" or "NotIpAddress" => InRange,
            "Bool" => (a, e) => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
            "NumericEquals" or "NumericNotEquals" => (a, e) => Compare(a, e, NumberOf) is int c ? c == 0 : null,
            "NumericLessThan" => (a, e) => Compare(a, e, NumberOf) is int c ? c < 0 : null,
            "NumericLessThanEquals" => (a, e) => Compare(a, e, NumberOf) is int c ? c <= 0 : null,
            "NumericGreaterThan" => (a, e) => Compare(a, e, NumberOf) is int c ? c > 0 : null,
            "NumericGreaterThanEquals" => (a, e) => Compare(a, e, NumberOf) is int c ? c >= 0 : null,
            "DateEquals" or "DateNotEquals" => (a, e) => Compare(a, e, TimeOf) is int c ? c == 0 : null,
            "DateLessThan" => (a, e) => Compare(a, e, TimeOf) is int c ? c < 0 : null,
            "DateLessThanEquals" => (a, e) => Compare(a, e, TimeOf) is int c ? c <= 0 : null,
            "DateGreaterThan" => (a, e) => Compare(a, e, TimeOf) is int c ? c > 0 : null,
            "DateGreaterThanEquals" => (a, e) => Compare(a, e, TimeOf) is int c ? c >= 0 : null,
            _ => null,
        };
        if (match == null || expected.Count == 0) return null;
        bool? any = false;
        foreach (var a in actual)
            foreach (var e in expected)
            {
                var m = match(a, e);
                if (m == true) return !negated;
                if (m == null) any = null;
            }
        return any == null ? null : negated;
    }

    /// <summary>An address against an address or CIDR block (IPv4 or IPv6); null when either cannot be read.</summary>
    private static bool? InRange(string address, string range)
    {
        if (!IPAddress.TryParse(address, out var ip)) return null;
        if (!range.Contains('/')) return IPAddress.TryParse(range, out var single) ? single.Equals(ip) : null;
        return IPNetwork.TryParse(range, out var network) ? network.Contains(ip) : null;
    }

    private static int? Compare<T>(string a, string e, Func<string, T?> parse) where T : struct, IComparable<T> =>
        parse(a) is T x && parse(e) is T y ? x.CompareTo(y) : null;

    private static double? NumberOf(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? TimeOf(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
