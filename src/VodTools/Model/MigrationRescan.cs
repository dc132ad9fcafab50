namespace VodTools.Model
{
    /// <summary>What a run of a migration whose listing finished lists again, to find the files added since (Invoke-VodMigration -Rescan).</summary>
    public enum MigrationRescan
    {
        /// <summary>The whole prefix again: finds new files wherever their keys sort (one list call per 1,000 keys).</summary>
        Full,
        /// <summary>Only the keys that sort after the last one listed: one call when nothing is new; finds new files only when their keys sort last (e.g. dated names).</summary>
        Tail,
        /// <summary>Nothing: the run works on the files the journal has.</summary>
        None,
    }
}
