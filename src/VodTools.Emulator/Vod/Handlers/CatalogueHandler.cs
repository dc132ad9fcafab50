using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VodTools.Emulator.Rpc;

namespace VodTools.Emulator.Vod;

/// <summary>
/// The catalogue: SearchMedia, UpdateVideoInfos and media categories. Shapes, limits and codes from the VOD API reference
/// (AlibabaCloudDocs/vod@14c603a "API Reference/Media asset management": SearchMedia.md, UpdateVideoInfos.md, AddCategory.md,
/// GetCategories.md, DeleteCategory.md) and the Go SDK models (alibabacloud-go/vod-20170321@1534907 client/*_model.go).
/// </summary>
/// <param name="searchResultLimit">how many records SearchMedia pages without a ScrollToken (--search-result-limit; the
/// cloud's 5,000: "You can use the PageNo and PageSize parameters to traverse up to 5,000 data records")</param>
internal sealed class CatalogueHandler(VodState state, VodMedia media, JobDuration jobs, int searchResultLimit)
{
    /// <summary>SearchMedia's limit without a ScrollToken in the cloud.</summary>
    public const int CloudSearchResultLimit = 5000;
    private const int MaxSearchPage = 100;
    /// <summary>With a ScrollToken, "the total number of data records from the current page to the target page cannot exceed
    /// 100" (SearchMedia's description, alibabacloud-go/vod-20170321 client.go: with PageSize 20, from PageNo 1 pages 1 to 5
    /// can be read, from PageNo 2 pages 2 to 6): the window runs from the first record of the current page to the last of
    /// the target page.</summary>
    private const int MaxScrollWindow = 100;
    private const int MaxUpdateBatch = 20;
    private const int MaxTagBytes = 32;
    private const int CategoryNameBytes = 64;
    private const int MaxCategoryLevel = 2; // three levels: 0, 1, 2
    private const int MaxSubcategories = 100;
    /// <summary>How long an unused scroll lives. The cloud's figure is not published; InvalidScrollToken.Expired is its code.</summary>
    private static readonly TimeSpan ScrollLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A search traversed with a ScrollToken: its result ids fixed when it began, and where its current page starts.</summary>
    private sealed class Scroll(List<string> ids, DateTimeOffset used)
    {
        public List<string> Ids { get; } = ids;
        /// <summary>The index of the first record of the page read last (the current page).</summary>
        public int CurrentPageStart { get; set; }
        public DateTimeOffset Used { get; set; } = used;
    }

    private readonly ConcurrentDictionary<string, Scroll> _scrolls = new(StringComparer.Ordinal);

