using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Services.EmulatorControl;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops an emulator started by Start-VodEmulator and takes this session off it.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "VodEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class StopVodEmulatorCommand : PSCmdlet
    {
        /// <summary>The emulator's process id. Default: the one this session's context points at.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ProcessId { get; set; }

        protected override void ProcessRecord()
        {
            var context = VodContext.Current;
            var id = ProcessId ?? context.EmulatorProcessId;
            if (id == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException("No emulator was started in this session; give -ProcessId."), ErrorIds.EmulatorNotRunning, ErrorCategory.ObjectNotFound, null));
                return;
            }
            if (!this.Confirm($"process {id}", "Stop the VodTools emulator", force: false)) return;
            if (context.Emulator != null && context.EmulatorProcessId == id)
            {
                // the session's own emulator: asked to shut down cleanly (its endpoint is known), its log removed unless it failed
                var failure = context.Emulator.StopAndTidy();
                if (failure != null) WriteWarning(failure);
                VodContext.Replace(context.WithoutEmulator());
            }
            else if (!EmulatorProcess.Kill(id.Value))
            {
                WriteVerbose($"Process {id} had already exited.");
            }
        }
    }
}
