using VodTools.Services.Migration;

namespace VodTools.Tests.Services;

/// <summary>The migration journal's SQLite on this runtime: the native e_sqlite3 the module ships, found the way this
/// runtime finds it (on Mono through the provider's dllmap, on .NET Framework loaded first by its full path).</summary>
public sealed class SqliteOnThisRuntimeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vodtools-netfx-" + Guid.NewGuid().ToString("N"));

    public SqliteOnThisRuntimeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_journal_is_created_and_opened_again()
    {
        var path = Path.Combine(_folder, "job.journal");
        using (MigrationJournal.Open(path, create: true)) { }
        Assert.True(File.Exists(path));
        using (MigrationJournal.Open(path, create: false)) { }
    }

    [Fact]
    public void The_native_library_answers_with_its_version()
    {
        SqliteRuntime.EnsureLoaded();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        Assert.Matches(@"^3\.\d+\.\d+$", (string)command.ExecuteScalar()!);
    }
}
