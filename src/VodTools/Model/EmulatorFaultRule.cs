namespace VodTools.Model
{
    /// <summary>A fault rule in force in the emulator (Get-VodEmulatorFault, Set-VodEmulatorFault).</summary>
    public sealed class EmulatorFaultRule
    {
        /// <summary>The rule's id in the emulator (Clear-VodEmulatorFault -Id); never reused while it runs.</summary>
        public int Id { get; set; }
        /// <summary>The rule as the emulator's fault grammar writes it, e.g. error:0.3:Throttling.User@SubmitTranscodeJobs.</summary>
        public string Rule { get; set; } = string.Empty;
        /// <summary>Status, Error, Delay, Drop, LostAnswer, Corrupt or Respell.</summary>
        public string Kind { get; set; } = string.Empty;
        public double Probability { get; set; }
        /// <summary>The action, service, OSS method or operation (or SERVICE/NAME) it hits; null = every request.</summary>
        public string? Target { get; set; }
        /// <summary>The HTTP status it answers with (Status and Error rules).</summary>
        public int? StatusCode { get; set; }
        /// <summary>The error code it answers with (Error rules).</summary>
        public string? Code { get; set; }
        /// <summary>How long it delays (Delay rules).</summary>
        public int? DelayMs { get; set; }
        /// <summary>How many requests it has hit so far.</summary>
        public long Hits { get; set; }

        public override string ToString() => Rule;
    }
}
