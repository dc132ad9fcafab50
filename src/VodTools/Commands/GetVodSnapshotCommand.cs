using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the snapshot images of VOD media's latest snapshot job (ListSnapshots), or with -Job every snapshot job of the media (ListJobInfo).</para>
    /// <para type="description">Without -Job, emits one VodSnapshot (index, URL, the job that took it) per image of the
    /// latest finished, successful snapshot job of each media, reading every page: VOD's ListSnapshots shows that one job
    /// only, however many jobs the media has had, and the default view names it. With -Job, emits one SnapshotJob per
    /// snapshot job of the media created in the last six months, oldest first, running and failed ones included, with its
    /// Status (Processing, Success or Fail), so a job taken twice shows. A media VOD does not know is a non-terminating
    /// ObjectNotFound error (VodSnapshotListFailed); a media without snapshots emits nothing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodSnapshot", DefaultParameterSetName = ImageSet)]
    [OutputType(typeof(VodSnapshot), ParameterSetName = new[] { ImageSet })]
    [OutputType(typeof(SnapshotJob), ParameterSetName = new[] { JobSet })]
    public sealed class GetVodSnapshotCommand : VodCmdletBase
    {
        private const string ImageSet = "Images";
        private const string JobSet = "Jobs";

        /// <summary>The media ids. Bind from VodMedia.MediaId, SnapshotJob.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The kind of snapshots: CoverSnapshot, NormalSnapshot, SpriteSnapshot, SpriteOriginSnapshot or WebVttSnapshot. Default: VOD's.</summary>
        [Parameter(ParameterSetName = ImageSet)]
        [ValidateSet("CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot", "WebVttSnapshot")]
        public string? SnapshotType { get; set; }

        /// <summary>List the media's snapshot jobs of the last six months (running and failed ones too) instead of the latest job's images.</summary>
        [Parameter(Mandatory = true, ParameterSetName = JobSet)]
        public SwitchParameter Job { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId)
            {
                try
                {
                    if (Job)
                    {
                        WriteObject(Await(Session.Vod.ListSnapshotJobsAsync(id, Cancellation)), enumerateCollection: true);
                        continue;
                    }
                    var read = 0L;
                    for (var page = 1; ; page++)
                    {
                        var (snapshots, total) = Await(Session.Vod.ListSnapshotsAsync(id, SnapshotType, page, Cancellation));
                        WriteObject(snapshots, enumerateCollection: true);
                        read += snapshots.Count;
                        if (snapshots.Count < VodService.MaxSnapshotPage || read >= total) break;
                    }
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodSnapshotListFailed", id);
                }
            }
        }
    }
}
