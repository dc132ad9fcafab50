namespace VodTools.Model
{
    /// <summary>How many files went through a stage, and how fast while it ran.</summary>
    public sealed class MigrationStageRate
    {
        public MigrationStage Stage { get; set; }
        public long Files { get; set; }
        public long Failed { get; set; }
        public double FilesPerSecond { get; set; }

        public override string ToString() => $"{Stage}: {Files} ({FilesPerSecond:0.#}/s)";
    }
}
