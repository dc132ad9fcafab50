using System;

namespace VodTools.Model
{
    /// <summary>Files that went through each stage in one time slice.</summary>
    public sealed class MigrationTimeSlice
    {
        public DateTime Start { get; set; }
        public double Seconds { get; set; }
        public long Registered { get; set; }
        public long Submitted { get; set; }
        public long Transcoded { get; set; }
        public long Finished { get; set; }
    }
}
