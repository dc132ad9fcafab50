using System.Security.Cryptography;
using System.Text;
using VodTools.Emulator.Oss;
using VodTools.Emulator.Storage;

namespace VodTools.Emulator.Hosting;

/// <summary>--seed-sample: bucket media-archive (cn-shanghai) with a few hundred small fake media files of
/// mixed types under nested prefixes, some with Unicode and spaces in their names, some non-media, and one
/// zero-byte upload (which fails to transcode). Seeding is skipped when the bucket already exists.</summary>
internal static class SampleData
{
    public const string Bucket = "media-archive";

    public static void Seed(Store store, DateTimeOffset now)
    {
        if (!store.TryAdd(OssApi.BucketKind, Bucket, new OssApi.Bucket { Name = Bucket, Region = OssApi.DefaultRegion, CreationDate = now }))
            return;
        store.Atomically(() => SeedObjects(store, now)); // one transaction: seeding takes milliseconds, not one fsync per key
    }

    private static int SeedObjects(Store store, DateTimeOffset now)
    {
        foreach (var key in Keys())
        {
            byte[] body = key.Contains("broken") ? [] : Encoding.UTF8.GetBytes($"fake media file {key}\n");
            string bodyId = Guid.NewGuid().ToString("N");
            File.WriteAllBytes(store.BodyPath(bodyId), body);
            byte[] md5 = MD5.HashData(body);
            store.PutObject(new ObjectRecord(Bucket, key, body.Length, "\"" + Convert.ToHexString(md5) + "\"", Convert.ToBase64String(md5),
                ContentType(key), now, bodyId, "Normal", [], Crc64.Of(body)));
        }
        return 0;
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
