using System.Globalization;

namespace VodTools.Model
{
    /// <summary>How many files went through a stage, and how fast while it ran.</summary>
    public sealed class MigrationStageRate
    {
        /// <summary>Register, Transcode, Wait or Snapshot.</summary>
        public string Stage { get; set; } = string.Empty;
        public long Files { get; set; }
        public long Failed { get; set; }
        /// <summary>Files through the stage per second of the time it ran: from when its first file could start (the stage
        /// before done) to its last file, while a run was going. Null while no file has gone through.</summary>
        public double? FilesPerSecond { get; set; }

        /// <summary>"Wait: 152 files, 1 failed, 2.3 files/min".</summary>
        public override string ToString()
        {
            var rate = Rate(FilesPerSecond);
            return $"{Stage}: {Files} files, {Failed} failed" + (rate == null ? string.Empty : ", " + rate);
        }

        /// <summary>A rate in the unit that keeps it readable: files/s from one a second, else files/min from one a minute,
        /// else files/h (so a slow stage never reads "0 files/s"); null for none.</summary>
        public static string? Rate(double? filesPerSecond)
        {
            if (!(filesPerSecond > 0)) return null;
            var perSecond = filesPerSecond.Value;
            if (perSecond >= 1) return perSecond.ToString("0.#", CultureInfo.InvariantCulture) + " files/s";
            if (perSecond * 60 >= 1) return (perSecond * 60).ToString("0.#", CultureInfo.InvariantCulture) + " files/min";
            return (perSecond * 3600).ToString("0.##", CultureInfo.InvariantCulture) + " files/h";
        }
    }
}
