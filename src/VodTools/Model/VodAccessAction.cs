namespace VodTools.Model
{
    /// <summary>What Initialize-VodBucketAccess did to one resource.</summary>
    public enum VodAccessAction
    {
        Created,
        Updated,
        Unchanged,
    }
}
