using System.Reflection;
using VodTools.Api.Signing;
using VodTools.Api;

namespace VodTools.Tests.Api;

/// <summary>
/// The module and the emulator each hold their own copy of two tables read from the spec, on purpose (two
/// independent readings catch each other's mistakes; DESIGN.md "Rules that keep it honest"): VOD's per-second
/// limits (<see cref="VodQuota"/> against the emulator's <c>QuotaLimiter</c>) and the query parameters OSS V1 signs
/// as sub-resources (<see cref="OssV1Signer.SubResources"/> against the emulator's <c>OssVerifier</c>). The copies
/// stay apart; these tests only compare them and name every difference, both ways.
/// </summary>
/// <remarks>
/// The emulator's tables are private, so they are read by reflection, and its types are found by name, not by
/// namespace (they move between its folders). The project reference to the emulator exists for these tests only:
/// it builds the emulator first and puts it, with the ASP.NET Core framework it needs, beside this assembly.
/// Known differences when written (issue 11): the tests fail until the src side is fixed, so that a difference is
/// never silently accepted.
/// </remarks>
[Trait("Category", "HandCopiedTables")]
public class HandCopiedTablesTests
{
    private static readonly Assembly Emulator = Assembly.Load("VodTools.Emulator");

    /// <summary>An action neither table names: each side's rule for "everything else".</summary>
    private const string UnlistedAction = "AnActionNeitherTableNames";

    /// <summary>More requests in one second than any VOD limit: an action that passes them all is not limited.</summary>
    private const int Unlimited = 1000;

    [Fact]
    public void The_vod_qps_limits_are_the_same_in_the_module_and_the_emulator()
    {
        var module = PrivateStatic<Dictionary<string, (string Group, int PerSecond)>>(typeof(VodQuota));
        var emulatorType = EmulatorType("QuotaLimiter");
        var emulator = PrivateStatic<Dictionary<string, (string Group, int PerSecond)>>(emulatorType);
        var actions = module.Keys.Union(emulator.Keys).Append(UnlistedAction).OrderBy(a => a, StringComparer.Ordinal).ToList();

        // what each side enforces: the module's VodQuota.Of (its default included), the emulator's TryAcquire in one second
        var moduleLimit = actions.ToDictionary(a => a, a => VodQuota.Of(a));
        var emulatorLimit = actions.ToDictionary(a => a, a => EmulatorPerSecond(emulatorType, a));
        var differences = new List<string>();
        foreach (var action in actions)
        {
            var (group, perSecond) = moduleLimit[action];
            var measured = emulatorLimit[action];
            if (perSecond != measured)
                differences.Add($"{action}: module {perSecond}/s (group {group}{(module.ContainsKey(action) ? "" : ", its default")}), " +
                    $"emulator {(measured >= Unlimited ? "not limited" : measured + "/s")}{(emulator.TryGetValue(action, out var e) ? $" (group {e.Group})" : ", not in its table")}");
        }

        // which actions share one budget, among those both sides limit (group names are each side's own labels)
        var limitedByBoth = actions.Where(a => emulatorLimit[a] < Unlimited && emulator.ContainsKey(a)).ToList();
        foreach (var (a, b) in limitedByBoth.SelectMany((a, i) => limitedByBoth.Skip(i + 1).Select(b => (a, b))))
        {
            bool moduleShares = moduleLimit[a].Group == moduleLimit[b].Group, emulatorShares = emulator[a].Group == emulator[b].Group;
            if (moduleShares != emulatorShares)
                differences.Add($"{a} and {b}: {(moduleShares ? "one budget" : "separate budgets")} in the module, {(emulatorShares ? "one budget" : "separate budgets")} in the emulator");
        }

        Assert.True(differences.Count == 0, "VodQuota (module) and QuotaLimiter (emulator) differ:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_oss_v1_sub_resources_are_the_same_in_the_module_and_the_emulator()
    {
        var module = OssV1Signer.SubResources;
        var emulator = PrivateStatic<HashSet<string>>(EmulatorType("OssVerifier"));

        var differences = module.Except(emulator).Select(n => $"{n}: signed by the module, not by the emulator")
            .Concat(emulator.Except(module).Select(n => $"{n}: signed by the emulator, not by the module"))
            .OrderBy(d => d, StringComparer.Ordinal).ToList();

        Assert.True(differences.Count == 0, "OssV1Signer (module) and OssVerifier (emulator) sub-resources differ:\n" + string.Join("\n", differences));
    }

    private static Type EmulatorType(string name) =>
        Assert.Single(Emulator.GetTypes(), t => t.Name == name && !t.IsNested);

    /// <summary>The one private static field of type <typeparamref name="T"/> (by type, so a rename doesn't break it).</summary>
    private static T PrivateStatic<T>(Type owner) =>
        (T)Assert.Single(owner.GetFields(BindingFlags.NonPublic | BindingFlags.Static), f => f.FieldType == typeof(T)).GetValue(null)!;

    /// <summary>How many calls of <paramref name="action"/> a fresh emulator limiter lets through in one (frozen) second.</summary>
    private static int EmulatorPerSecond(Type limiterType, string action)
    {
        var limiter = Activator.CreateInstance(limiterType, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, new object[] { new FrozenClock() }, null)!;
        var tryAcquire = limiterType.GetMethod("TryAcquire", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, new[] { typeof(string) })!;
        var passed = 0;
        while (passed < Unlimited && (bool)tryAcquire.Invoke(limiter, new object[] { action })!) passed++;
        return passed;
    }

    private sealed class FrozenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
