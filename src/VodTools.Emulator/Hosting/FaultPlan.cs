using VodTools.Shared;

namespace VodTools.Emulator.Hosting;

/// <summary>Injected failures: the rules of --faults, and those added, listed and cleared at run time through
/// /_emulator/faults (grammar and parser in <see cref="FaultRules"/>, shared with the module's cmdlets). Each rule is drawn
/// independently per request it targets: a status (<c>500:P</c>, <c>503:P</c>, any 5xx) or an error code
/// (<c>error:P:Throttling.User</c>) is answered in the service's error shape instead of acting; <c>delay:P:MS</c> waits
/// first; <c>drop:P</c> aborts the connection before acting; <c>lost:P</c> acts (its effect is committed) and then aborts
/// without the answer; <c>corrupt:P</c> makes an OSS write store its data with one byte changed (a PutObject or UploadPart
/// body, the object CompleteMultipartUpload assembles) and answer with the CRC-64 of what it stored; <c>respell:P</c>
/// answers RegisterMedia's FileURLs spelled another way (http:// for https://, the other percent-encoding), which VOD does
/// not promise not to do. A rule ending in <c>@TARGET</c> hits only requests of one RPC action (<c>@SubmitTranscodeJobs</c>),
/// service (<c>@vod</c>, <c>@oss</c>), OSS method (<c>@PUT</c>) or OSS operation (<c>@UploadPart</c>), or SERVICE/NAME
/// (<c>@oss/GET</c>); names are case-insensitive. Each rule has an id, never reused, under which its hits are counted.
/// Admin endpoints are never affected. Every draw follows from one seed (--fault-seed, else one picked at start): each rule
/// draws from its own generator, seeded from that seed and its id, so a rule's draws do not shift when other rules are added
/// or hit, and a run whose requests come in the same order draws the same faults again.</summary>
/// <param name="seed">the seed of every draw; null picks one (see <see cref="Seed"/>)</param>
internal sealed class FaultPlan(IReadOnlyCollection<string>? targets = null, int? seed = null)
{
    private readonly object _gate = new();
    private readonly List<ActiveFault> _rules = [];
    private int _lastId;

    /// <summary>The seed every draw follows from: the one given, else one picked at random.</summary>
    public int Seed { get; } = seed ?? Random.Shared.Next();

    /// <summary>The rules in force, in the order they were added.</summary>
    public IReadOnlyList<ActiveFault> Rules
    {
        get { lock (_gate) return [.. _rules]; }
    }

    /// <summary>A plan holding the rules of a --faults spec.</summary>
    /// <param name="targets">the RPC actions and OSS operations the emulator serves (null checks only the form of a target)</param>
    /// <exception cref="ArgumentException">the spec is not valid; the message starts with --faults</exception>
    public static FaultPlan Parse(string spec, int? seed = null, IReadOnlyCollection<string>? targets = null)
    {
        var plan = new FaultPlan(targets, seed);
        try
        {
            plan.Add(spec);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--faults: " + e.Message, e);
        }
        return plan;
    }

    /// <summary>Adds the rules of a spec (all or none) and returns them with their ids.</summary>
    /// <exception cref="ArgumentException">the spec is not valid</exception>
    public List<ActiveFault> Add(string spec)
    {
        var parsed = FaultRules.Parse(spec, targets);
        lock (_gate)
        {
            var added = parsed.Select(rule => new ActiveFault(++_lastId, rule, Seed)).ToList();
            _rules.AddRange(added);
            return added;
        }
    }

    /// <summary>Removes the rule with this id; false if there is none.</summary>
    public bool Remove(int id)
    {
        lock (_gate) return _rules.RemoveAll(r => r.Id == id) > 0;
    }

    /// <summary>Removes every rule; returns how many there were.</summary>
    public int Clear()
    {
        lock (_gate)
        {
            int count = _rules.Count;
            _rules.Clear();
            return count;
        }
    }

    /// <summary>The rules that fire for one request (a delay may come with an error, drop or lost answer); each counts a hit.</summary>
    /// <param name="names">what the request is: its RPC action and service, or "oss", its HTTP method and operation</param>
    public List<ActiveFault> Draw(params string[] names)
    {
        var fired = new List<ActiveFault>();
        lock (_gate)
            foreach (var active in _rules)
                if (active.Rule.Targets(names) && active.Draw() < active.Rule.Probability)
                {
                    active.Hits++;
                    fired.Add(active);
                }
        return fired;
    }
}

/// <summary>A rule in force: its id (for Clear-VodEmulatorFault and the faults.rule.ID counter), how often it fired, and the
/// generator it draws from (seeded from the plan's seed and its id).</summary>
internal sealed class ActiveFault(int id, FaultRule rule, int planSeed)
{
    private readonly Random _random = new(unchecked(planSeed ^ (id * 486187739)));

    public int Id { get; } = id;
    public FaultRule Rule { get; } = rule;
    /// <summary>Written under the plan's lock.</summary>
    public long Hits { get; set; }

    public FaultKind Kind => Rule.Kind;

    /// <summary>The next draw, from 0 to 1; called under the plan's lock.</summary>
    public double Draw() => _random.NextDouble();
}
