using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace VodTools.Bench;

/// <summary>
/// Seeds a bucket of many small media objects by writing the emulator's own tables (src/VodTools.Emulator/Storage/Store.cs:
/// docs(kind,id,json), objects(bucket,key,json)) in one transaction, with the emulator stopped. Every row points at one
/// shared body file, so a million keys take seconds and little disk; an object read returns that body. The emulator then
/// serves these rows exactly as objects PUT over the API (its listing, HEAD and RegisterMedia read the same rows).
/// </summary>
internal static class Seeder
{
    /// <param name="media">how many of the objects (the first ones) are also registered with VOD (VOD_NO_TRANSCODE, a
    /// millisecond apart): rows of the emulator's Video document and its bucket/key index (src/VodTools.Emulator/Vod/VodModel.cs)</param>
    public static void Run(string dataDir, string bucket, int count, string prefix, int media = 0)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(dataDir, "objects"));
        var body = Encoding.UTF8.GetBytes("fake media for the benchmarks\n");
        var md5 = MD5.HashData(body);
        var bodyId = "bench" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(Path.Combine(dataDir, "objects", bodyId), body);

        using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "emulator.db")};Pooling=False");
        db.Open();
        Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(db, """
            CREATE TABLE IF NOT EXISTS docs (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
            CREATE TABLE IF NOT EXISTS objects (bucket TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (bucket, key));
            """);
        var now = DateTimeOffset.UtcNow;
        using var tx = db.BeginTransaction();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "INSERT OR IGNORE INTO docs(kind,id,json) VALUES('oss-bucket',$i,$j)";
            cmd.Parameters.AddWithValue("$i", bucket);
            cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(new { Name = bucket, Region = "cn-shanghai", CreationDate = now, StorageClass = "Standard", Acl = "private" }));
            cmd.ExecuteNonQuery();
        }
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "INSERT OR REPLACE INTO objects(bucket,key,json) VALUES($b,$k,$j)";
            var b = cmd.Parameters.Add("$b", SqliteType.Text);
            var k = cmd.Parameters.Add("$k", SqliteType.Text);
            var j = cmd.Parameters.Add("$j", SqliteType.Text);
            b.Value = bucket;
            cmd.Prepare();
            string etag = "\"" + Convert.ToHexString(md5) + "\"", contentMd5 = Convert.ToBase64String(md5);
            for (int i = 0; i < count; i++)
            {
                string key = $"{prefix}{i / 1000:D4}/clip-{i:D7}.mp4";
                k.Value = key;
                j.Value = JsonSerializer.Serialize(new
                {
                    Bucket = bucket, Key = key, Size = (long)body.Length, ETag = etag, ContentMd5 = contentMd5, ContentType = "video/mp4",
                    LastModified = now, BodyId = bodyId, Type = "Normal", Metadata = new Dictionary<string, string>(),
                });
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "INSERT OR REPLACE INTO docs(kind,id,json) VALUES($k,$i,$j)";
            var kind = cmd.Parameters.Add("$k", SqliteType.Text);
            var id = cmd.Parameters.Add("$i", SqliteType.Text);
            var json = cmd.Parameters.Add("$j", SqliteType.Text);
            cmd.Prepare();
            for (int i = 0; i < media; i++)
            {
                string key = $"{prefix}{i / 1000:D4}/clip-{i:D7}.mp4", videoId = Guid.NewGuid().ToString("N");
                var created = now.AddMilliseconds(i);
                (kind.Value, id.Value, json.Value) = ("vod-video", videoId, JsonSerializer.Serialize(new
                {
                    VideoId = videoId, Title = $"clip {i}", Description = "", Tags = "", CoverURL = "", CateId = -1L,
                    FileURL = $"https://{bucket}.oss-cn-shanghai.aliyuncs.com/{key}", Bucket = bucket, Key = key, Region = "cn-shanghai",
                    AppId = "app-1000000", TemplateGroupId = "VOD_NO_TRANSCODE", UserData = "", ReferenceId = "", NoTranscode = true,
                    MezzanineDeleted = false, SourceSize = (long)body.Length, CreationTime = created, ModificationTime = created,
                }));
                cmd.ExecuteNonQuery();
                (kind.Value, id.Value, json.Value) = ("vod-file-url", bucket + "/" + key, JsonSerializer.Serialize(new { Id = videoId, Created = created }));
                cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
        Console.WriteLine($"seeded {count} objects in {bucket}/{prefix}, {media} of them registered, in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
