using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Migration;
using VodTools.Services.Pacing;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Migrates the media files of an OSS bucket into VOD as one resumable job: list, register, transcode (snapshot), wait.</para>
    /// <para type="description">Lists the bucket (-Prefix, -Include, -Exclude), registers the files with VOD ten to a call,
    /// transcodes each media once with -TemplateGroupId (default: the app's default group), waits for the tasks and, with
    /// -Snapshot, takes a snapshot of each. The stages run side by side, each within VOD's per-action QPS quota, with
    /// one progress bar per stage. Every file's state is written to the journal (-JournalPath, a SQLite file) as it
    /// changes; run the same command again after a stop, a crash or Ctrl+C and it resumes: registered files are not
    /// registered again, running tasks are waited for. A file that fails is a non-terminating error and stays failed in
    /// the journal; -RetryFailed takes the failed files up again. Get-VodMigration reports on the journal.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VodMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MigrationFile))]
    public sealed class InvokeVodMigrationCommand : VodCmdletBase
    {
        private readonly HashSet<string> _keys = new HashSet<string>(StringComparer.Ordinal);
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        /// <summary>The bucket to migrate (it must be VOD storage of the app).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateBucketName]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>Only keys that start with this. When resuming: the journal's, unless given.</summary>
        [Parameter]
        public string? Prefix { get; set; }

        /// <summary>Keep only keys matching one of these wildcards (case-insensitive), e.g. *.mp4.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Include { get; set; }

        /// <summary>Drop keys matching one of these wildcards (case-insensitive).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Exclude { get; set; }

        /// <summary>The transcode template group. Default: the app's default group when the journal is new, else the journal's.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? TemplateGroupId { get; set; }

        /// <summary>Take a snapshot of each media once it is transcoded (VOD's default snapshot settings).</summary>
        [Parameter]
        public SwitchParameter Snapshot { get; set; }

        /// <summary>The job's journal, a SQLite file; made when missing. The same path resumes the job.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; } = string.Empty;

        /// <summary>Take up again the files that failed in earlier runs, from the stage that failed.</summary>
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
            {
                Prepare(journal, path);
                var job = new MigrationJob(journal, Session.Vod, Session.Oss, new KeyFilter(Include, Exclude).Keeps, IsFatal, ThrottleLimit);
                journal.StartRun();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
                var run = job.RunAsync(stop.Token);
                try
                {
                    while (!run.IsCompleted)
                    {
                        WaitDraining(Task.WhenAny(run, Task.Delay(250)));
                        Report(job, completed: false);
                    }
                    Report(job, completed: true);
                }
                finally
                {
                    // also when the pipeline stops downstream (Select-Object -First): the run ends before its journal closes
                    stop.Cancel();
                    ((IAsyncResult)run).AsyncWaitHandle.WaitOne();
                }
                if (run.IsFaulted && !Cancellation.IsCancellationRequested) WriteItemError(run.Exception!.InnerException!, "VodMigrationStopped", source);
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            }
        }

        /// <summary>Records a new journal's parameters, or refuses another job's journal; then puts back the failed files asked for.</summary>
        private void Prepare(MigrationJournal journal, string path)
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
            var recorded = journal.Parameters;
            if (recorded != null)
            {
                // what this command does not say is the journal's: piped failed files bring only the bucket and the journal
                var given = MyInvocation.BoundParameters;
                if (!given.ContainsKey(nameof(Prefix))) parameters.Prefix = recorded.Prefix;
                if (!given.ContainsKey(nameof(Include))) parameters.Include = recorded.Include;
                if (!given.ContainsKey(nameof(Exclude))) parameters.Exclude = recorded.Exclude;
                if (!given.ContainsKey(nameof(Snapshot))) parameters.Snapshot = recorded.Snapshot;
                var differences = parameters.Differences(recorded);
                if (differences != null)
                {
                    var e = new ValidationException("VodMigrationParametersDiffer",
                        $"The journal '{path}' belongs to another migration: it was started with {differences}. Run the command with the journal's parameters to resume it, or give a new -JournalPath.", "JournalPath");
                    this.ThrowParameterError(e, path);
                }
                parameters.TemplateGroupId = recorded.TemplateGroupId;
            }
            else
            {
                parameters.TemplateGroupId ??= DefaultTemplateGroup();
                journal.SetParameters(parameters);
            }
            WriteVerbose($"Journal {path}: {Source(parameters)} with template group {parameters.TemplateGroupId}{(recorded == null ? " (new)" : " (resumed)")}.");
            if (RetryFailed || _keys.Count > 0) WriteVerbose($"Failed files taken up again: {journal.RetryFailed(_keys.Count > 0 ? _keys : null)}.");

            static string Source(MigrationParameters p) => $"oss://{p.Bucket}/{p.Prefix}";
        }

        private string DefaultTemplateGroup()
        {
            var group = Await(Session.Vod.ListTranscodeTemplateGroupsAsync(null, Cancellation)).FirstOrDefault(g => g.IsDefault)?.TemplateGroupId;
            if (group != null && group != VodService.NoTranscode) return group;
            var e = new ValidationException("VodTemplateGroupMissing",
                "Give -TemplateGroupId: the app has no default transcode template group to transcode the files with (Set-VodDefaultTranscodeTemplateGroup sets one).", "TemplateGroupId");
            this.ThrowParameterError(e);
            return string.Empty;
        }

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
