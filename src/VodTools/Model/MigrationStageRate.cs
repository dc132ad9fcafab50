namespace VodTools.Model
{
    /// <summary>How many files went through a stage, and how fast while it ran.</summary>
    public sealed class MigrationStageRate
    {
        /// <summary>Register, Transcode, Wait or Snapshot.</summary>
        public string Stage { get; set; } = string.Empty;
        public long Files { get; set; }
        public long Failed { get; set; }
        public double FilesPerSecond { get; set; }

        public override string ToString() => $"{Stage}: {Files} ({FilesPerSecond:0.#}/s)";
    }
}
