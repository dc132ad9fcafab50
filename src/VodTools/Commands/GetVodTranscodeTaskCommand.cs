using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets VOD transcode tasks by id, transcode jobs by id, or the tasks of a media.</para>
    /// <para type="description">-TaskId (or piped TranscodeTask objects) reads each task with its jobs (GetTranscodeTask).
    /// -JobId reads jobs, up to 10 per call, and emits TranscodeJob objects. -MediaId (or piped VodMedia objects) lists a
    /// media's tasks, newest first, without their jobs (ListTranscodeTask, every page). Ids VOD does not know are
    /// non-terminating ObjectNotFound errors.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodTranscodeTask", DefaultParameterSetName = ByTaskId)]
    [OutputType(typeof(TranscodeTask), ParameterSetName = new[] { ByTaskId, ByMediaId })]
    [OutputType(typeof(TranscodeJob), ParameterSetName = new[] { ByJobId })]
    public sealed class GetVodTranscodeTaskCommand : VodCmdletBase
    {
        private const string ByTaskId = "ByTaskId";
        private const string ByJobId = "ByJobId";
        private const string ByMediaId = "ByMediaId";

        private readonly IdBatch _jobIds = new IdBatch(VodService.MaxJobBatch);

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

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByJobId:
                    foreach (var id in JobId)
                    {
                        if (_jobIds.Add(id)) ReadJobs();
                    }
                    break;
                case ByMediaId:
                    foreach (var id in MediaId) ListTasks(id);
                    break;
                default:
                    foreach (var id in TaskId)
                    {
                        try
                        {
                            WriteObject(Await(Session.Vod.GetTranscodeTaskAsync(id, Cancellation)));
                        }
                        catch (Exception e) when (!(e is PipelineStoppedException))
                        {
                            WriteItemError(e, "VodTranscodeTaskNotFound", id);
                        }
                    }
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ByJobId) ReadJobs();
        }

        private void ListTasks(string mediaId)
        {
            try
            {
                WriteObject(Await(Session.Vod.ListTranscodeTasksAsync(mediaId, Cancellation)), enumerateCollection: true);
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodTranscodeTaskListFailed", mediaId);
            }
        }

        private void ReadJobs()
        {
            var ids = _jobIds.Take();
            if (ids.Count == 0) return;
            try
            {
                var jobs = Await(Session.Vod.GetTranscodeJobsAsync(ids, Cancellation));
                IdBatch.WriteEach(this, ids, jobs, j => j.JobId, "transcode job", "VodTranscodeJobNotFound");
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                foreach (var id in ids) WriteItemError(e, "VodTranscodeJobNotFound", id);
            }
        }
    }
}
