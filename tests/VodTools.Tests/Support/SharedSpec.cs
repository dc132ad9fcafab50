using System.Text.Json;

namespace VodTools.Tests.Support;

/// <summary>Finds ../shared/spec beside the repository (the clone sits next to shared/ in CI and in development).</summary>
public static class SharedSpec
{
    public static string Directory { get; } = Locate();

    public static JsonDocument LoadVectors() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "vectors", "vectors.json")));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VodTools.sln")))
            {
                var spec = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "spec"));
                if (System.IO.Directory.Exists(spec)) return spec;
                throw new DirectoryNotFoundException($"The shared spec folder is missing: {spec}");
            }
        }
        throw new DirectoryNotFoundException("VodTools.sln not found above " + AppContext.BaseDirectory);
    }
}