    public JsonObject SearchMedia(RpcCall call)
    {
        string searchType = call.Optional("SearchType") ?? "video";
        if (searchType is not ("video" or "audio" or "image" or "attached")) throw RpcException.Invalid("SearchType");
        int pageNo = call.Int("PageNo", 1, min: 1);
        int pageSize = call.Int("PageSize", 10, min: 1, max: MaxSearchPage);
        var sort = SortOrder(call.Optional("SortBy") ?? "CreationTime:Desc");
        string? token = call.Optional("ScrollToken");
        int start = (pageNo - 1) * pageSize;
        List<string> ids;
        Scroll? scroll = null;
        if (token != null)
        {
            if (sort.Count > 1) throw new RpcException(400, "SortByExceededMax", "The SortBy parameter only supports one sort field when traversing all data.");
            if (!_scrolls.TryGetValue(token, out scroll) || call.Now - scroll.Used > ScrollLifetime)
                throw new RpcException(400, "InvalidScrollToken.Expired", "The ScrollToken is expired, please refresh it.");
            if (start + pageSize - scroll.CurrentPageStart > MaxScrollWindow)
                throw RpcException.Invalid("PageNo", $"With a ScrollToken the records from the current page to the target page may not exceed {MaxScrollWindow}.");
            ids = scroll.Ids;
        }
        else
        {
            if (start + pageSize > searchResultLimit)
                throw RpcException.Invalid("PageNo", $"Without a ScrollToken only the first {searchResultLimit} records can be paged; use ScrollToken to traverse all.");
            var predicate = SearchMatch.Parse(call.Optional("Match"), searchType);
            var docs = SearchDocs(call.Now).Where(d => d.MediaType == searchType && predicate(d));
            ids = Sorted(docs, sort).Select(d => d.Id).ToList();
            if (searchType is "video" or "audio")
            {
                ForgetIdleScrolls(call.Now);
                token = RpcCall.NewId(); // 32 characters, as the cloud's
                _scrolls[token] = scroll = new Scroll(ids, call.Now);
            }
        }
        var page = ids.Skip(start).Take(pageSize).Select(state.FindVideo).OfType<Video>().ToList();
        if (scroll != null)
        {
            scroll.CurrentPageStart = start;
            scroll.Used = call.Now;
        }
        var fields = new HashSet<string>((call.Optional("Fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var result = new JsonObject
        {
            ["Total"] = ids.Count,
            ["MediaList"] = new JsonArray(page.Select(v => (JsonNode)SearchItem(v, call.Now, fields)).ToArray()),
        };
        if (token != null) result["ScrollToken"] = token;
        return result;
    }

    private static List<(string Field, bool Descending)> SortOrder(string sortBy)
    {
        var order = new List<(string, bool)>();
        foreach (var part in sortBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2 || !SearchMatch.SortFields.Contains(pieces[0]) || pieces[1] is not ("Asc" or "Desc")) throw RpcException.Invalid("SortBy");
            order.Add((pieces[0], pieces[1] == "Desc"));
        }
        if (order.Count is 0 or > 3) throw RpcException.Invalid("SortBy", "Give one to three sort fields.");
        return order;
    }

    private static IEnumerable<SearchDoc> Sorted(IEnumerable<SearchDoc> docs, List<(string Field, bool Descending)> sort)
    {
        IOrderedEnumerable<SearchDoc>? ordered = null;
        foreach (var (field, descending) in sort)
        {
            Func<SearchDoc, DateTimeOffset> key = field == "CreationTime" ? d => d.Video.CreationTime : d => d.Video.ModificationTime;
            ordered = ordered == null
                ? (descending ? docs.OrderByDescending(key) : docs.OrderBy(key))
                : (descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key));
        }
        return ordered!.ThenBy(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Every media as the search index sees it; tasks are read once, not once per media.</summary>
    private IEnumerable<SearchDoc> SearchDocs(DateTimeOffset now)
    {
        var latestTasks = state.Tasks().GroupBy(t => t.VideoId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.CreationTime).Last(), StringComparer.Ordinal);
        foreach (var video in state.Videos())
        {
            var source = media.SourceOf(video);
            yield return new SearchDoc(video, video.MediaType, video.StatusAt(now, source != null, latestTasks.GetValueOrDefault(video.VideoId), jobs),
                source?.Size ?? 0, VodMedia.DurationOf(source?.Size ?? 0));
        }
    }

    private void ForgetIdleScrolls(DateTimeOffset now)
    {
        foreach (var (token, scroll) in _scrolls)
            if (now - scroll.Used > ScrollLifetime) _scrolls.TryRemove(token, out _);
    }

    /// <summary>One MediaList item: the basic fields of the response examples, and the others when Fields names them.</summary>
    private JsonObject SearchItem(Video v, DateTimeOffset now, HashSet<string> fields)
    {
        string type = v.MediaType;
        var full = media.Json(v, now, snapshotsAsArray: true);
        var item = new JsonObject();
        foreach (var (name, value) in full)
        {
            if (name is "VideoId" or "Title" or "Status" or "CoverURL" or "CreationTime" or "ModificationTime" || fields.Contains(name))
                item[type == "audio" && name == "VideoId" ? "AudioId" : name] = value?.DeepClone();
        }
        return new JsonObject
        {
            ["MediaId"] = v.VideoId,
            ["MediaType"] = type,
            ["CreationTime"] = RpcCall.Time(v.CreationTime),
            [type == "audio" ? "Audio" : "Video"] = item,
        };
    }

    /// <summary>Up to 20 media; only the fields given change. Unknown ids come back in NonExistVideoIds.</summary>
    public JsonObject UpdateVideoInfos(RpcCall call)
    {
        if (call.Json("UpdateContent") is not JsonArray items || items.Count == 0) throw RpcException.Invalid("UpdateContent", "It must be a JSON array.");
        if (items.Count > MaxUpdateBatch) throw new RpcException(400, "CountExceededMax", $"The count of UpdateContent has exceeded {MaxUpdateBatch}.");
        var missing = new JsonArray();
        var updates = new List<(Video Video, JsonObject Item)>();
        foreach (var node in items)
        {
            if (node is not JsonObject item || item["VideoId"]?.ToString() is not { Length: > 0 } id) throw RpcException.Invalid("UpdateContent", "Every item needs a VideoId.");
            CheckInfo(item["Title"]?.ToString(), item["Description"]?.ToString(), item["Tags"]?.ToString());
            if (item["CateId"] is { } cate) RequireCategory(long.TryParse(cate.ToString(), out long c) ? c : throw RpcException.Invalid("CateId"));
            if (state.FindVideo(id) is { } video) updates.Add((video, item));
            else missing.Add(id);
        }
        foreach (var (video, item) in updates)
        {
            // a field "is updated only when a new value is passed" (UpdateVideoInfos): an empty title is taken as none
            video.Title = item["Title"]?.ToString() is { Length: > 0 } title ? title : video.Title;
            video.Description = item["Description"]?.ToString() ?? video.Description;
            video.Tags = item["Tags"]?.ToString() ?? video.Tags;
            video.CoverURL = item["CoverURL"]?.ToString() ?? video.CoverURL;
            if (item["CateId"] is { } cate) video.CateId = long.Parse(cate.ToString(), CultureInfo.InvariantCulture);
            video.ModificationTime = call.Now;
            state.Save(video);
        }
        return new JsonObject { ["NonExistVideoIds"] = missing, ["ForbiddenVideoIds"] = new JsonArray() };
    }

    /// <summary>The limits UpdateVideoInfo documents (title 128 bytes, description 1,024, at most 16 tags of 32 bytes), with its
    /// codes.</summary>
    private static void CheckInfo(string? title, string? description, string? tags)
    {
        if (title != null && !Video.TitleFits(title)) throw Video.TitleTooLong();
        if (description != null && !Video.DescriptionFits(description)) throw Video.DescriptionTooLong();
        if (tags == null) return;
        if (!Video.TagsFit(tags)) throw Video.TooManyTags();
        if (tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(t => Encoding.UTF8.GetByteCount(t) > MaxTagBytes))
            throw new RpcException(400, "LengthExceededMax", $"The length of Tag has exceeded {MaxTagBytes} bytes.");
    }

    private Category RequireCategory(long id) => state.FindCategory(id) ?? throw new RpcException(404, "InvalidCateId.NotFound", "The CateId not exist.");

    private List<Category> ChildrenOf(long parentId, string type) =>
        state.Categories().Where(c => c.ParentId == parentId && c.Type == type).ToList();

    private JsonObject CategoryJson(Category c, bool withSubTotal)
    {
        var json = new JsonObject { ["CateId"] = c.CateId, ["CateName"] = c.CateName, ["Level"] = c.Level, ["ParentId"] = c.ParentId, ["Type"] = c.Type };
        if (withSubTotal) json["SubTotal"] = ChildrenOf(c.CateId, c.Type).Count;
        return json;
    }

    private static string CategoryType(RpcCall call) =>
        call.Optional("Type") is { } type ? (type is "default" or "material" ? type : throw RpcException.Invalid("Type")) : "default";

    /// <summary>A category (CateId -1: the root) and one page of its subcategories, newest first by default.</summary>
    public JsonObject GetCategories(RpcCall call)
    {
        long id = long.TryParse(call.Optional("CateId") ?? "-1", NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : throw RpcException.Invalid("CateId");
        string type = CategoryType(call);
        int pageNo = call.Int("PageNo", 1, min: 1);
        int pageSize = call.Int("PageSize", 10, min: 1, max: 100);
        string sortBy = call.Optional("SortBy") ?? "CreationTime:Desc";
        if (sortBy is not ("CreationTime:Desc" or "CreationTime:Asc")) throw RpcException.Invalid("SortBy");
        var self = id == -1 ? null : RequireCategory(id);
        var children = ChildrenOf(id, self?.Type ?? type);
        var ordered = sortBy == "CreationTime:Asc" ? children.OrderBy(c => c.CreationTime).ThenBy(c => c.CateId) : children.OrderByDescending(c => c.CreationTime).ThenByDescending(c => c.CateId);
        var result = new JsonObject
        {
            ["SubTotal"] = children.Count,
            ["SubCategories"] = new JsonObject { ["Category"] = new JsonArray(ordered.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(c => (JsonNode)CategoryJson(c, withSubTotal: true)).ToArray()) },
        };
        if (self != null) result["Category"] = CategoryJson(self, withSubTotal: false);
        return result;
    }

    /// <summary>CateName: "The value can be up to 64 bytes in length" (AddCategoryRequest, UpdateCategoryRequest).</summary>
    private static string CategoryName(RpcCall call)
    {
        string name = call.Required("CateName");
        return Encoding.UTF8.GetByteCount(name) <= CategoryNameBytes ? name : throw RpcException.Invalid("CateName", $"At most {CategoryNameBytes} bytes.");
    }

    /// <summary>Creates a category under ParentId (-1: a level-1 category). Names are not unique: a repeat makes a second one.</summary>
    public JsonObject AddCategory(RpcCall call)
    {
        string name = CategoryName(call);
        string type = CategoryType(call);
        // ParentId "is required when you set Type to material": level-1 material categories are VOD's own (AddCategoryRequest)
        if (type == "material" && call.Optional("ParentId") == null) throw RpcException.Missing("ParentId");
        long parentId = long.TryParse(call.Optional("ParentId") ?? "-1", NumberStyles.Integer, CultureInfo.InvariantCulture, out long p) ? p : throw RpcException.Invalid("ParentId");
        return state.Atomically(() =>
        {
            var parent = parentId == -1 ? null : RequireCategory(parentId);
            int level = parent == null ? 0 : parent.Level + 1;
            if (level > MaxCategoryLevel) throw new RpcException(400, "LevelExceededMax", "The level of categories exceeded maximum.");
            if (ChildrenOf(parentId, parent?.Type ?? type).Count >= MaxSubcategories)
                throw new RpcException(400, "SubTotalExceededMax", "The total of sub categories exceeded maximum.");
            var category = new Category
            {
                CateId = state.NextCategoryId(),
                CateName = name,
                ParentId = parentId,
                Level = level,
                Type = parent?.Type ?? type,
                CreationTime = call.Now,
            };
            state.Save(category);
            return new JsonObject { ["Category"] = CategoryJson(category, withSubTotal: false) };
        });
    }

    /// <summary>Renames a category (UpdateCategory: CateId and CateName, both required; the answer is only the RequestId).</summary>
    public JsonObject UpdateCategory(RpcCall call)
    {
        long id = long.TryParse(call.Required("CateId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : throw RpcException.Invalid("CateId");
        string name = CategoryName(call);
        state.Atomically(() =>
        {
            var category = RequireCategory(id);
            category.CateName = name;
            state.Save(category);
            return true;
        });
        return [];
    }

    /// <summary>Deletes a category with its subcategories; media in them lose their category.</summary>
    public JsonObject DeleteCategory(RpcCall call)
    {
        long id = long.TryParse(call.Required("CateId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : throw RpcException.Invalid("CateId");
        state.Atomically(() =>
        {
            var doomed = new HashSet<long> { RequireCategory(id).CateId };
            var all = state.Categories();
            for (int added = 1; added > 0;)
            {
                var more = all.Where(c => doomed.Contains(c.ParentId) && !doomed.Contains(c.CateId)).ToList();
                foreach (var c in more) doomed.Add(c.CateId);
                added = more.Count;
            }
            foreach (var c in doomed) state.RemoveCategory(c);
            foreach (var video in state.Videos().Where(v => doomed.Contains(v.CateId)))
            {
                video.CateId = -1;
                state.Save(video);
            }
            return true;
        });
        return [];
    }
}
