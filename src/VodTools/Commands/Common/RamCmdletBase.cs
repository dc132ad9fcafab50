using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Services.Buckets;
using VodTools.Services.Oss;
using VodTools.Services;

namespace VodTools.Commands.Common
{
    /// <summary>What the RAM cmdlets share: buckets gathered from the pipeline and the authorisation service.</summary>
    public abstract class RamCmdletBase : VodCmdletBase
    {
        private readonly List<string> _buckets = new List<string>();
        private bool _invalidBucket;
        private VodAccessService? _access;

        /// <summary>Gathers bucket names across pipeline records; each invalid one is a non-terminating error.</summary>
        protected void CollectBuckets(IEnumerable<string>? buckets)
        {
            foreach (var bucket in buckets ?? Array.Empty<string>())
            {
                if (CheckItem(() => OssBucketNames.Check(bucket), bucket, out var valid)) _buckets.Add(valid);
                else _invalidBucket = true;
            }
        }

        /// <summary>
        /// The buckets gathered, distinct; null when one was invalid, as a policy without a bucket the caller named
        /// would leave VOD unable to read it.
        /// </summary>
        protected IReadOnlyList<string>? CollectedBuckets => _invalidBucket ? null : _buckets.Distinct().ToList();

        protected static bool HasCode(Exception error, string code) => error is CloudException cloud && cloud.Code == code;

        /// <summary>The authorisation steps and look-ups, run on this cmdlet's thread with its consent.</summary>
        protected VodAccessService Access => _access ??= new VodAccessService(Session.Ram, this);

        /// <summary>The distinct valid values, or a <see cref="ValidationException"/> for the first invalid one.</summary>
        protected static IReadOnlyList<string> CheckAll(IEnumerable<string> values, Func<string, string> check) => values.Select(check).Distinct().ToList();
    }
}
