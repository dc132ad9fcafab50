using System.Collections.Generic;
using System;
using VodTools.Api.Http;
using VodTools.Model;

namespace VodTools.Services.Vod
{
    /// <summary>What one RegisterMedia call answered.</summary>
    public sealed class RegisterMediaResult
    {
        /// <summary>One entry per file given, in the same order: the media VOD registered for it, or null when it did not.</summary>
        public IReadOnlyList<VodMedia?> Media { get; set; } = Array.Empty<VodMedia?>();
        /// <summary>
        /// One entry per file given: for a file VOD had registered before, what it kept of the earlier registration instead of
        /// what was asked (VOD does nothing further for a FileURL it knows), else null.
        /// </summary>
        public IReadOnlyList<string?> Kept { get; set; } = Array.Empty<string?>();
        /// <summary>One entry per file given: why VOD did not register it (its Media entry is null), else null.</summary>
        public IReadOnlyList<CloudException?> Refused { get; set; } = Array.Empty<CloudException?>();
        public string? RequestId { get; set; }

        /// <summary>The ErrorId of a file VOD did not register.</summary>
        public const string RefusedErrorId = "VodRegisterRefused";
    }
}
