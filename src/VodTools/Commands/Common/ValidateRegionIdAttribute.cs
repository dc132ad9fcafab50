using System.Management.Automation;
using System.Text.RegularExpressions;

namespace VodTools.Commands.Common
{
    /// <summary>A region id as the cloud writes them (lowercase letters, digits and hyphens), refused in words, not as a pattern.</summary>
    public sealed class ValidateRegionIdAttribute : ValidateArgumentsAttribute
    {
        private static readonly Regex Shape = new Regex("^[a-z0-9][a-z0-9-]*[a-z0-9]$", RegexOptions.CultureInvariant);

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is string region && Shape.IsMatch(region)) return;
            throw new ValidationMetadataException(
                $"'{arguments}' is not a region id: use the cloud's lowercase form, such as cn-shanghai or ap-southeast-1.");
        }
    }
}
