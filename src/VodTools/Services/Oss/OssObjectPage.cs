using System.Collections.Generic;
using VodTools.Model;

namespace VodTools.Services.Oss
{
    /// <summary>One page of a listing: objects (and common prefixes) plus the token for the next page.</summary>
    public sealed class OssObjectPage
    {
        public OssObjectPage(IReadOnlyList<OssObject> objects, string? nextContinuationToken)
        {
            Objects = objects;
            NextContinuationToken = nextContinuationToken;
        }

        public IReadOnlyList<OssObject> Objects { get; }
        /// <summary>Null on the last page.</summary>
        public string? NextContinuationToken { get; }
    }
}
