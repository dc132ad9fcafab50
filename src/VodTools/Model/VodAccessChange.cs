namespace VodTools.Model
{
    /// <summary>One resource of the authorisation step and what was done to it (Initialize-VodBucketAccess).</summary>
    public sealed class VodAccessChange
    {
        public VodAccessChange(VodAccessResource resource, string name, VodAccessAction action, string detail)
        {
            Resource = resource;
            Name = name;
            Action = action;
            Detail = detail;
        }

        public VodAccessResource Resource { get; }
        /// <summary>The role or policy name; for an attachment <c>&lt;role&gt;/&lt;policy&gt;</c>.</summary>
        public string Name { get; }
        public VodAccessAction Action { get; }
        /// <summary>A sentence on what was found or changed, e.g. the new policy version.</summary>
        public string Detail { get; }

        public override string ToString() => $"{Resource} {Name}: {Action}";
    }
}
