namespace VodTools.Model
{
    /// <summary>The stages of a migration, in order.</summary>
    public enum MigrationStage
    {
        List,
        Register,
        Transcode,
        Wait,
        Snapshot,
    }
}
