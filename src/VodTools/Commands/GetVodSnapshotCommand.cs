using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the snapshot images of VOD media (ListSnapshots).</para>
    /// <para type="description">Emits one VodSnapshot (index and URL) per image of each media, reading every page. A media
    /// VOD does not know is a non-terminating ObjectNotFound error (VodSnapshotListFailed); a media without snapshots
    /// emits nothing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodSnapshot")]
    [OutputType(typeof(VodSnapshot))]
    public sealed class GetVodSnapshotCommand : VodCmdletBase
    {
        /// <summary>The media ids. Bind from VodMedia.MediaId, SnapshotJob.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The kind of snapshots: CoverSnapshot, NormalSnapshot, SpriteSnapshot, SpriteOriginSnapshot or WebVttSnapshot. Default: VOD's.</summary>
        [Parameter]
        [ValidateSet("CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot", "WebVttSnapshot")]
        public string? SnapshotType { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId)
            {
                try
                {
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
