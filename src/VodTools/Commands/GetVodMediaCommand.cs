using System.Collections.Generic;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets media from VOD by id: title, status, size, duration, template group.</para>
    /// <para type="description">Reads the media with GetVideoInfos, 20 ids per call, and emits one VodMedia per id in input
    /// order (an id given twice in one batch is read once). An id VOD does not know is a non-terminating ObjectNotFound
    /// error (VodMediaNotFound); the others go on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodMedia")]
    [OutputType(typeof(VodMedia))]
    public sealed class GetVodMediaCommand : VodCmdletBase
    {
        private readonly Batch<string> _batch;

        public GetVodMediaCommand() => _batch = new Batch<string>(VodService.MaxMediaBatch, id => id, Read, sendRepeats: false);

        /// <summary>The media ids. Bind from VodMedia.MediaId, TranscodeTask.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId) _batch.Add(id);
        }

        protected override void EndProcessing() => _batch.Flush();

        private void Read(IReadOnlyList<string> ids)
        {
            try
            {
                var (media, _) = Await(Session.Vod.GetVideoInfosAsync(ids, Cancellation));
                WriteFound(ids, media, m => m.MediaId, "media", "VodMediaNotFound");
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                foreach (var id in ids) WriteItemError(e, "VodMediaNotRead", id);
            }
        }
    }
}
