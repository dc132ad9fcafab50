using System.Collections.Generic;
using System.Linq;
using System;

namespace VodTools.Services.Ram
{
    /// <summary>The OSS buckets a policy document grants <c>oss:*</c> on.</summary>
    public sealed class OssGrants
    {
        public OssGrants(bool allBuckets, IReadOnlyList<string> buckets)
        {
            AllBuckets = allBuckets;
            Buckets = buckets;
        }

        /// <summary>Every bucket (<c>oss:*</c> on <c>*</c>, as the policy of VOD's guide grants).</summary>
        public bool AllBuckets { get; }

        /// <summary>The buckets named one by one (empty when <see cref="AllBuckets"/>).</summary>
        public IReadOnlyList<string> Buckets { get; }

        public bool Covers(string bucket) => AllBuckets || Buckets.Contains(bucket, StringComparer.Ordinal);

        public override string ToString() => AllBuckets ? "all of OSS" : Buckets.Count == 0 ? "no bucket" : string.Join(", ", Buckets);
    }
}
