using System.Text.Json;

namespace VodTools.TestSupport;

/// <summary>
/// The repository's tests/vectors folder: what Alibaba Cloud's official clients signed and sent (its README says
/// which clients and versions). One source file, linked into each test project (the emulator's tests must not
/// reference the module, so this is shared as source, not as an assembly).
/// </summary>
internal static class TestVectors
{
    /// <summary>The folder holding VodTools.sln, found upwards from the test assembly, so a clone anywhere works.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder { get; } = Path.Combine(RepoRoot, "tests", "vectors");

    public static JsonDocument Vectors() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "vectors.json")));

    public static IEnumerable<JsonElement> WireSamples() =>
        File.ReadLines(Path.Combine(Folder, "wire-samples.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VodTools.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("VodTools.sln not found above " + AppContext.BaseDirectory);
    }
}
