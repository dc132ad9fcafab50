namespace VodTools.Api.Endpoints
{
    /// <summary>The services VodTools calls.</summary>
    public enum CloudService
    {
        Vod,
        Ram,
        Sts,
        /// <summary>Media Processing (MPS), whose API is named MTS: VodTools only reads its media buckets.</summary>
        Mts,
        Oss,
    }
}
