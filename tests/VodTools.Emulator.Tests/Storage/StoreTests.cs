using Microsoft.Data.Sqlite;
using VodTools.Emulator.Storage;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The store: queries that must not grow with the account (what SQLite plans for them), and the folders an
/// --in-memory start cleans up after emulators that were killed.</summary>
public class StoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vodtools-store-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_videos_documents_are_found_through_the_VideoId_index_not_by_walking_every_document_of_the_kind()
    {
        Directory.CreateDirectory(_folder);
        using (new Store(_folder)) { }
        using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, Store.DatabaseFile)};Pooling=False");
        db.Open();
        using var explain = db.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + Store.OfVideoQuery;
        explain.Parameters.AddWithValue("$k", "task");
        explain.Parameters.AddWithValue("$v", "v1");
        using var plan = explain.ExecuteReader();
        var steps = new List<string>();
        while (plan.Read()) steps.Add(plan.GetString(3));
        Assert.Contains(steps, s => s.Contains("USING INDEX docs_video", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_in_memory_start_removes_folders_killed_emulators_left_behind()
    {
        string abandoned = Path.Combine(Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N"));
        string live = Path.Combine(Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { abandoned, live })
        {
            Directory.CreateDirectory(Path.Combine(folder, "objects"));
            File.WriteAllText(Path.Combine(folder, "objects", "body"), "x");
            File.WriteAllText(Path.Combine(folder, "emulator.lock"), "");
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddMinutes(-2)); // left by a kill a while ago
        }
        using (new FileStream(Path.Combine(live, "emulator.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            await using (await StartAsync()) { }
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(live));
        }
        Directory.Delete(live, recursive: true);
    }
}
