using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.EmulatorControl;
using VodTools.Shared;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts the local emulator of RAM, STS, VOD and OSS and points this session at it.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VodEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = "Default")]
    [OutputType(typeof(EmulatorInstance))]
    public sealed class StartVodEmulatorCommand : PSCmdlet
    {
        /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Where the emulator keeps its state (SQLite and object bodies), a folder taken as written (no wildcards). Default: the VodTools/emulator folder under LocalApplicationData (~/.local/share on Linux).</summary>
        [Parameter]
        public string? DataPath { get; set; }

        /// <summary>Keep nothing after the emulator stops.</summary>
        [Parameter]
        public SwitchParameter InMemory { get; set; }

        /// <summary>Create the bucket media-archive with a few hundred sample media keys.</summary>
        [Parameter]
        public SwitchParameter SeedSample { get; set; }

        /// <summary>A folder of files to put in the emulator, taken as written (no wildcards): each becomes an object of -Bucket, its key the file's path relative to the folder with '/' separators (an object already there under that key is replaced). Works with -InMemory too.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Seed")]
        public string? SeedPath { get; set; }

        /// <summary>The bucket -SeedPath fills (created in cn-shanghai if missing).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Seed")]
        [ValidateBucketName]
        public string? Bucket { get; set; }

        /// <summary>off (default) or real: enforce VOD's per-action QPS limits and answer excess with Throttling.User.</summary>
        [Parameter]
        [ValidateSet("off", "real")]
        public string Quota { get; set; } = "off";

        /// <summary>Failures to inject, e.g. "error:0.3:Throttling.User@SubmitTranscodeJobs,lost:0.05@UploadPart,503:0.05,delay:0.2:1500" (comma-separated KIND:P[:ARG][@TARGET]; P from 0 to 1; KIND is a 5xx status, error:P:CODE[:STATUS], delay:P:MS, drop, lost = acted on and answer withheld, corrupt = an OSS upload stored with one byte changed, respell = RegisterMedia answers its FileURLs spelled another way; TARGET = an RPC action, vod/ram/sts/mts/oss, an OSS method or operation, or SERVICE/NAME). Checked before the emulator starts; Set-VodEmulatorFault changes them while it runs.</summary>
        [Parameter]
        [ValidateFaults]
        public string? Faults { get; set; }

        /// <summary>The seed of the emulator's random fault draws, 0 or more: the same seed draws the same faults again for requests that come in the same order, so a run that failed by chance can be repeated. Default: one the emulator picks and writes to its log (LogPath) and to faultSeed in its /_emulator/stats.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? FaultSeed { get; set; }

        /// <summary>How many records VOD's SearchMedia (Find-VodMedia) pages through without a scroll, 1 to 5000, so a rehearsal reaches that limit with fewer media. Default: 5000, the cloud's.</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int? SearchResultLimit { get; set; }

        /// <summary>The code of OSS's 403 for a bucket asked at another region's endpoint: PermanentRedirect (the default, as OSS's current reference lists it) or AccessDenied (as its older pages did), to rehearse either.</summary>
        [Parameter]
        [ValidateSet("PermanentRedirect", "AccessDenied")]
        public string? WrongEndpointCode { get; set; }

        /// <summary>How long a simulated transcode or snapshot job runs, in seconds. Default 5.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public double TranscodeSeconds { get; set; } = 5;

        /// <summary>Play a distant region: every request takes this many milliseconds more (half before the emulator acts on it, half before its answer), and every new connection as much again, as a round trip to a far region costs. 0 to 10000; default 0 (loopback). The delay is a round trip, not a narrower link: bytes still move at loopback speed.</summary>
        [Parameter]
        [ValidateRange(0, 10000)]
        public int LatencyMs { get; set; }

        /// <summary>Cap, in seconds, on the lifetime of the STS tokens the emulator issues, to rehearse credential refresh (the cloud issues at least 900 s). Default: as asked.</summary>
        [Parameter]
        [ValidateRange(1, 43200)]
        public int? StsTokenSeconds { get; set; }

        /// <summary>Let everything through, as a playground: RAM policies are not enforced, files register from any bucket, transcoding needs no role, and a bucket answers at any region's endpoint. By default the emulator refuses these as the cloud does, so a rehearsal catches a forgotten step.</summary>
        [Parameter]
        public SwitchParameter Lenient { get; set; }

        /// <summary>Seconds after which VOD's upload credentials stop working, though they still say they last 3000 s, to rehearse an upload whose credentials OSS refuses mid-way (403 SecurityTokenExpired, as a client whose clock runs behind sees). Default: they work as long as they say.</summary>
        [Parameter]
        [ValidateRange(1, 3000)]
        public int? UploadAuthSeconds { get; set; }

        /// <summary>The region the session uses against the emulator. Default cn-shanghai, where the sample bucket is.</summary>
        [Parameter]
        [ValidateRegionId]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string Region { get; set; } = "cn-shanghai";

        /// <summary>The emulator's VodTools.Emulator.dll, or its folder, taken as written (no wildcards). Default: the copy shipped in the module folder.</summary>
        [Parameter]
        [Alias("Path")]
        [ValidateNotNullOrEmpty]
        public string? EmulatorPath { get; set; }

        /// <summary>Seconds to wait for the emulator to answer. Default 60.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        [Alias("StartTimeoutSec")]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>Keep the emulator running after this PowerShell ends (by default it ends with the session that started it). Stop it with Stop-VodEmulator -ProcessId.</summary>
        [Parameter]
        public SwitchParameter Detach { get; set; }

        protected override void EndProcessing()
        {
            var dll = Run(() => EmulatorProcess.FindDll(EmulatorPath == null ? null : GetUnresolvedProviderPathFromPSPath(EmulatorPath),
                MyInvocation.MyCommand.Module?.ModuleBase ?? System.IO.Path.GetDirectoryName(typeof(StartVodEmulatorCommand).Assembly.Location)!));
            var settings = new EmulatorSettings
            {
                Port = Port, InMemory = InMemory, SeedSample = SeedSample, Quota = Quota, Faults = Faults, FaultSeed = FaultSeed, SearchResultLimit = SearchResultLimit, WrongEndpointCode = WrongEndpointCode,
                TranscodeSeconds = TranscodeSeconds, LatencyMs = LatencyMs, StsTokenSeconds = StsTokenSeconds, Lenient = Lenient, UploadAuthSeconds = UploadAuthSeconds,
                ParentProcessId = Detach ? null : (int?)System.Diagnostics.Process.GetCurrentProcess().Id,
            };
            if (DataPath != null) settings.DataDir = GetUnresolvedProviderPathFromPSPath(DataPath);
            if (SeedPath != null)
            {
                settings.SeedDir = GetUnresolvedProviderPathFromPSPath(SeedPath);
                settings.SeedBucket = Bucket;
                if (!System.IO.Directory.Exists(settings.SeedDir))
                    ThrowTerminatingError(new ErrorRecord(new System.IO.DirectoryNotFoundException($"There is no folder {settings.SeedDir} to seed the emulator from."), "SeedPathNotFound", ErrorCategory.ObjectNotFound, settings.SeedDir));
            }

            // One emulator per session: the one already running is reused when it was started the same way, else
            // replaced (it would hold the data folder, and the session can point at one emulator only).
            var context = VodContext.Current;
            var earlier = context.Emulator != null && context.Emulator.IsRunning ? context.Emulator : null;
            if (earlier != null && earlier.Matches(dll, settings))
            {
                if (!this.Confirm(earlier.Url.ToString(), "Point this session at the emulator it started earlier", force: false)) return;
                WriteVerbose($"Reusing the emulator at {earlier.Url} (process {earlier.Process.Id}) that this session started with the same options; its state is as it was. Stop-VodEmulator first to start afresh.");
                PointSessionAt(context, earlier);
                return;
            }
            if (!this.Confirm(dll, earlier == null ? "Start the VodTools emulator" : $"Stop the emulator at {earlier.Url} (process {earlier.Process.Id}) and start one with the new options", force: false)) return;
            // the runtime is checked before the earlier emulator is stopped: a machine without it keeps what it had
            var host = Run(() => EmulatorRuntime.HostFor(dll));
            if (earlier != null)
            {
                var failure = earlier.StopAndTidy();
                if (failure != null) WriteWarning(failure);
                var stopped = $"Stopped the emulator at {earlier.Url} (process {earlier.Process.Id}) that this session started with other options";
                if (earlier.Settings.InMemory) WriteWarning(stopped + ": the state it kept in memory is gone.");
                else WriteVerbose($"{stopped}; its state stays in {earlier.Settings.DataDir}.");
            }
            PointSessionAt(context, Run(() => EmulatorProcess.Start(host, dll, settings, TimeSpan.FromSeconds(TimeoutSec), () => Stopping)));
        }

        private void PointSessionAt(VodContext context, EmulatorProcess emulator)
        {
            VodContext.Replace(context.WithEmulator(emulator, Region, EmulatorDefaults.AccessKeyId, EmulatorDefaults.AccessKeySecret));
            SessionTarget.Current.NoteEmulator(emulator.Url);
            var url = emulator.Url.GetLeftPart(UriPartial.Authority);
            WriteVerbose($"Emulator {url} (process {emulator.Process.Id}) is this session's endpoint for VOD, RAM, STS and OSS; its log: {emulator.LogPath}");
            WriteObject(new EmulatorInstance
            {
                Url = url,
                ProcessId = emulator.Process.Id,
                DataPath = emulator.Settings.InMemory ? null : emulator.Settings.DataDir,
                AccessKeyId = EmulatorDefaults.AccessKeyId,
                Region = Region,
                LogPath = emulator.LogPath,
            });
        }

        /// <summary>Runs a step of the start; its failure ends the cmdlet with the failure's stable ErrorId.</summary>
        private T Run<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (EmulatorStartException e)
            {
                var category = e.ErrorId switch
                {
                    EmulatorStartException.NotFound => ErrorCategory.ObjectNotFound,
                    EmulatorStartException.RuntimeMissing => ErrorCategory.NotInstalled,
                    EmulatorStartException.StartTimeout => ErrorCategory.OperationTimeout,
                    _ => ErrorCategory.OpenError,
                };
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, category, e.Target));
                throw;
            }
        }
    }
}
