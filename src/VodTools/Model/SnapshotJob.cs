namespace VodTools.Model
{
    /// <summary>A submitted snapshot job.</summary>
    public sealed class SnapshotJob
    {
        public string JobId { get; set; } = string.Empty;
        public string MediaId { get; set; } = string.Empty;

        public override string ToString() => JobId;
    }
}
