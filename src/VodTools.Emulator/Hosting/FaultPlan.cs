using System.Globalization;

namespace VodTools.Emulator.Hosting;

/// <summary>Injected failures, from a comma-separated spec of rules, each tried in order per request:
/// <c>500:P</c> and <c>503:P</c> answer that status with probability P (0..1) in the service's error shape;
/// <c>delay:P:MS</c> waits MS milliseconds first; <c>drop:P</c> aborts the connection without an answer.
/// Example: <c>500:0.1,503:0.05,delay:0.2:1500,drop:0.01</c>. Admin endpoints are never affected.</summary>
internal sealed class FaultPlan
{
    public enum Kind { Error500, Error503, Delay, Drop }

    public sealed record Rule(Kind Kind, double Probability, int DelayMs);

    private readonly Random _random;

    private FaultPlan(IReadOnlyList<Rule> rules, Random random)
    {
        Rules = rules;
        _random = random;
    }

    public IReadOnlyList<Rule> Rules { get; }

    public static FaultPlan Parse(string spec, Random? random = null)
    {
        var rules = new List<Rule>();
        foreach (var item in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            Kind kind = parts[0].ToLowerInvariant() switch
            {
                "500" => Kind.Error500,
                "503" => Kind.Error503,
                "delay" => Kind.Delay,
                "drop" => Kind.Drop,
                _ => throw new ArgumentException($"--faults: unknown rule \"{parts[0]}\" (use 500, 503, delay, drop)"),
            };
            int expected = kind == Kind.Delay ? 3 : 2;
            if (parts.Length != expected)
                throw new ArgumentException($"--faults: \"{item}\" should be {(kind == Kind.Delay ? "delay:P:MS" : parts[0] + ":P")}");
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p is < 0 or > 1)
                throw new ArgumentException($"--faults: probability in \"{item}\" must be between 0 and 1");
            int delay = 0;
            if (kind == Kind.Delay && (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out delay) || delay < 0))
                throw new ArgumentException($"--faults: delay in \"{item}\" must be milliseconds >= 0");
            rules.Add(new Rule(kind, p, delay));
        }
        return new FaultPlan(rules, random ?? Random.Shared);
    }

    /// <summary>The rules that fire for one request (a delay may come with an error or drop).</summary>
    public List<Rule> Draw()
    {
        var fired = new List<Rule>();
        lock (_random)
            foreach (var rule in Rules)
                if (_random.NextDouble() < rule.Probability) fired.Add(rule);
        return fired;
    }
}
