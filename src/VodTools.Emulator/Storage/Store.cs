using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace VodTools.Emulator.Storage;

/// <summary>The emulator's state: one SQLite database (WAL) for metadata and a folder of files for
/// object bodies. Entities are JSON documents keyed by (kind, id); OSS objects have their own table so
/// listings come back in byte order straight from SQLite (BINARY collation compares UTF-8 bytes).
/// One connection, one lock: the emulator is for one user's workloads, not for throughput.</summary>
internal sealed class Store : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly SqliteConnection _db;
    private readonly string? _throwawayDir;
    /// <summary>Held open without sharing for the store's lifetime: a second emulator on the same folder fails
    /// to start instead of corrupting the first one's state.</summary>
    private readonly FileStream? _folderLock;
    private readonly object _gate = new(); // Monitor is re-entrant: Atomically() calls the other methods

    public Store(string? dataDir)
    {
        if (dataDir == null)
        {
            RemoveAbandonedThrowawayFolders();
            _throwawayDir = Path.Combine(Path.GetTempPath(), ThrowawayPrefix + Guid.NewGuid().ToString("N"));
            BodiesDir = Path.Combine(_throwawayDir, BodiesFolder);
            Directory.CreateDirectory(BodiesDir);
            _folderLock = LockFolder(_throwawayDir);
            _db = new SqliteConnection($"Data Source=mem-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        }
        else
        {
            BodiesDir = Path.Combine(dataDir, BodiesFolder);
            Directory.CreateDirectory(BodiesDir);
            try
            {
                _folderLock = LockFolder(dataDir);
            }
            catch (IOException e)
            {
                throw new IOException($"the data folder {dataDir} is in use by another emulator", e);
            }
            _db = new SqliteConnection($"Data Source={Path.Combine(dataDir, DatabaseFile)};Pooling=False");
        }
        _db.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
            CREATE TABLE IF NOT EXISTS objects (bucket TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (bucket, key));
            DROP INDEX IF EXISTS docs_video;
            """); // docs_video: the VideoId index of earlier emulators, now made by IndexField
    }

    private const string ThrowawayPrefix = "vodtools-emulator-";
    /// <summary>The database's file name, in a data folder and in a saved state.</summary>
    public const string DatabaseFile = "emulator.db";
    private const string BodiesFolder = "objects";
    private const string LockFileName = "emulator.lock";

    private static FileStream LockFolder(string folder) =>
        new(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>An --in-memory emulator that was killed (Stop-VodEmulator, kill -9) leaves its temp folder
    /// behind; the next one deletes every such folder whose lock no live emulator holds, once it is a minute old
    /// (an emulator starting right now may have created its lock file and not locked it yet), and folders without a
    /// lock file once they are an hour old.</summary>
    private static void RemoveAbandonedThrowawayFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            try
            {
                var written = Directory.GetLastWriteTimeUtc(folder);
                if (written > DateTime.UtcNow.AddMinutes(-1)) continue;
                if (File.Exists(Path.Combine(folder, LockFileName))) LockFolder(folder).Dispose(); // throws while its emulator runs
                else if (written > DateTime.UtcNow.AddHours(-1)) continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // in use, or not ours to delete
            }
        }
    }

    /// <summary>Where object bodies live; each body is a file named by a random id.</summary>
    public string BodiesDir { get; }

    public T? Get<T>(string kind, string id) where T : class
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT json FROM docs WHERE kind=$k AND id=$i", ("$k", kind), ("$i", id));
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<T>(json, Json) : null;
        }
    }

    public void Put<T>(string kind, string id, T value)
    {
        lock (_gate)
        {
            using var cmd = Command("INSERT INTO docs(kind,id,json) VALUES($k,$i,$j) ON CONFLICT(kind,id) DO UPDATE SET json=excluded.json",
                ("$k", kind), ("$i", id), ("$j", JsonSerializer.Serialize(value, Json)));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Inserts only if the id is free; false when it is taken (atomic create).</summary>
    public bool TryAdd<T>(string kind, string id, T value)
    {
        lock (_gate)
        {
            using var cmd = Command("INSERT OR IGNORE INTO docs(kind,id,json) VALUES($k,$i,$j)",
                ("$k", kind), ("$i", id), ("$j", JsonSerializer.Serialize(value, Json)));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    public bool Delete(string kind, string id)
    {
        lock (_gate)
        {
            using var cmd = Command("DELETE FROM docs WHERE kind=$k AND id=$i", ("$k", kind), ("$i", id));
            return cmd.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>Every document of a kind, ordered by id (byte order).</summary>
    public List<T> All<T>(string kind)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT json FROM docs WHERE kind=$k ORDER BY id", ("$k", kind));
            using var reader = cmd.ExecuteReader();
            var list = new List<T>();
            while (reader.Read()) list.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!);
            return list;
        }
    }

    /// <summary>Indexes the documents of every kind by one of their fields, so <see cref="Where{T}"/> on that field reads the
    /// matching documents only instead of walking every document of the kind. Idempotent.</summary>
    /// <param name="field">a top-level property of the documents (letters and digits)</param>
    public void IndexField(string field)
    {
        lock (_gate) Execute($"CREATE INDEX IF NOT EXISTS {IndexName(field)} ON docs (kind, json_extract(json, '$.{CheckedField(field)}'))");
    }

    /// <summary>The name of the index <see cref="IndexField"/> creates.</summary>
    public static string IndexName(string field) => "docs_by_" + CheckedField(field);

    /// <summary>The query <see cref="Where{T}"/> runs; with an <see cref="IndexField"/> index it reads only the matching
    /// documents. Ordered by id in code, not in SQL: an ORDER BY id makes SQLite walk the primary key over every document of
    /// the kind instead.</summary>
    public static string WhereQuery(string field) =>
        $"SELECT id, json FROM docs WHERE kind=$k AND json_extract(json, '$.{CheckedField(field)}')=$v";

    /// <summary>The documents of a kind whose <paramref name="field"/> is <paramref name="value"/>, ordered by id (byte order).</summary>
    public List<T> Where<T>(string kind, string field, string value)
    {
        lock (_gate)
        {
            using var cmd = Command(WhereQuery(field), ("$k", kind), ("$v", value));
            using var reader = cmd.ExecuteReader();
            var found = new List<(string Id, string Json)>();
            while (reader.Read()) found.Add((reader.GetString(0), reader.GetString(1)));
            return found.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => JsonSerializer.Deserialize<T>(d.Json, Json)!).ToList();
        }
    }

    /// <summary>Field names go into SQL text (an index is on an expression, which a parameter cannot name).</summary>
    private static string CheckedField(string field) =>
        field.Length > 0 && field.All(char.IsAsciiLetterOrDigit) ? field : throw new ArgumentException($"\"{field}\" is not a field name", nameof(field));

    /// <summary>Runs several changes as one transaction under the lock (e.g. check-then-write).</summary>
    public TResult Atomically<TResult>(Func<TResult> work)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var result = work();
            tx.Commit();
            return result;
        }
    }

    public ObjectRecord? GetObject(string bucket, string key)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT json FROM objects WHERE bucket=$b AND key=$k", ("$b", bucket), ("$k", key));
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<ObjectRecord>(json, Json) : null;
        }
    }

    /// <summary>Stores the object's metadata and returns the record it replaced (whose body file the caller removes).</summary>
    public ObjectRecord? PutObject(ObjectRecord record)
    {
        lock (_gate)
        {
            var previous = GetObject(record.Bucket, record.Key);
            using var cmd = Command("INSERT INTO objects(bucket,key,json) VALUES($b,$k,$j) ON CONFLICT(bucket,key) DO UPDATE SET json=excluded.json",
                ("$b", record.Bucket), ("$k", record.Key), ("$j", JsonSerializer.Serialize(record, Json)));
            cmd.ExecuteNonQuery();
            return previous;
        }
    }

    public ObjectRecord? DeleteObject(string bucket, string key)
    {
        lock (_gate)
        {
            var previous = GetObject(bucket, key);
            using var cmd = Command("DELETE FROM objects WHERE bucket=$b AND key=$k", ("$b", bucket), ("$k", key));
            cmd.ExecuteNonQuery();
            return previous;
        }
    }

    public bool BucketHasObjects(string bucket)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT 1 FROM objects WHERE bucket=$b LIMIT 1", ("$b", bucket));
            return cmd.ExecuteScalar() != null;
        }
    }

    /// <summary>Objects of a bucket whose key starts with <paramref name="prefix"/> and sorts strictly after
    /// <paramref name="after"/>, in byte order, at most <paramref name="limit"/>.</summary>
    public List<ObjectRecord> ListObjects(string bucket, string prefix, string after, int limit)
    {
        lock (_gate)
        {
            // key >= prefix and key < prefix + U+10FFFF bound the index range; substr() keeps exactly the prefixed keys
            using var cmd = Command("SELECT json FROM objects WHERE bucket=$b AND key > $a AND key >= $p AND key < $u AND substr(key,1,length($p))=$p ORDER BY key LIMIT $n",
                ("$b", bucket), ("$a", after), ("$p", prefix), ("$u", prefix + "\U0010FFFF"), ("$n", limit));
            using var reader = cmd.ExecuteReader();
            var list = new List<ObjectRecord>();
            while (reader.Read()) list.Add(JsonSerializer.Deserialize<ObjectRecord>(reader.GetString(0), Json)!);
            return list;
        }
    }

    /// <summary>The body ids every stored object refers to.</summary>
    public HashSet<string> ObjectBodyIds()
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT json_extract(json, '$.BodyId') FROM objects");
            using var reader = cmd.ExecuteReader();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read()) ids.Add(reader.GetString(0));
            return ids;
        }
    }

    public string BodyPath(string bodyId) => Path.Combine(BodiesDir, bodyId);

    public void DeleteBody(string? bodyId)
    {
        if (bodyId != null) File.Delete(BodyPath(bodyId));
    }

    /// <summary>Empties the state: every document, object and body.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Execute("DELETE FROM docs; DELETE FROM objects;");
            DeleteAllBodies();
        }
    }

    /// <summary>Writes a consistent copy of the state into <paramref name="folder"/>: the database through SQLite's online
    /// backup and the bodies <paramref name="bodyIds"/> names, all under the lock, so no change lands in between.</summary>
    /// <param name="bodyIds">the bodies the state refers to, read under the same lock</param>
    public void SaveTo(string folder, Func<IEnumerable<string>> bodyIds)
    {
        string bodies = Path.Combine(folder, BodiesFolder);
        Directory.CreateDirectory(bodies);
        lock (_gate)
        {
            using (var copy = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseFile)};Pooling=False"))
            {
                copy.Open();
                _db.BackupDatabase(copy);
            }
            foreach (var id in bodyIds()) File.Copy(BodyPath(id), Path.Combine(bodies, id));
        }
    }

    /// <summary>Replaces the state with one <see cref="SaveTo"/> wrote into <paramref name="folder"/> (whose bodies move here).</summary>
    public void RestoreFrom(string folder)
    {
        lock (_gate)
        {
            using (var saved = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseFile)};Mode=ReadWrite;Pooling=False"))
            {
                saved.Open();
                saved.BackupDatabase(_db);
            }
            DeleteAllBodies();
            string bodies = Path.Combine(folder, BodiesFolder);
            if (Directory.Exists(bodies))
                foreach (var file in Directory.EnumerateFiles(bodies)) File.Move(file, BodyPath(Path.GetFileName(file)), overwrite: true);
        }
    }

    private void DeleteAllBodies()
    {
        foreach (var file in Directory.EnumerateFiles(BodiesDir))
        {
            try { File.Delete(file); }
            catch (IOException) { } // a reader holds it open (Windows): unreferenced now, removed at the next start
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _folderLock?.Dispose();
        if (_throwawayDir != null)
        {
            try { Directory.Delete(_throwawayDir, recursive: true); }
            catch (IOException) { } // a reader still holds a body open; the next --in-memory start removes the folder
        }
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }
}

/// <summary>An OSS object's metadata; the body is the file <see cref="BodyId"/> under the bodies folder. <see cref="Crc64"/>
/// is null for objects stored before the emulator kept it.</summary>
internal sealed record ObjectRecord(string Bucket, string Key, long Size, string ETag, string ContentMd5, string ContentType,
    DateTimeOffset LastModified, string BodyId, string Type, Dictionary<string, string> Metadata, ulong? Crc64 = null);
