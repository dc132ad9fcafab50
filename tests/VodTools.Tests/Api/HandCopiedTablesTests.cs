using System.Reflection;
using VodTools.Api.Signing;
using VodTools.Api;

namespace VodTools.Tests.Api;

/// <summary>
/// The module and the emulator each hold their own copy of two tables read from Alibaba's sources, on purpose (two
/// independent readings catch each other's mistakes): VOD's per-second
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
    [Fact]
    public void The_vod_qps_limits_are_the_same_in_the_module_and_the_emulator()
    {
        var emulatorType = EmulatorType("QuotaLimiter");
        var emulatorActions = PrivateStatic<Dictionary<string, int>>(emulatorType).Keys;
        var limitOf = emulatorType.GetMethod("LimitOf", BindingFlags.NonPublic | BindingFlags.Static)!;
        var actions = VodQuota.Actions.Union(emulatorActions).Append(UnlistedAction).OrderBy(a => a, StringComparer.Ordinal);

        var differences = new List<string>();
        foreach (var region in new[] { "cn-shanghai", "eu-central-1" })
        {
            foreach (var action in actions)
            {
                var module = VodQuota.Of(action, VodQuota.RegionOf(new Uri($"https://vod.{region}.aliyuncs.com")));
                var emulator = (int)limitOf.Invoke(null, new object[] { action, $"vod.{region}.aliyuncs.com" })!;
                if (module != emulator) differences.Add($"{action} in {region}: module {module}/s, emulator {emulator}/s");
            }
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
}
