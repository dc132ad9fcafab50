using System.Security.Cryptography;
using System.Text;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Hosting;

/// <summary>--seed-sample: bucket media-archive (cn-shanghai) with a few hundred small fake media files of
/// mixed types under nested prefixes, some with Unicode and spaces in their names, some non-media, and one
/// zero-byte upload (which fails to transcode). Seeding is skipped when the bucket already exists. Also seeds a bucket
/// from a folder of real files (--seed-dir).</summary>
internal static class SampleData
{
    public const string Bucket = "media-archive";

    public static void Seed(Store store, DateTimeOffset now)
    {
        if (!store.TryAdd(Oss.Bucket.Kind, Bucket, new Oss.Bucket { Name = Bucket, CreationDate = now }))
            return;
        store.Atomically(() => SeedObjects(store, now)); // one transaction: seeding takes milliseconds, not one fsync per key
    }

    private static int SeedObjects(Store store, DateTimeOffset now)
    {
        foreach (var key in Keys())
        {
            byte[] body = key.Contains("broken") ? [] : Encoding.UTF8.GetBytes($"fake media file {key}\n");
            using var content = new MemoryStream(body);
            PutObject(store, Bucket, key, content, now);
        }
        return 0;
    }

    /// <summary>--seed-dir/--seed-bucket: every file under <paramref name="folder"/> becomes an object of
    /// <paramref name="bucket"/> (created in the default region if missing), its key the file's path relative to the
    /// folder with '/' separators; an object already there under that key is replaced.</summary>
    /// <exception cref="ArgumentException">a file's key is longer than OSS allows</exception>
    public static int SeedFolder(Store store, string folder, string bucket, DateTimeOffset now)
    {
        store.TryAdd(Oss.Bucket.Kind, bucket, new Oss.Bucket { Name = bucket, CreationDate = now });
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => (File: file, Key: Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        foreach (var (_, key) in files.Where(f => Encoding.UTF8.GetByteCount(f.Key) > 1023))
            throw new ArgumentException($"--seed-dir: \"{key}\" is longer than an OSS key may be (1023 bytes)");
        return store.Atomically(() =>
        {
            foreach (var (file, key) in files)
            {
                using var content = File.OpenRead(file);
                PutObject(store, bucket, key, content, now);
            }
            return files.Count;
        });
    }

    /// <summary>Stores <paramref name="content"/> as an object, as a PutObject would (MD5, CRC-64, a content type by extension).</summary>
    private static void PutObject(Store store, string bucket, string key, Stream content, DateTimeOffset now)
    {
        string bodyId = Guid.NewGuid().ToString("N");
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var crc = new Crc64();
        long size = 0;
        using (var file = File.Create(store.BodyPath(bodyId)))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                crc.Append(buffer.AsSpan(0, read));
                file.Write(buffer, 0, read);
                size += read;
            }
        }
        byte[] digest = md5.GetHashAndReset();
        var replaced = store.PutObject(new ObjectRecord(bucket, key, size, "\"" + Convert.ToHexString(digest) + "\"", Convert.ToBase64String(digest),
            ContentType(key), now, bodyId, "Normal", [], crc.Value));
        store.DeleteBody(replaced?.BodyId);
    }

    public static IEnumerable<string> Keys()
    {
        for (int year = 2019; year <= 2024; year++)
            for (int n = 1; n <= 20; n++)
                yield return $"films/{year}/film-{n:D3}{(n % 4 == 0 ? ".mov" : ".mp4")}";
        foreach (var show in new[] { "The Long Road", "城市故事", "Café Stories" })
            for (int season = 1; season <= 2; season++)
                for (int episode = 1; episode <= 10; episode++)
                    yield return $"series/{show}/season-{season}/episode {episode:D2}.mp4";
        for (int n = 1; n <= 30; n++) yield return $"audio/podcasts/episode-{n:D3}.mp3";
        for (int n = 1; n <= 10; n++) yield return $"audio/música/canción {n}.mp3";
        foreach (var stream in new[] { "live-2024-01", "live-2024-02" })
        {
            yield return $"hls/{stream}/index.m3u8";
            for (int n = 0; n < 10; n++) yield return $"hls/{stream}/segment-{n:D3}.ts";
        }
        for (int n = 1; n <= 20; n++) yield return $"images/posters/poster {n:D2}.jpg";
        yield return "纪录片/长城 第1集.mp4";
        yield return "纪录片/长城 第2集.mp4";
        yield return "films/My Holiday (2019) [HD].mov";
        yield return "docs/README.txt";
        yield return "docs/licence notes.txt";
        yield return "incoming/broken-upload.mp4";
    }

    private static string ContentType(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".mp3" => "audio/mpeg",
        ".m3u8" => "application/x-mpegURL",
        ".ts" => "video/MP2T",
        ".jpg" => "image/jpeg",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
