namespace VodTools.Model
{
    /// <summary>The resources of the VOD authorisation step.</summary>
    public enum VodAccessResource
    {
        Role,
        Policy,
        Attachment,
    }
}
