using System.Collections.Generic;
using System.Linq;
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
    /// <para type="synopsis">Deletes media from VOD: the source file, its streams and its snapshots (DeleteVideo).</para>
    /// <para type="description">Asks for confirmation per media (ConfirmImpact High; -Force or -Confirm:$false skips it),
    /// then deletes 20 ids per call, several calls at once (as many as reach DeleteVideo's quota over the measured round
    /// trip, at most -ThrottleLimit). VOD deletes the files physically, including the source object in your own bucket.
    /// Ids VOD does not know (VodMediaNotFound) or refuses to delete (VodMediaDeleteForbidden) are non-terminating
    /// errors; the others are deleted.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "VodMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveVodMediaCommand : VodCmdletBase
    {
        private readonly Batch<string> _batch;
        private OrderedWork? _work;

        public RemoveVodMediaCommand() => _batch = new Batch<string>(VodService.MaxMediaBatch, id => id, Delete, sendRepeats: false);

        /// <summary>The media ids. Bind from VodMedia.MediaId, TranscodeTask.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The most DeleteVideo calls in flight at once (each deletes up to 20 media), 1 to 256. Default 64. As many run as reach DeleteVideo's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId)
            {
                if (this.Confirm(Describe(id), "Delete media, its streams and its source file", Force)) _batch.Add(id);
            }
            _work?.Throttle(WaitDraining, Cancellation);
        }

        protected override void EndProcessing()
        {
            _batch.Flush();
            _work?.Finish(WaitDraining, () => { }, Cancellation);
            _work?.Dispose();
        }

        /// <summary>
        /// The media as the question names it: with its title and source file when PowerShell will show the question
        /// (-Confirm, -WhatIf, or the default confirmation of a high-impact command), as the source file in the user's own
        /// bucket goes too; the bare id when no one will read it, which saves two reads per media.
        /// </summary>
        private string Describe(string id)
        {
            if (!this.WillAsk(Force)) return id;
            string? title = null, source = null;
            try
            {
                title = Await(Session.Vod.GetVideoInfosAsync(new[] { id }, Cancellation)).Media.FirstOrDefault()?.Title;
                source = Await(Session.Vod.GetMezzanineInfoAsync(id, "oss", null, Cancellation)).FileUrl; // VOD's default is the CDN URL
            }
            catch (CloudException)
            {
                // the question is asked with what is known; the delete itself reports what is wrong
            }
            var file = source != null && OssFileUrl.TryParse(source, out var bucket, out _, out var key) ? $"oss://{bucket}/{key}" : source;
            return id + (title == null ? string.Empty : $" '{title}'") + (file == null ? string.Empty : $" (source file {file})");
        }

        /// <summary>Starts one DeleteVideo call; what it finds wrong is written in input order as the calls finish.</summary>
        private void Delete(IReadOnlyList<string> ids)
        {
            var vod = Session.Vod;
            var work = _work ??= new OrderedWork(vod.CallsInFlight("DeleteVideo", ThrottleLimit));
            var slot = work.Reserve();
            var cancellation = Cancellation;
            work.Start(async () =>
            {
                try
                {
                    var deleted = await vod.DeleteVideosAsync(ids, cancellation).ConfigureAwait(false);
                    work.Complete(slot, () =>
                    {
                        foreach (var id in deleted.NonExistent)
                            WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no media {id}."), "VodMediaNotFound", ErrorCategory.ObjectNotFound, id));
                        foreach (var id in deleted.GoneBeforeAnswer)
                            WriteVerbose($"Media {id} is gone: taken as deleted by an earlier attempt of this request whose answer was lost.");
                        foreach (var id in deleted.Forbidden)
                            WriteError(new ErrorRecord(new UnauthorizedAccessException($"VOD refused to delete media {id}."), "VodMediaDeleteForbidden", ErrorCategory.PermissionDenied, id));
                    });
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    // DeleteVideo answers InvalidVideo.NotFound only when none of the ids exists.
                    var errorId = e is CloudException cloud && cloud.Code == "InvalidVideo.NotFound" ? "VodMediaNotFound" : "VodMediaNotDeleted";
                    work.Complete(slot, () => { foreach (var id in ids) WriteItemError(e, errorId, id); });
                }
            }, cancellation);
        }
    }
}
