using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Hosting;
using VodTools.Shared;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>/_emulator/reset, /_emulator/state (save and restore while running) and --seed-dir.</summary>
public class StateTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "vodtools-state-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_saved_state_restores_the_same_inventory_and_bodies_into_a_running_emulator(bool inMemory)
    {
        await using var emu = await StartAsync(o => { o.InMemory = inMemory; o.DataDir = Path.Combine(_scratch, "data"); o.TranscodeSeconds = 0; });
        string videoId = await RegisterAsync(emu, "films/a.mp4", "first movie");
        var before = await InventoryAsync(emu);

        byte[] saved = await emu.Http.GetByteArrayAsync(EmulatorDefaults.StatePath);
        using (await emu.OssAsync(HttpMethod.Put, "media-archive", "films/a.mp4", content: new StringContent("changed"))) { }
        await RegisterAsync(emu, "films/b.mp4", "second movie");
        Assert.NotEqual(before, await InventoryAsync(emu));

        using (var restored = await emu.Http.PutAsync(EmulatorDefaults.StatePath, new ByteArrayContent(saved)))
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);

        Assert.Equal(before, await InventoryAsync(emu));
        Assert.Equal(videoId, (string?)(await emu.VodAsync("GetVideoInfo", P("VideoId", videoId))).Body["Video"]!["VideoId"]);
        using var body = await emu.OssAsync(HttpMethod.Get, "media-archive", "films/a.mp4");
        Assert.Equal("first movie", await body.Content.ReadAsStringAsync());
        using var gone = await emu.OssAsync(HttpMethod.Get, "media-archive", "films/b.mp4");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_saved_state_is_refused_and_the_state_stays()
    {
        await using var emu = await StartAsync();
        await RegisterAsync(emu, "films/a.mp4", "movie");
        using var refused = await emu.Http.PutAsync(EmulatorDefaults.StatePath, new StringContent("not a zip"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single((await StatsTests.StatsAsync(emu))["videos"]!.AsArray());
    }

    [Fact]
    public async Task Reset_empties_the_state_and_keeps_the_defaults_of_a_fresh_start()
    {
        await using var emu = await StartAsync(o => o.SeedSample = true);
        await RegisterAsync(emu, "films/extra.mp4", "movie");
        var fresh = await StartAsync();
        var defaults = GroupNames(await StatsTests.StatsAsync(fresh));
        await fresh.DisposeAsync();

        using (var reset = await emu.Http.PostAsync(EmulatorDefaults.ResetPath, null)) Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var stats = await StatsTests.StatsAsync(emu);
        Assert.Empty(stats["videos"]!.AsArray());
        Assert.Equal(defaults, GroupNames(stats));
        using var buckets = await emu.OssAsync(HttpMethod.Get, null);
        Assert.DoesNotContain("<Bucket>", await buckets.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_file_of_a_seed_folder_becomes_an_object_keyed_by_its_relative_path()
    {
        Directory.CreateDirectory(Path.Combine(_scratch, "seed", "films", "2024"));
        File.WriteAllText(Path.Combine(_scratch, "seed", "films", "2024", "a b.mp4"), "movie a");
        File.WriteAllText(Path.Combine(_scratch, "seed", "top.mov"), "movie top");

        await using var emu = await StartAsync(o => { o.SeedDir = Path.Combine(_scratch, "seed"); o.SeedBucket = "seeded"; });

        using var list = await emu.OssAsync(HttpMethod.Get, "seeded");
        var keys = System.Xml.Linq.XDocument.Parse(await list.Content.ReadAsStringAsync()).Root!.Elements("Contents").Select(c => c.Element("Key")!.Value);
        Assert.Equal(["films/2024/a b.mp4", "top.mov"], keys);
        using var body = await emu.OssAsync(HttpMethod.Get, "seeded", "films/2024/a b.mp4");
        Assert.Equal("movie a", await body.Content.ReadAsStringAsync());
        Assert.Equal("video/mp4", body.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void A_seed_folder_needs_its_bucket()
    {
        Assert.Contains("go together", Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--seed-dir", _scratch])).Message);
        Assert.Contains("no folder", Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--seed-dir", Path.Combine(_scratch, "none"), "--seed-bucket", "b-1"])).Message);
    }

    private static List<string?> GroupNames(JsonObject stats) => stats["templateGroups"]!.AsArray().Select(g => (string?)g!["name"]).ToList();

    /// <summary>Puts an object into media-archive (created if need be) and registers it; returns the video id.</summary>
    private static async Task<string> RegisterAsync(Emulator emu, string key, string content)
    {
        using (await emu.OssAsync(HttpMethod.Put, "media-archive")) { }
        using (await emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent(content))) { }
        var item = new JsonArray(new JsonObject { ["FileURL"] = "https://media-archive.oss-cn-shanghai.aliyuncs.com/" + key, ["Title"] = key });
        var registered = await emu.VodAsync("RegisterMedia", P("RegisterMetadatas", item.ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));
        return (string)registered.Body["RegisteredMediaList"]![0]!["MediaId"]!;
    }

    private static async Task<string> InventoryAsync(Emulator emu)
    {
        var stats = await StatsTests.StatsAsync(emu);
        return new JsonObject { ["videos"] = stats["videos"]!.DeepClone(), ["transcodeTasks"] = stats["transcodeTasks"]!.DeepClone(), ["templateGroups"] = stats["templateGroups"]!.DeepClone() }.ToJsonString();
    }
}
