using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>SearchMedia (the Match grammar, sorting, paging and the scroll), UpdateVideoInfos and the category actions.</summary>
public class CatalogueTests : IAsyncLifetime
{
    private const string Location = "media-archive.oss-cn-shanghai.aliyuncs.com";
    private Emulator _emu = null!;

    public async Task InitializeAsync()
    {
        _emu = await StartAsync();
        _emu.Clock.Freeze(DateTimeOffset.Parse("2026-01-10T00:00:00Z"));
        using (await _emu.OssAsync(HttpMethod.Put, "media-archive")) { }
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    /// <summary>Puts and registers files one second apart (so creation times sort), with the given titles and tags.</summary>
    private async Task<List<string>> RegisterAsync(params (string Key, string Title, string Tags)[] files)
    {
        var ids = new List<string>();
        foreach (var (key, title, tags) in files)
        {
            using (await _emu.OssAsync(HttpMethod.Put, "media-archive", key, content: new StringContent("movie"))) { }
            var item = new JsonObject { ["FileURL"] = $"https://{Location}/{Percent.Encode(key, keepSlash: true)}", ["Title"] = title, ["Tags"] = tags };
            var result = await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", new JsonArray(item).ToJsonString(), "TemplateGroupId", "VOD_NO_TRANSCODE"));
            ids.Add((string)result.Body["RegisteredMediaList"]![0]!["MediaId"]!);
            _emu.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return ids;
    }

    private async Task<List<string>> SearchAsync(string match, string sortBy = "CreationTime:Asc")
    {
        var result = await _emu.VodAsync("SearchMedia", P("Match", match, "SortBy", sortBy, "PageSize", "100"));
        Assert.True(result.Status == HttpStatusCode.OK, result.Body.ToJsonString());
        return result.Body["MediaList"]!.AsArray().Select(m => (string)m!["MediaId"]!).ToList();
    }

    [Fact]
    public async Task SearchMedia_reads_the_documented_Match_grammar()
    {
        var ids = await RegisterAsync(("a/intro.mp4", "Intro", "news,sport"), ("a/outro.mp4", "Intro part 2", "newsroom"), ("b/song.mp3", "Song", "music"));
        var (intro, part2, song) = (ids[0], ids[1], ids[2]);
        Assert.Equal([intro, part2], await SearchAsync("Title = 'intro'")); // fuzzy: contains, letter case aside
        Assert.Equal([intro, part2], await SearchAsync("Tags in ('news')")); // fuzzy too: "newsroom" contains "news"
        Assert.Equal([part2], await SearchAsync($"Tags in ('room','none') and StorageLocation = '{Location}'"));
        Assert.Equal([intro, part2], await SearchAsync("Status in ('Normal','UploadSucc')"));
        Assert.Equal([part2, intro], await SearchAsync($"VideoId in ('{intro}','{part2}')", "CreationTime:Desc"));
        Assert.Equal([part2, intro], await SearchAsync("(Title = 'part' or Tags = 'sport') and Title = 'intro'", "CreationTime:Desc"));
        Assert.Equal([part2], await SearchAsync("CreationTime = ('2026-01-10T00:00:00Z','2026-01-10T00:00:02Z')")); // open ends
        Assert.Equal([intro, part2], await SearchAsync("CreationTime = ['2026-01-10T00:00:00Z',)"));
        Assert.Empty(await SearchAsync("CateId = 1000000001"));

        var audio = await _emu.VodAsync("SearchMedia", P("SearchType", "audio"));
        Assert.Equal(song, (string)audio.Body["MediaList"]![0]!["Audio"]!["AudioId"]!);

        foreach (var bad in new[] { "Title = 'a' or Tags = 'b'", "Owner = 'me'", "Status = 'Normal'", "Title in ('a'", "CreationTime = 'x'", "Size in ('1')" })
        {
            var refused = await _emu.VodAsync("SearchMedia", P("Match", bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("ErrorMatchSyntax", refused.Code);
        }
    }

    [Fact]
    public async Task SearchMedia_returns_the_fields_asked_for_besides_the_basic_ones()
    {
        await RegisterAsync(("c/clip.mp4", "Clip", "t"));
        var basic = (await _emu.VodAsync("SearchMedia")).Body["MediaList"]![0]!["Video"]!.AsObject();
        Assert.Equal("Clip", (string?)basic["Title"]);
        Assert.False(basic.ContainsKey("Size"));
        var more = (await _emu.VodAsync("SearchMedia", P("Fields", "Size,Tags,StorageLocation"))).Body["MediaList"]![0]!["Video"]!;
        Assert.Equal(5, (long)more["Size"]!);
        Assert.Equal(Location, (string?)more["StorageLocation"]);
    }

    [Fact]
    public async Task SearchMedia_pages_the_first_5000_and_scrolls_at_most_100_records_ahead()
    {
        var ids = await RegisterAsync(Enumerable.Range(0, 25).Select(i => ($"s/{i:D2}.mp4", "clip", "")).ToArray());
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("SearchMedia", P("PageSize", "101"))).Code);
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("SearchMedia", P("PageNo", "51", "PageSize", "100"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("SearchMedia", P("PageNo", "50", "PageSize", "100"))).Status);

        var first = await _emu.VodAsync("SearchMedia", P("PageSize", "10", "SortBy", "CreationTime:Asc"));
        Assert.Equal(25, (int)first.Body["Total"]!);
        string token = (string)first.Body["ScrollToken"]!;
        Assert.Equal(32, token.Length);
        var read = first.Body["MediaList"]!.AsArray().Select(m => (string)m!["MediaId"]!).ToList();
        for (int page = 2; page <= 3; page++)
        {
            var next = await _emu.VodAsync("SearchMedia", P("PageNo", page.ToString(), "PageSize", "10", "SortBy", "CreationTime:Asc", "ScrollToken", token));
            read.AddRange(next.Body["MediaList"]!.AsArray().Select(m => (string)m!["MediaId"]!));
        }
        Assert.Equal(ids, read);
        var again = await _emu.VodAsync("SearchMedia", P("PageNo", "3", "PageSize", "10", "SortBy", "CreationTime:Asc", "ScrollToken", token));
        Assert.Equal(5, again.Body["MediaList"]!.AsArray().Count); // a retried page reads the same records

        var jump = await _emu.VodAsync("SearchMedia", P("PageNo", "200", "PageSize", "100", "ScrollToken", token));
        Assert.Equal("InvalidParameter", jump.Code);
        var twoSorts = await _emu.VodAsync("SearchMedia", P("ScrollToken", token, "SortBy", "CreationTime:Asc,ModificationTime:Desc"));
        Assert.Equal("SortByExceededMax", twoSorts.Code);
        _emu.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await _emu.VodAsync("SearchMedia", P("PageNo", "3", "PageSize", "10", "ScrollToken", token));
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Equal("InvalidScrollToken.Expired", expired.Code);
    }

    /// <summary>SearchMedia's description: "The total number of data records from the current page to the target page cannot
    /// exceed 100. For example, you set PageSize to 20 ... When the PageNo parameter is set to 1, you can traverse data records
    /// from page 1 to page 5. When the PageNo parameter is set to 2, ... from page 2 to page 6."</summary>
    [Fact]
    public async Task SearchMedia_with_a_ScrollToken_reaches_at_most_100_records_from_the_start_of_the_current_page()
    {
        await using var many = await StartAsync();
        for (int i = 0; i < 150; i++) await many.VodAsync("CreateUploadVideo", P("Title", "clip " + i, "FileName", $"{i}.mp4"));
        var first = await many.VodAsync("SearchMedia", P("PageSize", "20"));
        string token = (string)first.Body["ScrollToken"]!;
        Task<RpcResult> Page(int pageNo, int pageSize) => many.VodAsync("SearchMedia", P("PageNo", pageNo.ToString(), "PageSize", pageSize.ToString(), "ScrollToken", token));

        Assert.Equal("InvalidParameter", (await Page(6, 20)).Code); // from page 1: pages 1 to 5
        Assert.Equal(HttpStatusCode.OK, (await Page(2, 20)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Page(6, 20)).Status); // from page 2: pages 2 to 6
        Assert.Equal("InvalidParameter", (await Page(11, 20)).Code); // from page 6: up to page 10

        var wide = await many.VodAsync("SearchMedia", P("PageSize", "100"));
        token = (string)wide.Body["ScrollToken"]!;
        Assert.Equal("InvalidParameter", (await Page(2, 100)).Code); // 200 records from the start of page 1
        var half = await many.VodAsync("SearchMedia", P("PageSize", "50"));
        token = (string)half.Body["ScrollToken"]!;
        Assert.Equal(50, (await Page(2, 50)).Body["MediaList"]!.AsArray().Count);
        Assert.Equal(50, (await Page(3, 50)).Body["MediaList"]!.AsArray().Count);
    }

    [Fact]
    public async Task SearchMedia_pages_only_as_far_as_the_search_result_limit_and_scrolls_beyond_it()
    {
        await using var limited = await StartAsync(o => o.SearchResultLimit = 20);
        for (int i = 0; i < 25; i++) await limited.VodAsync("CreateUploadVideo", P("Title", "clip " + i, "FileName", $"{i}.mp4"));
        Assert.Equal(HttpStatusCode.OK, (await limited.VodAsync("SearchMedia", P("PageNo", "2", "PageSize", "10"))).Status);
        var beyond = await limited.VodAsync("SearchMedia", P("PageNo", "3", "PageSize", "10"));
        Assert.Equal("InvalidParameter", beyond.Code);
        Assert.Contains("only the first 20 records", (string?)beyond.Body["Message"]);

        var first = await limited.VodAsync("SearchMedia", P("PageSize", "10"));
        Assert.Equal(25, (int)first.Body["Total"]!);
        var last = await limited.VodAsync("SearchMedia", P("PageNo", "3", "PageSize", "10", "ScrollToken", (string)first.Body["ScrollToken"]!));
        Assert.Equal(5, last.Body["MediaList"]!.AsArray().Count);
    }

    [Fact]
    public async Task UpdateVideoInfos_changes_only_the_fields_given_and_lists_unknown_ids()
    {
        var ids = await RegisterAsync(("u/a.mp4", "A", "x"), ("u/b.mp4", "B", "y"));
        var cate = (long)(await _emu.VodAsync("AddCategory", P("CateName", "Films"))).Body["Category"]!["CateId"]!;
        var content = new JsonArray(
            new JsonObject { ["VideoId"] = ids[0], ["Title"] = "A2", ["CateId"] = cate },
            new JsonObject { ["VideoId"] = ids[1], ["Tags"] = "p,q" },
            new JsonObject { ["VideoId"] = "ffffffffffffffffffffffffffffffff", ["Title"] = "nobody" });
        var result = await _emu.VodAsync("UpdateVideoInfos", P("UpdateContent", content.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("ffffffffffffffffffffffffffffffff", (string?)result.Body["NonExistVideoIds"]![0]);
        Assert.Empty(result.Body["ForbiddenVideoIds"]!.AsArray());
        var infos = (await _emu.VodAsync("GetVideoInfos", P("VideoIds", ids[0] + "," + ids[1]))).Body["VideoList"]!.AsArray();
        Assert.Equal(("A2", "x", cate, "Films"), ((string)infos[0]!["Title"]!, (string)infos[0]!["Tags"]!, (long)infos[0]!["CateId"]!, (string)infos[0]!["CateName"]!));
        Assert.Equal(("B", "p,q"), ((string)infos[1]!["Title"]!, (string)infos[1]!["Tags"]!));

        var tooMany = new JsonArray(Enumerable.Range(0, 21).Select(_ => (JsonNode)new JsonObject { ["VideoId"] = ids[0] }).ToArray());
        Assert.Equal("CountExceededMax", (await _emu.VodAsync("UpdateVideoInfos", P("UpdateContent", tooMany.ToJsonString()))).Code);
        var longTitle = new JsonArray(new JsonObject { ["VideoId"] = ids[0], ["Title"] = new string('x', 129) });
        Assert.Equal("LengthExceededMax", (await _emu.VodAsync("UpdateVideoInfos", P("UpdateContent", longTitle.ToJsonString()))).Code);
        var noCategory = new JsonArray(new JsonObject { ["VideoId"] = ids[0], ["CateId"] = 42 });
        Assert.Equal("InvalidCateId.NotFound", (await _emu.VodAsync("UpdateVideoInfos", P("UpdateContent", noCategory.ToJsonString()))).Code);
    }

    [Fact]
    public async Task Categories_nest_three_levels_and_delete_with_their_subcategories()
    {
        async Task<long> Add(string name, long? parent = null)
        {
            var result = await _emu.VodAsync("AddCategory", parent == null ? P("CateName", name) : P("CateName", name, "ParentId", parent.Value.ToString()));
            Assert.True(result.Status == HttpStatusCode.OK, result.Body.ToJsonString());
            return (long)result.Body["Category"]!["CateId"]!;
        }
        long films = await Add("Films");
        _emu.Clock.Advance(TimeSpan.FromSeconds(1));
        long drama = await Add("Drama", films);
        long french = await Add("French", drama);
        long again = await Add("Films"); // names are not unique
        Assert.NotEqual(films, again);
        var tooDeep = await _emu.VodAsync("AddCategory", P("CateName", "Too deep", "ParentId", french.ToString()));
        Assert.Equal(("LevelExceededMax", HttpStatusCode.BadRequest), (tooDeep.Code, tooDeep.Status));
        Assert.Equal("InvalidCateId.NotFound", (await _emu.VodAsync("AddCategory", P("CateName", "x", "ParentId", "7"))).Code);

        var root = (await _emu.VodAsync("GetCategories", P("SortBy", "CreationTime:Asc"))).Body;
        Assert.Equal(2, (int)root["SubTotal"]!);
        var top = root["SubCategories"]!["Category"]!.AsArray();
        Assert.Equal([films, again], top.Select(c => (long)c!["CateId"]!));
        Assert.Equal(1, (int)top[0]!["SubTotal"]!);
        var dramaInfo = (await _emu.VodAsync("GetCategories", P("CateId", drama.ToString()))).Body;
        Assert.Equal(("Drama", 1, films), ((string)dramaInfo["Category"]!["CateName"]!, (int)dramaInfo["Category"]!["Level"]!, (long)dramaInfo["Category"]!["ParentId"]!));
        Assert.Equal(french, (long)dramaInfo["SubCategories"]!["Category"]![0]!["CateId"]!);

        var media = (await RegisterAsync(("k/a.mp4", "A", "")))[0];
        await _emu.VodAsync("UpdateVideoInfos", P("UpdateContent", new JsonArray(new JsonObject { ["VideoId"] = media, ["CateId"] = french }).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("DeleteCategory", P("CateId", films.ToString()))).Status);
        Assert.Equal("InvalidCateId.NotFound", (await _emu.VodAsync("GetCategories", P("CateId", french.ToString()))).Code);
        var missing = await _emu.VodAsync("DeleteCategory", P("CateId", films.ToString()));
        Assert.Equal(("InvalidCateId.NotFound", HttpStatusCode.NotFound), (missing.Code, missing.Status));
        Assert.Equal(-1, (long)(await _emu.VodAsync("GetVideoInfo", P("VideoId", media))).Body["Video"]!["CateId"]!);
    }

    [Fact]
    public async Task GetMezzanineInfo_answers_from_VODs_records_when_the_file_left_the_bucket_behind_its_back()
    {
        var id = (await RegisterAsync(("gone/file.mp4", "Gone", "")))[0];
        using (await _emu.OssAsync(HttpMethod.Delete, "media-archive", "gone/file.mp4")) { }
        var mezzanine = await _emu.VodAsync("GetMezzanineInfo", P("VideoId", id));
        Assert.Equal(HttpStatusCode.OK, mezzanine.Status);
        Assert.Equal($"https://{Location}/gone/file.mp4", (string?)mezzanine.Body["Mezzanine"]!["FileURL"]);
        Assert.Equal(5, (long)mezzanine.Body["Mezzanine"]!["Size"]!);
    }

    /// <summary>UpdateCategory (alibabacloud-go/vod-20170321): CateId and CateName required, the name at most 64 bytes.</summary>
    [Fact]
    public async Task UpdateCategory_renames_a_category_and_refuses_an_unknown_one()
    {
        var cate = (long)(await _emu.VodAsync("AddCategory", P("CateName", "Flims"))).Body["Category"]!["CateId"]!;
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("UpdateCategory", P("CateId", cate.ToString(), "CateName", "Films"))).Status);
        var read = (await _emu.VodAsync("GetCategories", P("CateId", cate.ToString()))).Body["Category"]!;
        Assert.Equal("Films", (string?)read["CateName"]);
        Assert.Equal("InvalidCateId.NotFound", (await _emu.VodAsync("UpdateCategory", P("CateId", "7", "CateName", "x"))).Code);
        Assert.Equal("InvalidParameter", (await _emu.VodAsync("UpdateCategory", P("CateId", cate.ToString(), "CateName", new string('x', 65)))).Code);
        Assert.Equal("MissingParameter", (await _emu.VodAsync("UpdateCategory", P("CateId", cate.ToString()))).Code);
    }
}
