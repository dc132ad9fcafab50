namespace VodTools.Api.Endpoints
{
    /// <summary>The services VodTools calls.</summary>
    public enum CloudService
    {
        Vod,
        Ram,
        Sts,
        Oss,
    }
}
