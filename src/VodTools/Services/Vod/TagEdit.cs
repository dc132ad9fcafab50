using System.Collections.Generic;
using System.Linq;
using System;

namespace VodTools.Services.Vod
{
    /// <summary>
    /// Tags to add to each media's own and to take off (Set-VodMedia -AddTag, -RemoveTag), letter case aside, as VOD
    /// compares tags. Each list is held to VOD's tag limits when made, and the tags a media ends with when applied.
    /// </summary>
    public sealed class TagEdit
    {
        private readonly IReadOnlyList<string> _add;
        private readonly IReadOnlyList<string> _remove;

        public TagEdit(string[]? add, string[]? remove)
        {
            VodLimits.Tags(add);
            VodLimits.Tags(remove);
            _add = (add ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            _remove = remove ?? Array.Empty<string>();
        }

        /// <summary>A media's tags after the edit, as UpdateVideoInfos takes them ("" for none); a <see cref="ValidationException"/> when VOD would refuse them.</summary>
        public string ApplyTo(string? tags)
        {
            var edited = MediaQuery.SplitTags(tags).Where(t => !_remove.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            edited.AddRange(_add.Where(t => !edited.Contains(t, StringComparer.OrdinalIgnoreCase)));
            return VodLimits.Tags(edited.ToArray()) ?? string.Empty;
        }
    }
}
