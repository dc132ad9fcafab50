using System.Globalization;
using System.Text.RegularExpressions;

namespace VodTools.Emulator.Hosting;

/// <summary>Injected failures, from a comma-separated spec of rules, each drawn independently per request:
/// <c>500:P</c> and <c>503:P</c> answer that status with probability P (0..1) in the service's error shape;
/// <c>delay:P:MS</c> waits MS milliseconds first; <c>drop:P</c> aborts the connection before acting;
/// <c>lost:P</c> acts (its effect is committed) and then aborts the connection without the answer; <c>corrupt:P</c> makes an
/// OSS write store its data with one byte changed (a PutObject or UploadPart body, the object CompleteMultipartUpload
/// assembles) and answer with the CRC-64 of what it stored, as if the data had been damaged on the way.
/// <c>respell:P</c> answers the URLs a call was given spelled another way (RegisterMedia's FileURLs: http:// for https://,
/// the other percent-encoding of spaces and non-ASCII), which VOD does not promise not to do.
/// A rule may end in <c>@TARGET</c> to hit only requests of one RPC action (<c>@SubmitTranscodeJobs</c>), one
/// service (<c>@vod</c>, <c>@ram</c>, <c>@sts</c>, <c>@oss</c>) or one OSS method (<c>@PUT</c>); names are case-insensitive.
/// Example: <c>500:0.1,503:0.05,delay:0.2:1500,drop:0.01,lost:0.3@SubmitTranscodeJobs</c>. Admin endpoints are never affected.</summary>
internal sealed partial class FaultPlan
{
    public enum Kind { Error500, Error503, Delay, Drop, LostAnswer, Corrupt, Respell }

    /// <param name="Target">null = every request</param>
    public sealed record Rule(Kind Kind, double Probability, int DelayMs, string? Target = null);

    public static readonly string[] OssMethods = ["GET", "PUT", "POST", "DELETE", "HEAD"];

    private readonly Random _random;

    private FaultPlan(IReadOnlyList<Rule> rules, Random random)
    {
        Rules = rules;
        _random = random;
    }

    public IReadOnlyList<Rule> Rules { get; }

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex TargetName();

    /// <param name="actions">the RPC actions the emulator serves: a target that is neither a service nor an OSS method
    /// must be one of them (null checks only the form, for the command line before the services exist)</param>
    public static FaultPlan Parse(string spec, Random? random = null, IReadOnlyCollection<string>? actions = null)
    {
        var rules = new List<Rule>();
        foreach (var item in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int at = item.IndexOf('@');
            string? target = at < 0 ? null : item[(at + 1)..];
            var parts = (at < 0 ? item : item[..at]).Split(':');
            Kind kind = parts[0].ToLowerInvariant() switch
            {
                "500" => Kind.Error500,
                "503" => Kind.Error503,
                "delay" => Kind.Delay,
                "drop" => Kind.Drop,
                "lost" => Kind.LostAnswer,
                "corrupt" => Kind.Corrupt,
                "respell" => Kind.Respell,
                _ => throw new ArgumentException($"--faults: unknown rule \"{parts[0]}\" (use 500, 503, delay, drop, lost, corrupt, respell)"),
            };
            int expected = kind == Kind.Delay ? 3 : 2;
            if (parts.Length != expected)
                throw new ArgumentException($"--faults: \"{item}\" should be {(kind == Kind.Delay ? "delay:P:MS" : parts[0] + ":P")}, optionally followed by @TARGET");
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p is < 0 or > 1)
                throw new ArgumentException($"--faults: probability in \"{item}\" must be between 0 and 1");
            int delay = 0;
            if (kind == Kind.Delay && (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out delay) || delay < 0))
                throw new ArgumentException($"--faults: delay in \"{item}\" must be milliseconds >= 0");
            if (target != null) CheckTarget(item, target, actions);
            rules.Add(new Rule(kind, p, delay, target));
        }
        return new FaultPlan(rules, random ?? Random.Shared);
    }

    private static void CheckTarget(string item, string target, IReadOnlyCollection<string>? actions)
    {
        bool known = EmulatorOptions.ServiceNames.Contains(target, StringComparer.OrdinalIgnoreCase) || OssMethods.Contains(target, StringComparer.OrdinalIgnoreCase)
            || (actions == null ? TargetName().IsMatch(target) : actions.Contains(target, StringComparer.OrdinalIgnoreCase));
        if (!known)
            throw new ArgumentException($"--faults: target \"{target}\" in \"{item}\" is not an RPC action, a service ({string.Join(", ", EmulatorOptions.ServiceNames)}) or an OSS method ({string.Join(", ", OssMethods)})");
    }

    /// <summary>The rules that fire for one request (a delay may come with an error, drop or lost answer).</summary>
    /// <param name="names">what the request is: its RPC action and service, or "oss" and its HTTP method</param>
    public List<Rule> Draw(params string[] names)
    {
        var fired = new List<Rule>();
        lock (_random)
            foreach (var rule in Rules)
                if ((rule.Target == null || names.Contains(rule.Target, StringComparer.OrdinalIgnoreCase)) && _random.NextDouble() < rule.Probability)
                    fired.Add(rule);
        return fired;
    }
}
