using VodTools.Services.Upload;

namespace VodTools.Tests.Services.Upload;

/// <summary>The checkpoint of a resumable upload: what it keeps, where it lives, the reference that finds the media again.</summary>
public sealed class UploadCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vodtools-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Keeps_the_upload_and_its_parts_across_a_save_and_a_load()
    {
        var path = Path.Combine(_folder, "clip.mp4.vodupload");
        var written = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var checkpoint = new UploadCheckpoint { FileSize = 300, FileWriteTimeUtc = written.Ticks, MediaId = "m1", ReferenceId = "vodtools-r", Bucket = "b", Key = "k", PartSize = 100, UploadId = "U1" };
        checkpoint.Parts.Add(new UploadedPart { Number = 2, Size = 100, ETag = "\"E2\"", Crc64 = "18446744073709551615" });
        checkpoint.Save(path);
        checkpoint.Parts.Add(new UploadedPart { Number = 1, Size = 100, ETag = "\"E1\"" });
        checkpoint.Save(path); // over the first

        var loaded = UploadCheckpoint.Load(path)!;
        Assert.Equal(("m1", "U1", 100L), (loaded.MediaId, loaded.UploadId, loaded.PartSize));
        Assert.Equal(new[] { (2, "\"E2\"", (string?)"18446744073709551615"), (1, "\"E1\"", null) }, loaded.Parts.Select(p => (p.Number, p.ETag, p.Crc64)));
        Assert.Equal(200, loaded.BytesDone);
        Assert.True(loaded.Describes(300, written));
        Assert.False(loaded.Describes(300, written.AddSeconds(1)));
        Assert.False(loaded.Describes(301, written));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Reads_the_parts_appended_after_it_and_passes_over_a_line_a_kill_cut_short()
    {
        var path = Path.Combine(_folder, "film.mp4.vodupload");
        var checkpoint = new UploadCheckpoint { FileSize = 400, MediaId = "m1", PartSize = 100, UploadId = "U1" };
        checkpoint.Parts.Add(new UploadedPart { Number = 2, Size = 100, ETag = "\"E2\"" });
        checkpoint.Save(path);
        UploadCheckpoint.Append(path, new UploadedPart { Number = 1, Size = 100, ETag = "\"E1\"", Crc64 = "7" });
        UploadCheckpoint.Append(path, new UploadedPart { Number = 2, Size = 100, ETag = "\"E2b\"" }); // sent again: the later line wins
        File.AppendAllText(path, "{\"Number\":3,\"Size\":100,\"ET"); // SIGKILL in the middle of the line

        var loaded = UploadCheckpoint.Load(path)!;
        Assert.Equal("U1", loaded.UploadId);
        Assert.Equal(new[] { (1, "\"E1\"", (string?)"7"), (2, "\"E2b\"", null) }, loaded.Parts.OrderBy(p => p.Number).Select(p => (p.Number, p.ETag, p.Crc64)));
        Assert.Equal(3, File.ReadAllLines(path).Length - 1); // one line each, after the checkpoint's own

        loaded.Save(path); // written whole again: one line
        Assert.Single(File.ReadAllLines(path));
        Assert.Equal(2, UploadCheckpoint.Load(path)!.Parts.Count);
    }

    [Fact]
    public void Reads_a_checkpoint_of_the_first_format()
    {
        var path = Path.Combine(_folder, "old.vodupload");
        File.WriteAllText(path, "{\"Version\":1,\"FileSize\":300,\"MediaId\":\"m1\",\"PartSize\":100,\"UploadId\":\"U1\",\"Parts\":[{\"Number\":1,\"Size\":100,\"ETag\":\"E1\"}]}");
        var loaded = UploadCheckpoint.Load(path)!;
        Assert.Equal(("U1", 1), (loaded.UploadId, loaded.Parts.Single().Number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("{\"Version\":99,\"MediaId\":\"m1\"}")]
    [InlineData("{\"Version\":1}")]
    public void A_checkpoint_it_cannot_use_is_none(string text)
    {
        var path = Path.Combine(_folder, "bad.vodupload");
        File.WriteAllText(path, text);
        Assert.Null(UploadCheckpoint.Load(path));
        Assert.Null(UploadCheckpoint.Load(Path.Combine(_folder, "missing.vodupload")));
    }

    [Fact]
    public void Lives_beside_the_file_or_in_a_folder_under_a_name_that_tells_same_named_files_apart()
    {
        Assert.Equal(Path.Combine(_folder, "a", "clip.mp4.vodupload"), UploadCheckpoint.PathFor(Path.Combine(_folder, "a", "clip.mp4"), null));
        var first = UploadCheckpoint.PathFor(Path.Combine(_folder, "a", "clip.mp4"), _folder);
        var second = UploadCheckpoint.PathFor(Path.Combine(_folder, "b", "clip.mp4"), _folder);
        Assert.Equal(_folder, Path.GetDirectoryName(first));
        Assert.StartsWith("clip.mp4.", Path.GetFileName(first));
        Assert.EndsWith(".vodupload", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_reference_is_the_same_for_the_same_file_as_the_same_media_and_another_once_either_changes()
    {
        var written = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var reference = UploadCheckpoint.ReferenceFor("/media/clip.mp4", 300, written, "Clip", null);
        Assert.Matches("^[A-Za-z0-9_-]{6,64}$", reference); // VOD's ReferenceId
        Assert.Equal(reference, UploadCheckpoint.ReferenceFor("/media/clip.mp4", 300, written, "Clip", null));
        Assert.NotEqual(reference, UploadCheckpoint.ReferenceFor("/media/clip.mp4", 301, written, "Clip", null));
        Assert.NotEqual(reference, UploadCheckpoint.ReferenceFor("/media/clip.mp4", 300, written.AddTicks(1), "Clip", null));
        Assert.NotEqual(reference, UploadCheckpoint.ReferenceFor("/media/other.mp4", 300, written, "Clip", null));
        Assert.NotEqual(reference, UploadCheckpoint.ReferenceFor("/media/clip.mp4", 300, written, "Another title", null));
        Assert.NotEqual(reference, UploadCheckpoint.ReferenceFor("/media/clip.mp4", 300, written, "Clip", "app-2"));
    }

    [Theory]
    [InlineData(250 * 1024, 100 * 1024, new[] { 102400L, 102400L, 51200L })]
    [InlineData(200 * 1024, 100 * 1024, new[] { 102400L, 102400L })]
    [InlineData(1, 100 * 1024, new[] { 1L })]
    public void Plans_parts_from_one_in_order_the_last_one_shorter(long fileSize, long partSize, long[] lengths)
    {
        var parts = OssUploadService.PlanParts(fileSize, partSize);
        Assert.Equal(Enumerable.Range(1, lengths.Length), parts.Select(p => p.Number));
        Assert.Equal(lengths, parts.Select(p => p.Length));
        Assert.Equal(parts.Select(p => p.Offset), lengths.Select((_, i) => lengths.Take(i).Sum()));
    }
}
