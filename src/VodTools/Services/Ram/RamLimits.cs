using System.Text.RegularExpressions;

namespace VodTools.Services.Ram
{
    /// <summary>RAM's documented name and size limits (alibabacloud-go/ram-20150501 models; RAM "Limits"), checked locally before any call.</summary>
    public static class RamLimits
    {
        public const int RoleNameLength = 64;
        public const int PolicyNameLength = 128;
        public const int DescriptionLength = 1024;
        public const int PolicyDocumentLength = 6144;

        private static readonly Regex RoleNameChars = new Regex("^[A-Za-z0-9.-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex PolicyNameChars = new Regex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex ServicePrincipalForm = new Regex(@"^[a-z0-9][a-z0-9.-]*\.aliyuncs\.com$", RegexOptions.CultureInvariant);

        /// <summary>1–64 characters: letters, digits, '.' and '-'.</summary>
        public static string RoleName(string roleName)
        {
            if (roleName.Length == 0 || roleName.Length > RoleNameLength || !RoleNameChars.IsMatch(roleName))
                throw new ValidationException("RamRoleNameInvalid", $"'{roleName}' is not a RAM role name: 1 to {RoleNameLength} letters, digits, '.' or '-'.", "RoleName");
            return roleName;
        }

        /// <summary>1–128 characters: letters, digits and '-'.</summary>
        public static string PolicyName(string policyName)
        {
            if (policyName.Length == 0 || policyName.Length > PolicyNameLength || !PolicyNameChars.IsMatch(policyName))
                throw new ValidationException("RamPolicyNameInvalid", $"'{policyName}' is not a RAM policy name: 1 to {PolicyNameLength} letters, digits or '-'.", "PolicyName");
            return policyName;
        }

        public static string? Description(string? description)
        {
            if (description != null && (description.Length == 0 || description.Length > DescriptionLength))
                throw new ValidationException("RamDescriptionInvalid", $"A RAM description has 1 to {DescriptionLength} characters; this one has {description.Length}.", "Description");
            return description;
        }

        public static string PolicyDocument(string document)
        {
            if (document.Length > PolicyDocumentLength)
                throw new ValidationException("RamPolicyDocumentTooLong", $"The policy document has {document.Length} characters; RAM allows {PolicyDocumentLength}. Name fewer buckets.", "PolicyDocument");
            return document;
        }

        /// <summary>Service principals have the form <c>&lt;service-code&gt;.aliyuncs.com</c>.</summary>
        public static string ServicePrincipal(string principal) => ServicePrincipalForm.IsMatch(principal) ? principal
            : throw new ValidationException("RamServicePrincipalInvalid", $"'{principal}' is not a service principal of the form <service>.aliyuncs.com, e.g. mts.aliyuncs.com.", "ServicePrincipal");
    }
}
