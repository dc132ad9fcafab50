using System.Net.Http;
using VodTools.Api.Credentials;

namespace VodTools.Tests.Api.Credentials;

/// <summary>A temporary home folder and environment for one test; nothing real is read.</summary>
internal sealed class TestHome : IDisposable
{
    public static readonly HttpClient Http = new HttpClient();

    public TestHome()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vodtools-cred-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);

        // Keeps the chain's last resort off the network unless a test turns it on.
        Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
    }

    public string Path { get; }

    public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    public string CliConfigPath => System.IO.Path.Combine(Path, ".aliyun", "config.json");

    public string CredentialsFilePath => System.IO.Path.Combine(Path, ".alibabacloud", "credentials");

    public string Write(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteCliConfig(string json) => Write(CliConfigPath, json);

    public string WriteCredentialsFile(string ini) => Write(CredentialsFilePath, ini);

    public CredentialChainOptions Options() =>
        new CredentialChainOptions(new CredentialEnvironment(new Dictionary<string, string>(Environment)), Path, Http);

    public ICredentialProvider Resolve(Action<CredentialChainOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        return CredentialChain.Resolve(options);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
