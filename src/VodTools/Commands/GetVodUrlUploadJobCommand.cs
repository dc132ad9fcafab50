using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Pacing;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets VOD's URL upload jobs (GetURLUploadInfos) by job id or by URL, and can wait for them to end.</para>
    /// <para type="description">Reads jobs ten a call, by -JobId (bound from what Import-VodMediaFromUrl emits) or by -Url (every
    /// job of that URL: a URL pulled twice has two). Emits one VodUrlUploadJob per job with its Status, MediaId once pulled,
    /// ErrorCode and ErrorMessage, FileSize and times; ids VOD does not know are VodUrlUploadJobNotFound errors. With -Wait it
    /// polls the jobs not yet ended (first after 1 second, then growing by half up to 10 seconds apart) with a progress bar,
    /// emits each job as it ends, a failed one as a VodUrlUploadFailed error with the job as its target, and a job still
    /// running after -TimeoutSec seconds as a VodUrlUploadTimeout error. VOD's statuses are PENDING, PROCESSING, DOWNLOADING,
    /// DOWNLOAD_SUCCESS, UPLOADING and UPLOAD_SUCCESS while a job runs, then SUCCESS, DOWNLOAD_FAIL or UPLOAD_FAIL ("Basic
    /// structures" in VOD's API reference): a job counts as ended when VOD gives it a completion time, or its status is
    /// SUCCESS or contains FAIL. Ctrl+C stops waiting; the jobs go on in VOD.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodUrlUploadJob", DefaultParameterSetName = ById)]
    [OutputType(typeof(VodUrlUploadJob))]
    public sealed class GetVodUrlUploadJobCommand : VodCmdletBase
    {
        private const string ById = "ById";
        private const string ByUrl = "ByUrl";
        private readonly List<string> _keys = new List<string>();

        /// <summary>The job to read. Binds from VodUrlUploadJob.JobId.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>The URL pulled: every job VOD has for it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByUrl)]
        [ValidateNotNullOrEmpty]
        public string[] Url { get; set; } = Array.Empty<string>();

        /// <summary>Waits until every job has ended, emitting each as it does.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait, seconds to wait in all before the jobs still running are reported as timed out. Default: no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [Alias("Timeout")]
        public int? TimeoutSec { get; set; }

        protected override void ProcessRecord() => _keys.AddRange(ParameterSetName == ById ? JobId : Url);

        protected override void EndProcessing()
        {
            var keys = _keys.Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count == 0) return;
            IReadOnlyList<VodUrlUploadJob> jobs;
            try
            {
                jobs = ReadJobs(keys, byUrl: ParameterSetName == ByUrl);
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodUrlUploadJobUnavailable", string.Join(", ", keys));
                return;
            }
            if (!Wait)
            {
                WriteObject(jobs, enumerateCollection: true);
                return;
            }
            WaitFor(jobs);
        }

        private IReadOnlyList<VodUrlUploadJob> ReadJobs(IReadOnlyList<string> keys, bool byUrl)
        {
            if (byUrl)
            {
                var found = Await(Session.Vod.GetUrlUploadJobsByUrlAsync(keys, Cancellation));
                foreach (var url in keys.Where(u => found.All(j => j.SourceUrl != u)))
                    WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no URL upload job for {url}."), "VodUrlUploadJobNotFound", ErrorCategory.ObjectNotFound, url));
                return found;
            }
            var (jobs, missing) = Await(Session.Vod.GetUrlUploadJobsAsync(keys, Cancellation));
            foreach (var id in missing)
                WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no URL upload job {id}."), "VodUrlUploadJobNotFound", ErrorCategory.ObjectNotFound, id));
            return jobs;
        }

        private void WaitFor(IReadOnlyList<VodUrlUploadJob> first)
        {
            var running = new Dictionary<string, VodUrlUploadJob>(StringComparer.Ordinal);
            int succeeded = 0, failed = 0, total = first.Count;
            var deadline = TimeoutSec == null ? (DateTime?)null : DateTime.UtcNow.AddSeconds(TimeoutSec.Value);
            var timeout = TimeoutSec == null ? (TimeSpan?)null : TimeSpan.FromSeconds(TimeoutSec.Value);
            var delay = PollBackoff.First;
            var seen = first;
            while (true)
            {
                foreach (var job in seen)
                {
                    if (!job.IsFinished)
                    {
                        running[job.JobId] = job;
                        continue;
                    }
                    running.Remove(job.JobId);
                    if (job.Succeeded)
                    {
                        succeeded++;
                        WriteObject(job);
                    }
                    else
                    {
                        failed++;
                        WriteError(new ErrorRecord(new InvalidOperationException($"VOD could not pull {job.SourceUrl}: {job.ErrorCode} {job.ErrorMessage}".TrimEnd()),
                            "VodUrlUploadFailed", ErrorCategory.InvalidResult, job));
                    }
                }
                ReportProgress(succeeded, failed, total, completed: running.Count == 0);
                if (running.Count == 0) return;
                if (deadline != null && DateTime.UtcNow >= deadline)
                {
                    foreach (var job in running.Values)
                        WriteError(new ErrorRecord(new TimeoutException($"VOD was still pulling {job.SourceUrl} (status {job.Status}) after {TimeoutSec} seconds."),
                            "VodUrlUploadTimeout", ErrorCategory.OperationTimeout, job));
                    ReportProgress(succeeded, failed, total, completed: true);
                    return;
                }
                WaitDraining(Task.Delay(delay, Cancellation));
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
                delay = PollBackoff.Next(delay, timeout);
                try
                {
                    seen = Await(Session.Vod.GetUrlUploadJobsAsync(running.Keys.ToList(), Cancellation)).Jobs;
                }
                catch (Exception e) when (!(e is PipelineStoppedException) && !IsFatal(e))
                {
                    WriteVerbose($"Reading the URL upload jobs failed ({e.Message}); trying again.");
                    seen = Array.Empty<VodUrlUploadJob>();
                }
            }
        }

        private void ReportProgress(int succeeded, int failed, int total, bool completed)
        {
            var record = new ProgressRecord(4, "Waiting for VOD to pull URLs", $"{succeeded} done, {failed} failed, {total - succeeded - failed} running of {total}")
            {
                PercentComplete = total == 0 ? 100 : (succeeded + failed) * 100 / total,
            };
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }
    }
}
