using Microsoft.Data.Sqlite;
using VodTools.Emulator.Storage;
using VodTools.Emulator.Vod;
using Xunit;

namespace VodTools.Emulator.Tests;

/// <summary>VOD's state: the lookups that must not grow with the account, as SQLite plans them.</summary>
public class VodStateTests : IDisposable
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
        using (var store = new Store(_folder)) _ = new VodState(store);
        using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, Store.DatabaseFile)};Pooling=False");
        db.Open();
        using var explain = db.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + Store.WhereQuery(VodState.VideoIdField);
        explain.Parameters.AddWithValue("$k", TranscodeTask.Kind);
        explain.Parameters.AddWithValue("$v", "v1");
        using var plan = explain.ExecuteReader();
        var steps = new List<string>();
        while (plan.Read()) steps.Add(plan.GetString(3));
        Assert.Contains(steps, s => s.Contains("USING INDEX " + Store.IndexName(VodState.VideoIdField), StringComparison.Ordinal));
    }
}
