using VodTools.Api;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;
using VodTools.Services;
using VodTools.Services.EmulatorControl;
using VodTools.Shared;
using VodTools.TestSupport;

namespace VodTools.Tests.Support;

/// <summary>
/// The emulator the module ships (out/VodTools/emulator, made by build.ps1 build, or VODTOOLS_EMULATOR), started on
/// .NET as a user's Start-VodEmulator would, through the module's own code (it ends with this process), and a session
/// of the module against it over loopback: the module runs on this runtime, the emulator on .NET.
/// </summary>
public sealed class EmulatorFixture : IDisposable
{
    private readonly EmulatorProcess _emulator;

    public EmulatorFixture()
    {
        var dll = Environment.GetEnvironmentVariable("VODTOOLS_EMULATOR")
            ?? Path.Combine(TestVectors.RepoRoot, "out", "VodTools", "emulator", "VodTools.Emulator.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The emulator is not built: run build.ps1 build first (or set VODTOOLS_EMULATOR).", dll);
        _emulator = EmulatorProcess.Start(EmulatorRuntime.HostFor(dll), dll, new EmulatorSettings { InMemory = true, Lenient = true, SeedSample = true, ParentProcessId = System.Diagnostics.Process.GetCurrentProcess().Id },
            TimeSpan.FromSeconds(90), () => false);
        var endpoints = Enum.GetValues(typeof(CloudService)).Cast<CloudService>().ToDictionary(s => s, _ => _emulator.Url);
        Session = CloudSession.Open(new ConnectionSettings("cn-shanghai", accessKeyId: EmulatorDefaults.AccessKeyId, accessKeySecret: EmulatorDefaults.AccessKeySecret,
            endpoints: endpoints, allowInsecureHttp: true), new ClientOptions(), HttpTransport.Shared);
    }

    public CloudSession Session { get; }

    public void Dispose() => _emulator.StopAndTidy();
}
