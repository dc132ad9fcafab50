using VodTools.Model;
using VodTools.Services.Buckets;

namespace VodTools.Tests.Services.Buckets;

public class BucketComparisonTests
{
    [Fact]
    public void Keys_sort_as_OSS_lists_them_by_UTF8_bytes_not_by_UTF16_units()
    {
        // U+FF21 (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) in UTF-8 and code points, after it in UTF-16 ordinal
        string fullwidth = "\uFF21.mp4", emoji = "\U0001F600.mp4";
        Assert.True(string.CompareOrdinal(fullwidth, emoji) > 0);
        Assert.True(Utf8KeyOrder.Instance.Compare(fullwidth, emoji) < 0);
        Assert.True(Utf8KeyOrder.Instance.Compare("a/b", "a/b/c") < 0);
        Assert.Equal(0, Utf8KeyOrder.Instance.Compare("é", "é"));
    }

    [Fact]
    public void The_sorter_merges_runs_spilled_to_disk_into_one_key_order()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 1000).Select(i => $"k/{random.Next(100000):D6}-{i}").ToList();
        using var sorter = new MediaFileSorter(runLength: 64);
        foreach (var key in keys) sorter.Add(new MediaFile(key, "id-" + key, "Normal", key.Length));
        var sorted = sorter.Sorted().ToList();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), sorted.Select(m => m.Key));
        Assert.All(sorted, m => Assert.Equal(("id-" + m.Key, "Normal", (long?)m.Key.Length), (m.MediaId, m.Status, m.Size)));
        Assert.Equal(1000, sorter.Count);
    }

    [Fact]
    public void Files_and_media_merge_into_registered_not_registered_and_source_missing()
    {
        var media = new[]
        {
            new MediaFile("a.mp4", "m-a", "Normal", 1),
            new MediaFile("b.mp4", "m-b", "Normal", 2),
            new MediaFile("b.mp4", "m-b2", "Normal", 2),
            new MediaFile("c.mp4", "m-c", "Uploading", 3),
            new MediaFile("z.mp4", "m-z", "Normal", 26),
        };
        using var merge = new BucketMerge(media, "media-archive", "cn-shanghai");
        var entries = new[] { ("b.mp4", 20L), ("d e.mp4", 40L) }.SelectMany(f => merge.Feed(f.Item1, f.Item2)).Concat(merge.Finish()).ToList();
        Assert.Equal(
            [
                (VodBucketState.SourceMissing, "a.mp4", "m-a", (long?)1),
                (VodBucketState.Registered, "b.mp4", "m-b", 20),
                (VodBucketState.Registered, "b.mp4", "m-b2", 20),
                (VodBucketState.SourceMissing, "c.mp4", "m-c", 3),
                (VodBucketState.NotRegistered, "d e.mp4", null, 40),
                (VodBucketState.SourceMissing, "z.mp4", "m-z", 26),
            ],
            entries.Select(e => (e.State, e.Key!, e.MediaId, e.Size)));
        Assert.Equal("https://media-archive.oss-cn-shanghai.aliyuncs.com/d%20e.mp4", entries[4].FileUrl);
    }
}
