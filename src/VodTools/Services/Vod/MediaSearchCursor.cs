using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>
    /// Reads every result of one SearchMedia query, a page of 50 at a time, by its ScrollToken: the first call without one,
    /// each next with the token the last answer gave and the next page number, so a traversal is not held to the first 5,000
    /// records that paging alone reaches. A page is read only when asked for.
    /// </summary>
    public sealed class MediaSearchCursor
    {
        private readonly VodService _vod;
        private readonly string? _match;
        private readonly string _searchType;
        private readonly string _sortBy;
        private string? _scrollToken;
        private int _pageNo;
        private long _read;
        private bool _done;

        internal MediaSearchCursor(VodService vod, string? match, string searchType, string sortBy)
        {
            _vod = vod;
            _match = match;
            _searchType = searchType;
            _sortBy = sortBy;
        }

        /// <summary>How many results VOD counts for the query (known after the first page).</summary>
        public long? Total { get; private set; }

        /// <summary>The next page of media, or null after the last.</summary>
        public async Task<IReadOnlyList<VodMedia>?> NextPageAsync(CancellationToken cancellationToken)
        {
            if (_done) return null;
            _pageNo++;
            var result = await _vod.SearchMediaPageAsync(_match, _searchType, _sortBy, _pageNo, _scrollToken, cancellationToken).ConfigureAwait(false);
            Total = result.Long("Total");
            _scrollToken = result.Str("ScrollToken") ?? _scrollToken;
            var media = result.Items("MediaList").Select(VodService.ReadSearchItem).ToList();
            _read += media.Count;
            _done = media.Count < VodService.ScrollPageSize || (Total != null && _read >= Total) || _scrollToken == null;
            return media;
        }
    }
}
