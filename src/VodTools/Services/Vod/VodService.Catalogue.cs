using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>The catalogue: SearchMedia, UpdateVideoInfos and categories (VOD API reference, Media asset management).</summary>
    public sealed partial class VodService
    {
        /// <summary>SearchMedia's largest page (GetCategories' too).</summary>
        public const int MaxSearchPage = 100;

        /// <summary>
        /// The page size of a traversal by ScrollToken: "the total number of data records from the current page to the target
        /// page cannot exceed 100" (SearchMedia's description, alibabacloud-go/vod-20170321), so reading the next page spans two
        /// pages, and pages of 100 could not go on past the first.
        /// </summary>
        public const int ScrollPageSize = 50;

        /// <summary>UpdateVideoInfos takes at most 20 media (more is CountExceededMax).</summary>
        public const int MaxUpdateBatch = 20;

        /// <summary>The root of the category tree: the parent of level-1 categories.</summary>
        public const long RootCategory = -1;

        /// <summary>VOD returns only a few basic fields unless Fields names the others; these are what VodMedia holds.</summary>
        private const string SearchFields = "Title,Status,Description,Tags,CateId,CateName,CoverURL,Duration,Size,StorageLocation,AppId,CreationTime,ModificationTime";

        /// <summary>A traversal of every media the Match expression finds (<paramref name="searchType"/> video or audio), sorted by one field.</summary>
        public MediaSearchCursor Search(string? match, string searchType, string sortBy) => new MediaSearchCursor(this, match, searchType, sortBy);

        internal Task<JsonElement> SearchMediaPageAsync(string? match, string searchType, string sortBy, int pageNo, string? scrollToken, CancellationToken cancellationToken)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                P("SearchType", searchType),
                P("Fields", SearchFields),
                P("SortBy", sortBy),
                P("PageNo", pageNo.ToString(CultureInfo.InvariantCulture)),
                P("PageSize", ScrollPageSize.ToString(CultureInfo.InvariantCulture)),
            };
            Add(parameters, "Match", match);
            Add(parameters, "ScrollToken", scrollToken);
            return _client.CallAsync("SearchMedia", parameters, cancellationToken);
        }

        /// <summary>A MediaList item: its Video (or Audio) with the item's MediaId.</summary>
        internal static VodMedia ReadSearchItem(JsonElement item)
        {
            var media = ReadVideo(item.Prop("Video") ?? item.Prop("Audio") ?? item);
            media.MediaId = item.Str("MediaId") ?? (item.Prop("Audio") ?? default).Str("AudioId") ?? media.MediaId;
            return media;
        }

        /// <summary>
        /// The source file of each media (GetMezzanineInfo, OSS URL), as many calls at a time as <paramref name="reads"/>
        /// allows, within the action's QPS budget, in the order given. Source is null when VOD no longer has the source (InvalidFile.NotFound);
        /// a media VOD no longer knows (deleted since it was found) is left out; any other failure is that media's Error.
        /// </summary>
        public async Task<IReadOnlyList<(VodMedia Media, VodMezzanine? Source, Exception? Error)>> GetSourcesAsync(
            IReadOnlyList<VodMedia> media, InFlightLimit reads, CancellationToken cancellationToken)
        {
            var lookups = media.Select(m => reads.RunAsync(async () =>
            {
                try
                {
                    return (m, (VodMezzanine?)await GetMezzanineInfoAsync(m.MediaId, "oss", null, cancellationToken).ConfigureAwait(false), (Exception?)null);
                }
                catch (CloudException e)
                {
                    return (m, null, e.Code == "InvalidFile.NotFound" ? null : (Exception?)e);
                }
            }, cancellationToken)).ToList();
            var results = await Task.WhenAll(lookups).ConfigureAwait(false);
            return results.Where(r => !(r.Item3 is CloudException { Code: "InvalidVideo.NotFound" })).ToList();
        }

        /// <summary>Up to 20 media. Setting a field to a value is the same however often it is done, so the call is retried as a read.</summary>
        public async Task<(IReadOnlyList<string> NonExistent, IReadOnlyList<string> Forbidden)> UpdateVideoInfosAsync(IReadOnlyList<MediaUpdate> updates, CancellationToken cancellationToken)
        {
            if (updates.Count == 0 || updates.Count > MaxUpdateBatch) throw new ArgumentOutOfRangeException(nameof(updates), "UpdateVideoInfos takes 1 to 20 media.");
            var content = Json.Compact(writer =>
            {
                writer.WriteStartArray();
                foreach (var u in updates)
                {
                    writer.WriteStartObject();
                    writer.WriteString("VideoId", u.MediaId);
                    if (u.Title != null) writer.WriteString("Title", u.Title);
                    if (u.Description != null) writer.WriteString("Description", u.Description);
                    if (u.Tags != null) writer.WriteString("Tags", u.Tags);
                    if (u.CoverUrl != null) writer.WriteString("CoverURL", u.CoverUrl);
                    if (u.CateId != null) writer.WriteNumber("CateId", u.CateId.Value);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            });
            var result = await _client.CallAsync("UpdateVideoInfos", new[] { P("UpdateContent", content) }, cancellationToken).ConfigureAwait(false);
            return (result.Strings("NonExistVideoIds", "VideoId").ToList(), result.Strings("ForbiddenVideoIds", "VideoId").ToList());
        }

        /// <summary>One category (GetCategories' Category); throws InvalidCateId.NotFound when VOD has none.</summary>
        public async Task<VodCategory> GetCategoryAsync(long cateId, CancellationToken cancellationToken)
        {
            var result = await CategoriesPageAsync(cateId, 1, cancellationToken).ConfigureAwait(false);
            return ReadCategory(result.Prop("Category") ?? throw new InvalidOperationException("VOD answered without the Category."));
        }

        /// <summary>Every subcategory of <paramref name="parentId"/> (the root: -1), oldest first.</summary>
        public async Task<IReadOnlyList<VodCategory>> ListSubcategoriesAsync(long parentId, CancellationToken cancellationToken)
        {
            var all = new List<VodCategory>();
            for (var page = 1; ; page++)
            {
                var result = await CategoriesPageAsync(parentId, page, cancellationToken).ConfigureAwait(false);
                var items = result.Items("SubCategories", "Category").Select(ReadCategory).ToList();
                all.AddRange(items);
                if (items.Count < MaxSearchPage || all.Count >= (result.Long("SubTotal") ?? 0)) return all;
            }
        }

        /// <summary>One category with its <see cref="VodCategory.Path"/>, read up through its parents.</summary>
        public async Task<VodCategory> GetCategoryWithPathAsync(long cateId, CancellationToken cancellationToken)
        {
            var category = await GetCategoryAsync(cateId, cancellationToken).ConfigureAwait(false);
            var path = category.CateName;
            for (var parent = category.ParentId; parent != RootCategory;)
            {
                var above = await GetCategoryAsync(parent, cancellationToken).ConfigureAwait(false);
                path = above.CateName + "/" + path;
                parent = above.ParentId;
            }
            category.Path = path;
            return category;
        }

        /// <summary>
        /// The subcategories of <paramref name="parent"/> (null: the level-1 categories), each followed by its own when
        /// <paramref name="recurse"/>, depth first, with their paths.
        /// </summary>
        public async Task<IReadOnlyList<VodCategory>> ListCategoryTreeAsync(VodCategory? parent, bool recurse, CancellationToken cancellationToken)
        {
            var tree = new List<VodCategory>();
            foreach (var child in await ListSubcategoriesAsync(parent?.CateId ?? RootCategory, cancellationToken).ConfigureAwait(false))
            {
                child.Path = parent == null ? child.CateName : parent.Path + "/" + child.CateName;
                tree.Add(child);
                if (recurse && child.SubTotal != 0) tree.AddRange(await ListCategoryTreeAsync(child, true, cancellationToken).ConfigureAwait(false));
            }
            return tree;
        }

        private Task<JsonElement> CategoriesPageAsync(long cateId, int pageNo, CancellationToken cancellationToken) =>
            _client.CallAsync("GetCategories", new[]
            {
                P("CateId", cateId.ToString(CultureInfo.InvariantCulture)),
                P("PageNo", pageNo.ToString(CultureInfo.InvariantCulture)),
                P("PageSize", MaxSearchPage.ToString(CultureInfo.InvariantCulture)),
                P("SortBy", "CreationTime:Asc"),
            }, cancellationToken);

        /// <summary>
        /// The category of this name under <paramref name="parentId"/>: the first one that exists, else a new one. VOD does
        /// not hold names unique (a repeated AddCategory makes a second category), so it looks first, and after a create whose
        /// answer was lost it looks again: a category of that name is taken as the lost create's, and only when none is there
        /// is the create sent once more. Created is false when the category existed.
        /// </summary>
        public async Task<(VodCategory Category, bool Created)> AddCategoryOnceAsync(string name, long parentId, CancellationToken cancellationToken)
        {
            var existing = await FindSubcategoryAsync(name, parentId, cancellationToken).ConfigureAwait(false);
            if (existing != null) return (existing, false);
            var parameters = new List<KeyValuePair<string, string>> { P("CateName", name) };
            if (parentId != RootCategory) parameters.Add(P("ParentId", parentId.ToString(CultureInfo.InvariantCulture)));
            for (var resent = false; ; resent = true)
            {
                try
                {
                    var result = await _client.CallUnsafeAsync("AddCategory", parameters, cancellationToken).ConfigureAwait(false);
                    return (ReadCategory(result.Prop("Category") ?? throw new InvalidOperationException("VOD answered without the Category.")), true);
                }
                catch (CloudException e) when (e.OutcomeUnknown && !resent)
                {
                    var made = await FindSubcategoryAsync(name, parentId, cancellationToken).ConfigureAwait(false);
                    if (made != null) return (made, true);
                }
            }
        }

        private async Task<VodCategory?> FindSubcategoryAsync(string name, long parentId, CancellationToken cancellationToken) =>
            (await ListSubcategoriesAsync(parentId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.CateName == name);

        /// <summary>
        /// Deletes a category and its subcategories. Deleting is the same however often it is done; when an earlier attempt's
        /// answer was lost, InvalidCateId.NotFound is that attempt's deletion, not an error.
        /// </summary>
        public async Task DeleteCategoryAsync(long cateId, CancellationToken cancellationToken)
        {
            try
            {
                await _client.CallAsync("DeleteCategory", new[] { P("CateId", cateId.ToString(CultureInfo.InvariantCulture)) }, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudException e) when (e.Code == CategoryNotFound && e.AfterUnansweredAttempt)
            {
            }
        }

        /// <summary>Renames a category (UpdateCategory). Naming it so again changes nothing, so the call is retried as a read.</summary>
        public Task RenameCategoryAsync(long cateId, string name, CancellationToken cancellationToken) =>
            _client.CallAsync("UpdateCategory", new[] { P("CateId", cateId.ToString(CultureInfo.InvariantCulture)), P("CateName", name) }, cancellationToken);

        /// <summary>VOD's code for a category id it does not know.</summary>
        public const string CategoryNotFound = "InvalidCateId.NotFound";

        private static VodCategory ReadCategory(JsonElement c) => new VodCategory
        {
            CateId = c.Long("CateId") ?? 0,
            CateName = c.Str("CateName") ?? string.Empty,
            ParentId = c.Long("ParentId") ?? RootCategory,
            Level = (int)(c.Long("Level") ?? 0),
            Type = c.Str("Type"),
            SubTotal = c.Long("SubTotal"),
        };
    }
}
