using System.Text.Json;

namespace VodTools.Emulator.Tests;

/// <summary>The shared spec folder: ../shared/spec next to the repository root (the folder holding VodTools.sln).</summary>
internal static class SharedSpec
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "spec"));

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
}
