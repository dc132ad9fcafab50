using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using VodTools.Api;
using VodTools.Services.Formats;

namespace VodTools.Services.Mts
{
    /// <summary>The Media Processing (MTS 2014-06-18) operations VodTools uses: only the listing of its media buckets.</summary>
    public sealed class MtsService
    {
        /// <summary>ListAllMediaBucket's largest page (mts-20140618 ListAllMediaBucketRequest.MaximumPageSize: 1 to 100).</summary>
        public const int MaxPageSize = 100;

        private readonly RpcClient _client;

        public MtsService(RpcClient client) => _client = client;

        /// <summary>Every media bucket of the account in the endpoint's region, following NextPageToken.</summary>
        public async Task<IReadOnlyList<MtsMediaBucket>> ListMediaBucketsAsync(CancellationToken cancellationToken)
        {
            var buckets = new List<MtsMediaBucket>();
            string? token = null;
            do
            {
                var parameters = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("MaximumPageSize", MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
                if (token != null) parameters.Add(new KeyValuePair<string, string>("NextPageToken", token));
                var result = await _client.CallAsync("ListAllMediaBucket", parameters, cancellationToken).ConfigureAwait(false);
                buckets.AddRange(result.Items("MediaBucketList", "MediaBucket").Select(b => new MtsMediaBucket { Bucket = b.Str("Bucket") ?? string.Empty, Type = b.Str("Type") }));
                token = result.Str("NextPageToken");
            }
            while (!string.IsNullOrEmpty(token));
            return buckets;
        }
    }
}
