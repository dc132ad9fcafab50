using System.Collections.Generic;
using VodTools.Model;

namespace VodTools.Services.Upload
{
    /// <summary>A file's media, new or found from an earlier run, and what to tell the user about it.</summary>
    public sealed class UploadOutcome
    {
        public UploadOutcome(VodMedia media, IReadOnlyList<string> warnings, IReadOnlyList<string> notes)
        {
            Media = media;
            Warnings = warnings;
            Notes = notes;
        }

        public VodMedia Media { get; }
        public IReadOnlyList<string> Warnings { get; }
        /// <summary>For -Verbose: what was resumed.</summary>
        public IReadOnlyList<string> Notes { get; }
    }
}
