using VodTools.Api.Endpoints;
using VodTools.Api;
using VodTools.Commands.Common;
using VodTools.Services.EmulatorControl;
using VodTools.Shared;

namespace VodTools.Tests.Commands.Common;

public class SessionTargetTests
{
    private static readonly Uri Local = new("http://127.0.0.1:9081/");

    private static ConnectionSettings On(params (CloudService Service, Uri Url)[] endpoints)
    {
        var map = new Dictionary<CloudService, Uri>();
        foreach (var (service, url) in endpoints) map[service] = url;
        return new ConnectionSettings(endpoints: map);
    }

    private static ConnectionSettings AllOn(Uri url) => On(Enum.GetValues<CloudService>().Select(s => (s, url)).ToArray());

    [Fact]
    public void Says_which_cloud_the_services_go_to()
    {
        Assert.Equal("Alibaba Cloud cn-hangzhou", SessionTarget.Describe(ConnectionSettings.Empty, "cn-hangzhou", null));
        Assert.Equal("Alibaba Cloud", SessionTarget.Describe(ConnectionSettings.Empty, null, null));
        Assert.Equal("Alibaba Cloud cn-shanghai", SessionTarget.Describe(On((CloudService.Oss, new Uri("https://oss-cn-shanghai-internal.aliyuncs.com"))), "cn-shanghai", null));
        Assert.Equal("Endpoint http://127.0.0.1:9081/ (this machine)", SessionTarget.Describe(AllOn(Local), "cn-shanghai", null));
        Assert.Equal("Vod: Alibaba Cloud cn-shanghai, Ram: Alibaba Cloud cn-shanghai, Sts: Alibaba Cloud cn-shanghai, Mts: Alibaba Cloud cn-shanghai, Oss: Endpoint https://proxy.example/",
            SessionTarget.Describe(On((CloudService.Oss, new Uri("https://proxy.example"))), "cn-shanghai", null));
    }

    [Fact]
    public void Warns_once_when_a_session_that_used_an_emulator_goes_to_Alibaba_Cloud()
    {
        var target = new SessionTarget();
        Assert.Null(target.SwitchWarning(ConnectionSettings.Empty, "cn-shanghai"));
        Assert.Null(target.SwitchWarning(AllOn(Local), "cn-shanghai"));
        var warning = target.SwitchWarning(ConnectionSettings.Empty, "cn-shanghai");
        Assert.Contains("Alibaba Cloud (cn-shanghai)", warning);
        Assert.Contains("emulator at http://127.0.0.1:9081/", warning);
        Assert.Null(target.SwitchWarning(ConnectionSettings.Empty, "cn-shanghai"));
    }

    [Fact]
    public void An_emulator_started_by_the_session_counts_as_used_and_another_endpoint_does_not_count_as_the_cloud()
    {
        var target = new SessionTarget();
        target.NoteEmulator(Local);
        Assert.Null(target.SwitchWarning(AllOn(new Uri("https://proxy.example")), "cn-shanghai"));
        Assert.NotNull(target.SwitchWarning(On((CloudService.Oss, new Uri("https://proxy.example"))), "cn-shanghai"));
    }

    [Fact]
    public void The_emulator_runs_with_its_data_folder_named_out_of_the_terminal_session_and_tied_to_its_parent()
    {
        var arguments = new EmulatorSettings { ParentProcessId = 4242 }.Arguments();
        Assert.Equal(new[] { "--data-dir", EmulatorDefaults.DefaultDataDir() }, arguments.GetRange(arguments.IndexOf("--data-dir"), 2));
        Assert.Contains("--own-session", arguments);
        Assert.Equal("4242", arguments[arguments.IndexOf("--parent-pid") + 1]);
        Assert.DoesNotContain("--parent-pid", new EmulatorSettings().Arguments());
        Assert.DoesNotContain("--data-dir", new EmulatorSettings { InMemory = true }.Arguments());
    }

    [Theory]
    [InlineData("500=0.2", "unknown rule \"500=0.2\"")]
    [InlineData("500:1.5", "must be a number from 0 to 1")]
    [InlineData("delay:0.2", "should be delay:P:MS")]
    [InlineData("lost:0.3@Submit-Jobs", "the target \"Submit-Jobs\"")]
    public void Fault_specs_are_refused_in_words(string spec, string says)
    {
        Assert.Contains(says, Assert.Throws<ArgumentException>(() => FaultRules.Parse(spec)).Message);
    }
}
