using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using VodTools.Api.Endpoints;

using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops an emulator started by Start-VodEmulator and takes this session off it.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "VodEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class StopVodEmulatorCommand : PSCmdlet
    {
        /// <summary>Asks the session's emulator to stop cleanly (it then removes an in-memory run's temp folder); false if it did not answer.</summary>
        private static bool RequestShutdown(VodContext context)
        {
            if (context.EmulatorProcessId == null || !(context.EmulatorUrl is Uri url)) return false;
            try
            {
                using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = VodTools.Api.Http.HttpTransport.Shared.HttpClient
                    .PostAsync(new Uri(url, "/_emulator/shutdown"), null, cancel.Token).GetAwaiter().GetResult();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException || e is OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>The emulator's process id. Default: the one this session's context points at.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ProcessId { get; set; }

        protected override void ProcessRecord()
        {
            var context = VodContext.Current;
            var id = ProcessId ?? context.EmulatorProcessId;
            if (id == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException("No emulator was started in this session; give -ProcessId."), "EmulatorNotRunning", ErrorCategory.ObjectNotFound, null));
                return;
            }
            if (!ShouldProcess($"process {id}", "Stop the VodTools emulator")) return;
            try
            {
                using var process = Process.GetProcessById(id.Value);
                if (!(context.EmulatorProcessId == id && RequestShutdown(context) && process.WaitForExit(10000)))
                {
                    process.Kill();
                    process.WaitForExit(10000);
                }
            }
            catch (ArgumentException)
            {
                WriteVerbose($"Process {id} had already exited.");
            }
            if (context.EmulatorProcessId == id)
            {
                // Back to the public endpoints and the credential chain; the region stays.
                VodContext.Replace(context.WithoutEmulator());
            }
        }
    }
}
