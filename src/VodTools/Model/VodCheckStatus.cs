namespace VodTools.Model
{
    /// <summary>How one pre-flight check of a bucket came out.</summary>
    public enum VodCheckStatus
    {
        /// <summary>The condition holds.</summary>
        Pass,
        /// <summary>The condition could not be confirmed (a read was refused, or the API offers no way to check): look yourself.</summary>
        Warn,
        /// <summary>The condition does not hold: the migration would fail on it.</summary>
        Fail,
    }
}
