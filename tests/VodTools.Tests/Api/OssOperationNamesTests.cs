using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using VodTools.Api;
using VodTools.Emulator.Hosting;
using VodTools.Shared;

namespace VodTools.Tests.Api;

/// <summary>
/// The module and the emulator name OSS operations alike: every name the module logs (-Verbose, errors) is one a fault
/// rule may target, checked the way Set-VodEmulatorFault checks it (the grammar's own parser and its -Action pattern, both
/// the module's) and accepted by a running emulator's /_emulator/faults, which refuses names it does not serve.
/// </summary>
public class OssOperationNamesTests
{
    /// <summary>The names of <see cref="OssOperations"/>, the ones the module sends its OSS requests under.</summary>
    private static readonly string[] ModuleNames = typeof(OssOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public async Task Every_oss_operation_the_module_names_is_a_fault_target_of_the_emulator()
    {
        Assert.Contains(OssOperations.ListObjectsV2, ModuleNames);
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };

        var refused = new List<string>();
        foreach (var name in ModuleNames)
        {
            string rule = $"500:0@{name}";
            if (!Regex.IsMatch(name, FaultRules.NamePattern)) refused.Add($"{name}: not a -Action of Set-VodEmulatorFault");
            try { FaultRules.Parse(rule); }
            catch (ArgumentException e) { refused.Add($"{name}: the module's parser: {e.Message}"); }
            using var added = await http.PostAsync(EmulatorDefaults.FaultsPath, new StringContent(rule));
            if (added.StatusCode != HttpStatusCode.Created) refused.Add($"{name}: the emulator: {await added.Content.ReadAsStringAsync()}");
        }

        Assert.True(refused.Count == 0, "OSS operation names the module logs but a fault rule cannot target:\n" + string.Join("\n", refused));
    }

    [Fact]
    public async Task A_name_the_emulator_does_not_serve_is_refused()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl) };
        using var added = await http.PostAsync(EmulatorDefaults.FaultsPath, new StringContent("500:0@ListObjectsV3"));
        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
    }
}
