using VodTools.Shared;

namespace VodTools.Emulator.Hosting;

/// <summary>Injected failures, from a comma-separated spec of rules (grammar and parser in <see cref="FaultRules"/>, shared
/// with Start-VodEmulator), each drawn independently per request: <c>500:P</c> and <c>503:P</c> answer that status with
/// probability P (0..1) in the service's error shape; <c>delay:P:MS</c> waits MS milliseconds first; <c>drop:P</c> aborts
/// the connection before acting; <c>lost:P</c> acts (its effect is committed) and then aborts the connection without the
/// answer; <c>corrupt:P</c> makes an OSS write store its data with one byte changed (a PutObject or
/// UploadPart body, the object CompleteMultipartUpload assembles) and answer with the CRC-64 of what it stored;
/// <c>respell:P</c> answers RegisterMedia's FileURLs spelled another way (http:// for https://, the other
/// percent-encoding), which VOD does not promise not to do. A rule may end in <c>@TARGET</c> to hit only requests of one RPC action (<c>@SubmitTranscodeJobs</c>), one
/// service (<c>@vod</c>, <c>@ram</c>, <c>@sts</c>, <c>@oss</c>) or one OSS method (<c>@PUT</c>); names are case-insensitive.
/// Admin endpoints are never affected.</summary>
internal sealed class FaultPlan
{
    private readonly Random _random;

    private FaultPlan(IReadOnlyList<FaultRule> rules, Random random)
    {
        Rules = rules;
        _random = random;
    }

    public IReadOnlyList<FaultRule> Rules { get; }

    /// <param name="actions">the RPC actions the emulator serves (null checks only the form of a target)</param>
    /// <exception cref="ArgumentException">the spec is not valid; the message starts with --faults</exception>
    public static FaultPlan Parse(string spec, Random? random = null, IReadOnlyCollection<string>? actions = null)
    {
        try
        {
            return new FaultPlan(FaultRules.Parse(spec, actions), random ?? Random.Shared);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--faults: " + e.Message, e);
        }
    }

    /// <summary>The rules that fire for one request (a delay may come with an error, drop or lost answer).</summary>
    /// <param name="names">what the request is: its RPC action and service, or "oss" and its HTTP method</param>
    public List<FaultRule> Draw(params string[] names)
    {
        var fired = new List<FaultRule>();
        lock (_random)
            foreach (var rule in Rules)
                if ((rule.Target == null || names.Contains(rule.Target, StringComparer.OrdinalIgnoreCase)) && _random.NextDouble() < rule.Probability)
                    fired.Add(rule);
        return fired;
    }
}
