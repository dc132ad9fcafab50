using System.IO;
using System.Management.Automation;
using System.Threading;
using System;
using VodTools.Services.EmulatorControl;

namespace VodTools.Commands.Common
{
    /// <summary>What the cmdlets that steer a running emulator share (faults, reset, state): which emulator (-EmulatorUrl, else
    /// the one this session started), Ctrl+C that cancels the call, and one error for an emulator that is not there.</summary>
    public abstract class EmulatorAdminCmdletBase : PSCmdlet, IDisposable
    {
        /// <summary>Failures of an admin call the emulator refused (its message says why).</summary>
        public const string EmulatorRefused = "EmulatorRefused";

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private EmulatorAdmin? _admin;

        /// <summary>The emulator's base URL, e.g. the Url of what Start-VodEmulator returned. Default: the emulator this session started.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Url")]
        public Uri? EmulatorUrl { get; set; }

        /// <summary>The emulator as a question or a What if line names it.</summary>
        protected string EmulatorName => EmulatorUrl?.ToString() ?? "the session's emulator";

        /// <summary>The emulator's admin endpoints; ends the cmdlet when no emulator is named and the session has none running.</summary>
        internal EmulatorAdmin Admin => _admin ??= OpenAdmin();

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }

        private EmulatorAdmin OpenAdmin()
        {
            var emulator = VodContext.Current.Emulator;
            var url = EmulatorUrl ?? (emulator != null && emulator.IsRunning ? emulator.Url : null);
            if (url == null)
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("No emulator is running in this session: start one with Start-VodEmulator, or give -EmulatorUrl."),
                    ErrorIds.EmulatorNotRunning, ErrorCategory.ResourceUnavailable, null));
            return new EmulatorAdmin(url!, _stop.Token);
        }

        /// <summary>Runs an admin call that answers nothing, as <see cref="Run{T}"/> does.</summary>
        protected void Run(Action call, object? target) => Run(() => { call(); return true; }, target);

        /// <summary>Runs an admin call; an emulator that does not answer or refuses, or a file that cannot be read or
        /// written, ends the cmdlet with a stable ErrorId.</summary>
        protected T Run<T>(Func<T> call, object? target)
        {
            try
            {
                return call();
            }
            catch (EmulatorAdminException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.Unreachable ? ErrorIds.EmulatorNotRunning : EmulatorRefused,
                    e.Unreachable ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidArgument, target));
                throw;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "EmulatorStateFileError", ErrorCategory.WriteError, target));
                throw;
            }
        }
    }
}
