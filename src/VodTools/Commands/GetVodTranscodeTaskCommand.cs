using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets VOD transcode tasks by id, transcode jobs by id, or the tasks of a media.</para>
    /// <para type="description">-TaskId (or piped TranscodeTask objects) reads each task with its jobs (GetTranscodeTask).
    /// -JobId reads jobs, up to 10 per call, and emits TranscodeJob objects. -MediaId (or piped VodMedia objects) lists a
    /// media's tasks, newest first, without their jobs (ListTranscodeTask, every page). Tasks and media are read
    /// concurrently, as many as reach each call's quota over the measured round trip (at most -ThrottleLimit), and written in input order, with a progress bar. Ids VOD does not
    /// know are non-terminating ObjectNotFound errors.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodTranscodeTask", DefaultParameterSetName = ByTaskId)]
    [OutputType(typeof(TranscodeTask), ParameterSetName = new[] { ByTaskId, ByMediaId })]
    [OutputType(typeof(TranscodeJob), ParameterSetName = new[] { ByJobId })]
    public sealed class GetVodTranscodeTaskCommand : VodCmdletBase
    {
        private const string ByTaskId = "ByTaskId";
        private const string ByJobId = "ByJobId";
        private const string ByMediaId = "ByMediaId";

        private readonly Batch<string> _jobIds;
        private OrderedWork? _work;
        private int _read;
        private readonly ProgressThrottle _progress = new ProgressThrottle();

        public GetVodTranscodeTaskCommand() => _jobIds = new Batch<string>(VodService.MaxJobBatch, id => id, ReadJobs, sendRepeats: false);

        /// <summary>The task id. Binds from TranscodeTask.TaskId.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTaskId, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TranscodeTaskId")]
        [ValidateNotNullOrEmpty]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>Transcode job ids; read 10 per call. Binds from TranscodeJob.JobId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByJobId, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>The media whose tasks to list. Binds from VodMedia.MediaId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByMediaId, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The most tasks or media read at once, 1 to 256. Default 64. As many run as reach the quota of GetTranscodeTask (or ListTranscodeTask) over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter(ParameterSetName = ByTaskId)]
        [Parameter(ParameterSetName = ByMediaId)]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByJobId)
            {
                foreach (var id in JobId) _jobIds.Add(id);
                return;
            }
            var vod = Session.Vod;
            if (ParameterSetName == ByMediaId)
                foreach (var id in MediaId) Read(id, "VodTranscodeTaskListFailed", async token => await vod.ListTranscodeTasksAsync(id, token).ConfigureAwait(false));
            else
                foreach (var id in TaskId) Read(id, "VodTranscodeTaskNotFound", async token => new[] { await vod.GetTranscodeTaskAsync(id, token).ConfigureAwait(false) });
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ByJobId)
            {
                _jobIds.Flush();
                return;
            }
            _work?.Finish(WaitDraining, () => ReportProgress(completed: false), Cancellation);
            ReportProgress(completed: true);
            _work?.Dispose();
        }

        /// <summary>Starts one read; its tasks (or its error) are written in input order as the reads finish.</summary>
        private void Read(string id, string errorId, Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<IReadOnlyList<TranscodeTask>>> read)
        {
            var work = _work ??= new OrderedWork(Session.Vod.CallsInFlight(ParameterSetName == ByMediaId ? "ListTranscodeTask" : "GetTranscodeTask", ThrottleLimit));
            var slot = work.Reserve();
            var cancellation = Cancellation;
            work.Start(async () =>
            {
                try
                {
                    var tasks = await read(cancellation).ConfigureAwait(false);
                    work.Complete(slot, () => { _read++; ReportProgress(completed: false); WriteObject(tasks, enumerateCollection: true); });
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    work.Complete(slot, () => { _read++; WriteItemError(e, errorId, id); });
                }
            }, cancellation);
            work.Throttle(WaitDraining, Cancellation);
            ReportProgress(completed: false);
        }

        private void ReportProgress(bool completed)
        {
            if (_work == null || !_progress.Due(completed)) return;
            var what = ParameterSetName == ByMediaId ? "media" : "tasks";
            var record = new ProgressRecord(4, "Reading VOD transcode tasks", $"{_read} {what} read, {_work.Pending} in progress");
            if (completed) record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
        }

        private void ReadJobs(IReadOnlyList<string> ids)
        {
            try
            {
                var jobs = Await(Session.Vod.GetTranscodeJobsAsync(ids, Cancellation));
                WriteFound(ids, jobs, j => j.JobId, "transcode job", "VodTranscodeJobNotFound");
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                foreach (var id in ids) WriteItemError(e, "VodTranscodeJobNotFound", id);
            }
        }
    }
}
