namespace VodTools.Api.Credentials
{
    /// <summary>A region id and where it came from (for -Debug).</summary>
    public sealed class ResolvedRegion
    {
        public ResolvedRegion(string regionId, string source)
        {
            RegionId = regionId;
            Source = source;
        }

        public string RegionId { get; }

        /// <summary>E.g. <c>environment variable ALIBABA_CLOUD_REGION_ID</c>, <c>the default</c>.</summary>
        public string Source { get; }

        public override string ToString() => $"{RegionId} (from {Source})";
    }
}
