using System.Text.RegularExpressions;
using System;

namespace VodTools.Api.Endpoints
{
    /// <summary>Checks region ids, which become part of host names.</summary>
    public static class RegionId
    {
        public const string Default = "cn-shanghai";

        private static readonly Regex Pattern = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        public static bool IsValid(string? regionId) => regionId != null && Pattern.IsMatch(regionId);

        /// <summary>Throws <see cref="ArgumentException"/> naming the rule when <paramref name="regionId"/> is not a region id.</summary>
        public static string Validate(string? regionId, string parameterName)
        {
            if (!IsValid(regionId))
            {
                throw new ArgumentException(
                    $"'{regionId}' is not a region id: use lowercase letters, digits and single hyphens, e.g. {Default} or ap-southeast-1.", parameterName);
            }

            return regionId!;
        }
    }
}
