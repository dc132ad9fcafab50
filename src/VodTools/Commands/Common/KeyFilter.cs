using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;

namespace VodTools.Commands.Common
{
    /// <summary>-Include and -Exclude over object keys: a key is kept when it matches one -Include wildcard (or none was given, or an empty list) and no -Exclude one, letter case aside.</summary>
    internal sealed class KeyFilter
    {
        private readonly List<WildcardPattern>? _include;
        private readonly List<WildcardPattern>? _exclude;

        public KeyFilter(IEnumerable<string>? include, IEnumerable<string>? exclude)
        {
            _include = include?.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
            if (_include?.Count == 0) _include = null;
            _exclude = exclude?.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
        }

        public bool Keeps(string key) =>
            (_include == null || _include.Any(p => p.IsMatch(key))) && (_exclude == null || !_exclude.Any(p => p.IsMatch(key)));
    }
}
