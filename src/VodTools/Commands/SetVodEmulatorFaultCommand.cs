using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Shared;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds a fault rule to a running emulator: a share of the requests it names fail, slow down or lose their answer.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodEmulatorFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PartsSet)]
    [OutputType(typeof(EmulatorFaultRule))]
    public sealed class SetVodEmulatorFaultCommand : EmulatorAdminCmdletBase
    {
        private const string PartsSet = "Parts";
        private const string RuleSet = "Rule";

        /// <summary>What happens: Status (answer an HTTP 5xx status), Error (answer an error code), Delay (wait first), Drop (close the connection before acting), Lost (act, then close the connection without the answer), Corrupt (store an OSS upload with one byte changed) or Respell (answer RegisterMedia's URLs spelled another way).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PartsSet)]
        [ValidateSet("Status", "Error", "Delay", "Drop", "Lost", "Corrupt", "Respell")]
        public string Kind { get; set; } = string.Empty;

        /// <summary>The share of the named requests it hits, from 0 to 1 (0.3 = 30 %).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PartsSet)]
        [ValidateRange(0.0, 1.0)]
        public double Probability { get; set; }

        /// <summary>The service it hits: vod, ram, sts, mts or oss. Default: every service (or the one -Action belongs to).</summary>
        [Parameter(ParameterSetName = PartsSet)]
        [ValidateSet("vod", "ram", "sts", "mts", "oss")]
        public string? Service { get; set; }

        /// <summary>The requests it hits: an RPC action (SubmitTranscodeJobs), an OSS operation (UploadPart, PutObject, GetObject) or an OSS method (GET, PUT). Default: every request of -Service.</summary>
        [Parameter(ParameterSetName = PartsSet)]
        [ValidatePattern(FaultRules.NamePattern)]
        public string? Action { get; set; }

        /// <summary>The HTTP status: for Status, 500 to 599 (default 500); for Error, 400 to 599 (default: the status the cloud answers the code with, known for Throttling.User, Throttling, ServiceUnavailable and InternalError).</summary>
        [Parameter(ParameterSetName = PartsSet)]
        [ValidateRange(400, 599)]
        public int StatusCode { get; set; }

        /// <summary>The error code an Error rule answers with, e.g. Throttling.User.</summary>
        [Parameter(ParameterSetName = PartsSet)]
        [ValidatePattern("^[A-Za-z0-9._-]+$")]
        public string? Code { get; set; }

        /// <summary>How long a Delay rule waits, in milliseconds.</summary>
        [Parameter(ParameterSetName = PartsSet)]
        [ValidateRange(0, 600000)]
        public int DelayMs { get; set; }

        /// <summary>One or more rules in the emulator's fault grammar, as Start-VodEmulator -Faults takes them, e.g. "error:0.3:Throttling.User@SubmitTranscodeJobs,lost:0.05@UploadPart".</summary>
        [Parameter(Mandatory = true, ParameterSetName = RuleSet)]
        [ValidateFaults]
        public string Rule { get; set; } = string.Empty;

        protected override void EndProcessing()
        {
            string spec = ParameterSetName == RuleSet ? Rule : Compose();
            if (!this.Confirm(EmulatorName, "Add the fault rule " + spec, force: false)) return;
            foreach (var added in Run(() => Admin.AddFaults(spec), spec)) WriteObject(added);
        }

        /// <summary>The rule the parameters describe, checked by the grammar's own parser before anything is sent.</summary>
        private string Compose()
        {
            if (Kind == "Error" && Code == null) Refuse("An Error rule needs -Code, e.g. -Code Throttling.User.");
            if (Kind == "Delay" && !MyInvocation.BoundParameters.ContainsKey(nameof(DelayMs))) Refuse("A Delay rule needs -DelayMs.");
            var kind = Kind == "Lost" ? FaultKind.LostAnswer : (FaultKind)Enum.Parse(typeof(FaultKind), Kind);
            string? target = Service != null && Action != null ? Service + "/" + Action : Action ?? Service;
            string spec = FaultRules.Compose(kind, Probability, target, StatusCode, Code, DelayMs);
            try
            {
                FaultRules.Parse(spec);
            }
            catch (ArgumentException e)
            {
                Refuse(e.Message.Substring(0, 1).ToUpperInvariant() + e.Message.Substring(1) + ".");
            }
            return spec;
        }

        private void Refuse(string message) =>
            this.ThrowParameterError(new ArgumentException(message), "InvalidFaultRule", Kind);
    }
}
