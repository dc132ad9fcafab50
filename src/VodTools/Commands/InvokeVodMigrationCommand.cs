using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Migration;
using VodTools.Services.Pacing;
using VodTools.Services.Transcode;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Migrates the media files of an OSS bucket into VOD as one resumable job: list, register, transcode (snapshot), wait.</para>
    /// <para type="description">Lists the bucket (-Prefix, -Include, -Exclude), registers the files with VOD ten to a call,
    /// transcodes each media once with -TemplateGroupId (default: the app's default group), waits for the tasks and, with
    /// -Snapshot, takes a snapshot of each. The stages run side by side, each within VOD's per-action QPS quota, with
    /// one progress bar per stage. Every file's state is written to the journal (-JournalPath, a SQLite file) as its call
    /// completes; run the same command again after a stop, a crash or Ctrl+C and it resumes: registered files are not
    /// registered again, running tasks are waited for. Before its first write each run checks what would fail every file
    /// (the bucket, the template group, the transcoding role) and stops with one error if something is missing. One run
    /// at a time holds a journal. A rerun lists the bucket again and brings in new files (-Rescan), takes up the files
    /// whose failure can go away (access, throttling, an outage), and may correct -TemplateGroupId for the files not yet
    /// submitted. Many files failing alike stop the run (VodMigrationCircuitBroken), leaving them pending; -MaxDuration
    /// ends a run in time. A file that fails is a non-terminating error; -RetryFailed takes up every failed file again.
    /// Get-VodMigration reports on the journal.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VodMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MigrationFile))]
    public sealed class InvokeVodMigrationCommand : VodCmdletBase
    {
        /// <summary>The ErrorId of a run refused because another holds the journal.</summary>
        public const string JournalInUse = "VodMigrationJournalInUse";

        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);
        private readonly ProgressThrottle _progress = new ProgressThrottle();
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        /// <summary>The bucket to migrate (it must be VOD storage of the app).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateBucketName]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>Only keys that start with this. When resuming: the journal's, unless given.</summary>
        [Parameter]
        public string? Prefix { get; set; }

        /// <summary>Keep only keys matching one of these wildcards (case-insensitive), e.g. *.mp4. When resuming: the journal's, unless given.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Include { get; set; }

        /// <summary>Drop keys matching one of these wildcards (case-insensitive). When resuming: the journal's, unless given.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Exclude { get; set; }

        /// <summary>The transcode template group. Default: the app's default group when the journal is new, else the journal's. Given on a resumed journal, it replaces the journal's for every transcode submitted from then on.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? TemplateGroupId { get; set; }

        /// <summary>Take a snapshot of each media once it is transcoded (VOD's default snapshot settings), unless the media has a snapshot job running or done.</summary>
        [Parameter]
        public SwitchParameter Snapshot { get; set; }

        /// <summary>The job's journal, a SQLite file taken as written (no wildcards); made when missing. The same path resumes the job.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; } = string.Empty;

        /// <summary>Take up again every file that failed in earlier runs, from the stage that failed (a plain run takes up only those whose failure can go away).</summary>
        [Parameter]
        public SwitchParameter RetryFailed { get; set; }

        /// <summary>Failed files to take up again (from Get-VodMigration -Failed): only these are retried.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Key { get; set; }

        /// <summary>The most calls of each stage in flight at once, 1 to 256. Default 64. As many run as reach the stage's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        /// <summary>What a run lists once the bucket's listing has finished, to bring in new files: Full (the whole prefix, once the files of the last listing are through), Tail (only keys after the last one listed) or None. Default Full.</summary>
        [Parameter]
        public MigrationRescan Rescan { get; set; } = MigrationRescan.Full;

        /// <summary>End the run cleanly after this long (e.g. 02:00:00), its journal committed; the next run goes on. Default: no limit.</summary>
        [Parameter]
        public TimeSpan? MaxDuration { get; set; }

        /// <summary>When another run holds the journal, wait for it to end (within -MaxDuration) instead of stopping with VodMigrationJournalInUse.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Skip the checks made before the first write (bucket, region, template group, transcoding role, MPS). For an account whose set-up the checks cannot read right, e.g. a transcoding role of another name.</summary>
        [Parameter]
        public SwitchParameter SkipPreflight { get; set; }

        protected override void BeginProcessing()
        {
            if (MaxDuration is TimeSpan limit && limit < TimeSpan.FromSeconds(1))
                this.ThrowParameterError(new ValidationException("VodMigrationMaxDurationInvalid",
                    $"-MaxDuration {limit} is less than a second (a number is read as ticks): write a time span such as 02:00:00, or (New-TimeSpan -Hours 2).", nameof(MaxDuration)));
        }

        protected override void ProcessRecord()
        {
            if (Key != null) _keys.UnionWith(Key);
        }

        protected override void EndProcessing()
        {
            if (JournalPath.Length == 0) return; // an empty pipeline (no failed file to retry) binds nothing
            var path = GetUnresolvedProviderPathFromPSPath(JournalPath);
            var source = $"oss://{Bucket}/{Prefix}";
            if (!ShouldProcess(source, "Register, transcode" + (Snapshot ? ", snapshot" : string.Empty) + " and wait, recording each file in " + path)) return;
            MigrationJournal journal;
            try
            {
                journal = MigrationJournal.Open(path, create: true);
            }
            catch (Exception e) when (e is ValidationException || e is PlatformNotSupportedException)
            {
                ThrowTerminatingError(ToErrorRecord(e, "VodMigrationJournalUnavailable", path));
                return;
            }
            using (journal)
            using (Lock(path))
            {
                var recorded = journal.Parameters;
                var parameters = Prepare(recorded, path);
                if (!SkipPreflight) Preflight(parameters);
                Record(journal, recorded, parameters);
                Run(journal, parameters);
            }
        }

        /// <summary>Holds the journal for this run; another run's hold ends this one (VodMigrationJournalInUse), or with -Wait is waited out.</summary>
        private MigrationRunLock Lock(string path)
        {
            var announced = false;
            while (true)
            {
                MigrationRunLock? held;
                MigrationRun? holder;
                try
                {
                    held = MigrationRunLock.TryAcquire(path, out holder);
                }
                catch (ValidationException e)
                {
                    ThrowTerminatingError(ToErrorRecord(e, e.ErrorId, path));
                    throw;
                }
                if (held != null) return held;
                var who = holder == null
                    ? "another run of Invoke-VodMigration"
                    : $"the run of process {holder.ProcessId} on {holder.Host}, started {holder.Started:yyyy-MM-dd HH:mm:ss zzz}";
                var timeUp = MaxDuration is TimeSpan limit && _elapsed.Elapsed >= limit;
                if (!Wait || timeUp)
                {
                    var message = $"The journal '{path}' is in use by {who}{(timeUp ? ", still after -MaxDuration" : string.Empty)}. Two runs on one journal would send the same files twice, so this run did nothing.";
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), JournalInUse, ErrorCategory.ResourceBusy, path)
                    {
                        ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Let that run end (Get-VodMigration reports on the journal meanwhile), or give -Wait to start when it does." },
                    });
                }
                if (!announced) WriteVerbose($"Waiting for {who} to end: it holds the journal {path}.");
                announced = true;
                if (Cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(500))) throw new PipelineStoppedException();
            }
        }

        /// <summary>The job's parameters: this command's over the journal's (what it does not say is the journal's); another job's journal is refused.</summary>
        private MigrationParameters Prepare(MigrationParameters? recorded, string path)
        {
            var parameters = new MigrationParameters
            {
                Bucket = Bucket,
                Region = Session.Region.RegionId,
                Prefix = string.IsNullOrEmpty(Prefix) ? null : Prefix,
                Include = Include ?? Array.Empty<string>(),
                Exclude = Exclude ?? Array.Empty<string>(),
                TemplateGroupId = TemplateGroupId,
                Snapshot = Snapshot.IsPresent,
            };
            if (recorded == null)
            {
                parameters.TemplateGroupId ??= DefaultTemplateGroup();
                return parameters;
            }
            // what this command does not say is the journal's: piped failed files bring only the bucket and the journal
            var given = MyInvocation.BoundParameters;
            if (!given.ContainsKey(nameof(Prefix))) parameters.Prefix = recorded.Prefix;
            if (!given.ContainsKey(nameof(Include))) parameters.Include = recorded.Include;
            if (!given.ContainsKey(nameof(Exclude))) parameters.Exclude = recorded.Exclude;
            if (!given.ContainsKey(nameof(Snapshot))) parameters.Snapshot = recorded.Snapshot;
            parameters.TemplateGroupId ??= recorded.TemplateGroupId;
            var differences = parameters.Differences(recorded);
            if (differences != null)
            {
                var e = new ValidationException("VodMigrationParametersDiffer",
                    $"The journal '{path}' belongs to another migration: it was started with {differences}. Run the command with the journal's parameters to resume it, or give a new -JournalPath. " +
                    "(Only -TemplateGroupId may change on a journal: the bucket, prefix, filters and -Snapshot say which files the job holds and what it does to them.)", "JournalPath");
                this.ThrowParameterError(e, path);
            }
            return parameters;
        }

        private string DefaultTemplateGroup()
        {
            var group = Await(Session.Vod.DefaultTemplateGroupIdAsync(Cancellation));
            if (group == VodService.NoTranscode) this.ThrowParameterError(TranscodeRules.NoTemplateGroup());
            return group;
        }

        /// <summary>
        /// Before the first write: what Test-VodBucket checks that would fail every file. A Fail ends the run with
        /// VodPreflight&lt;Check&gt;Failed and the check's remedy; nothing is written, so the journal stays as it was.
        /// </summary>
        private void Preflight(MigrationParameters parameters)
        {
            var preflight = new BucketPreflight(Session, this) { TemplateGroupId = parameters.TemplateGroupId };
            try
            {
                foreach (var check in preflight.Run(parameters.Bucket))
                {
                    FlushDiagnostics();
                    if (check.Check == BucketPreflight.VodStorage) continue; // never readable: the circuit breaker catches a bucket that is not storage
                    WriteVerbose($"Pre-flight {check.Check}: {check.Status}. {check.Detail}");
                    if (check.Status != VodCheckStatus.Fail) continue;
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"Nothing was done: {check.Detail}"), $"VodPreflight{check.Check}Failed", PreflightCategory(check.Check), parameters.Bucket)
                    {
                        ErrorDetails = new ErrorDetails($"Nothing was done: {check.Detail}") { RecommendedAction = check.Remedy },
                    });
                }
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodPreflightFailed", parameters.Bucket); // a refused key, an endpoint that does not answer
                throw;
            }
        }

        private static ErrorCategory PreflightCategory(string check) => check switch
        {
            BucketPreflight.BucketAccess => ErrorCategory.ObjectNotFound,
            BucketPreflight.TemplateGroup => ErrorCategory.ObjectNotFound,
            BucketPreflight.ServiceRole => ErrorCategory.PermissionDenied,
            BucketPreflight.RolePolicy => ErrorCategory.PermissionDenied,
            BucketPreflight.BucketRegion => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.InvalidOperation,
        };

        /// <summary>Writes a new journal's parameters or a corrected template group, then puts back the failed files this run takes up.</summary>
        private void Record(MigrationJournal journal, MigrationParameters? recorded, MigrationParameters parameters)
        {
            if (recorded == null) journal.SetParameters(parameters);
            else if (parameters.TemplateGroupId != recorded.TemplateGroupId)
            {
                journal.SetTemplateGroup(parameters.TemplateGroupId!);
                WriteWarning($"From now on the files are transcoded with the template group {parameters.TemplateGroupId} (the journal had {recorded.TemplateGroupId}); files whose transcode was already submitted keep their tasks.");
            }
            WriteVerbose($"Journal {journal.Path}: oss://{parameters.Bucket}/{parameters.Prefix} with template group {parameters.TemplateGroupId}{(recorded == null ? " (new)" : " (resumed)")}.");
            var all = RetryFailed || _keys.Count > 0;
            var retried = journal.RetryFailed(_keys.Count > 0 ? _keys : null, retryableOnly: !all);
            if (retried > 0) WriteVerbose(all ? $"Failed files taken up again: {retried}." : $"Failed files taken up again because their cause can go away (access, throttling, an outage): {retried}.");
        }

        private void Run(MigrationJournal journal, MigrationParameters parameters)
        {
            var source = $"oss://{parameters.Bucket}/{parameters.Prefix}";
            var job = new MigrationJob(journal, Session.Vod, Session.Oss, new KeyFilter(parameters.Include, parameters.Exclude).Keeps, IsFatal, ThrottleLimit, Rescan);
            journal.StartRun(Environment.MachineName, Process.GetCurrentProcess().Id);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            if (MaxDuration is TimeSpan limit) stop.CancelAfter(limit - _elapsed.Elapsed < TimeSpan.Zero ? TimeSpan.Zero : limit - _elapsed.Elapsed);
            var run = job.RunAsync(stop.Token);
            var outcome = "Stopped";
            try
            {
                while (!run.IsCompleted)
                {
                    WaitDraining(Task.WhenAny(run, Task.Delay(250)));
                    Report(job, completed: false);
                }
                Report(job, completed: true);
                var error = run.IsFaulted ? run.Exception!.InnerException! : null;
                if (error is MigrationCircuitException broken)
                {
                    outcome = "CircuitBroken";
                    var pending = journal.Requeue(broken.Stage, broken.FailureErrorId, broken.ErrorCode);
                    ThrowTerminatingError(new ErrorRecord(broken, MigrationCircuitException.ErrorId, CircuitCategory(broken.InnerException), source)
                    {
                        ErrorDetails = new ErrorDetails($"{broken.Message} ({pending} files pending.)") { RecommendedAction = broken.Remedy },
                    });
                }
                if (error != null && !Cancellation.IsCancellationRequested && !(error is OperationCanceledException))
                {
                    outcome = "Failed";
                    WriteItemError(error, "VodMigrationStopped", source);
                }
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
                if (stop.IsCancellationRequested)
                {
                    outcome = "TimeLimit";
                    WriteWarning($"Stopped after -MaxDuration {MaxDuration}: the journal has every file; run the same command again to go on. {Summary(journal, job)}");
                    return;
                }
                outcome = "Finished";
                WriteVerbose(Summary(journal, job));
            }
            finally
            {
                // also when the pipeline stops downstream (Select-Object -First): the run ends before its journal closes
                stop.Cancel();
                ((IAsyncResult)run).AsyncWaitHandle.WaitOne();
                journal.EndRun(outcome);
            }
        }

        private static string Summary(MigrationJournal journal, MigrationJob job)
        {
            var report = journal.Status();
            return $"This run: {job.NewFiles} new files listed, {report.LastRun?.Done ?? 0} done, {report.LastRun?.Failed ?? 0} failed. The job: {report.Done} of {report.Total} files done, {report.InProgress} on their way, {report.Failed} failed; {report.State}.";
        }

        /// <summary>The category of what stopped the run: the failures' own (a refused permission, an outage, throttling).</summary>
        private static ErrorCategory CircuitCategory(Exception? cause) => cause is Api.Http.CloudException cloud
            ? ToErrorRecord(cloud, string.Empty, null).CategoryInfo.Category
            : ErrorCategory.InvalidOperation;

        /// <summary>Writes what the run reported (files, errors, -Verbose lines), then one progress bar per stage, twice a second.</summary>
        private void Report(MigrationJob job, bool completed)
        {
            while (job.Events.TryDequeue(out var item))
            {
                if (item.Verbose != null) WriteVerbose(item.Verbose);
                else if (item.File == null) WriteItemError(item.Error!, "OssListFailed", Bucket);
                else if (item.Error != null) WriteItemError(item.Error, item.File.ErrorId!, item.File);
                else WriteObject(item.File);
            }
            FlushDiagnostics();
            if (!_progress.Due(completed)) return;
            var listed = job.Meters.First(m => m.Stage == MigrationStage.List).Passed;
            foreach (var meter in job.Meters)
            {
                var rate = meter.Rate(_progress.Last);
                var status = meter.Stage == MigrationStage.List
                    ? $"{listed} files listed{(job.ListingComplete ? string.Empty : " so far")}"
                    : $"{meter.Passed} of {listed} {Verb(meter.Stage)}, {meter.Failed} failed, {rate:0.#} files/s";
                var record = new ProgressRecord(10 + (int)meter.Stage, $"Migrating oss://{Bucket}/{Prefix}: {meter.Stage}", status);
                if (meter.Stage != MigrationStage.List && listed > 0) record.PercentComplete = (int)Math.Min(100, (meter.Passed + meter.Failed) * 100 / listed);
                var left = job.Left(meter.Stage);
                if (meter.Stage != MigrationStage.List) record.SecondsRemaining = RateWindow.SecondsLeft(rate, left);
                if (completed) record.RecordType = ProgressRecordType.Completed;
                WriteProgress(record);
            }
        }

        private static string Verb(MigrationStage stage) => stage switch
        {
            MigrationStage.Register => "registered",
            MigrationStage.Transcode => "submitted",
            MigrationStage.Wait => "transcoded",
            _ => "snapshotted",
        };
    }
}
