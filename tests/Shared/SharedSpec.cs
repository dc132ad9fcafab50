using System.Text.Json;

namespace VodTools.TestSupport;

/// <summary>
/// The shared spec folder: ../shared/spec next to the repository root (the folder holding VodTools.sln), where the
/// clone sits in CI and in development. One source file, linked into each test project (the emulator's tests must
/// not reference the module, so this is shared as source, not as an assembly).
/// </summary>
internal static class SharedSpec
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder { get; } = FindFolder();

    public static JsonDocument Vectors() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "vectors", "vectors.json")));

    public static IEnumerable<JsonElement> WireSamples() =>
        File.ReadLines(Path.Combine(Folder, "vectors", "wire-samples.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VodTools.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("VodTools.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindFolder()
    {
        var spec = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "spec"));
        return Directory.Exists(spec) ? spec : throw new DirectoryNotFoundException($"The shared spec folder is missing: {spec}");
    }
}
