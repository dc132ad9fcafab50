using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Commands.Pipeline;
using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes the title, description, tags, category or cover of media in VOD (UpdateVideoInfos).</para>
    /// <para type="description">Checks VOD's limits locally (title 128 bytes, description 1,024 bytes, at most 16 tags of 32
    /// bytes, no emoji), then updates 20 media per call, several calls at a time within VOD's quota. -Tag replaces the
    /// tags; -AddTag and -RemoveTag edit each media's own tags, read first with GetVideoInfos (20 per call). Only the fields
    /// given change. A media VOD does not know (VodMediaNotFound) or refuses to change (VodMediaUpdateForbidden) is a
    /// non-terminating error; the others go on. -PassThru emits each media as VOD has it after the change (GetVideoInfos, 20
    /// per call), in input order.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ReplaceTags)]
    [OutputType(typeof(VodMedia))]
    public sealed class SetVodMediaCommand : VodCmdletBase
    {
        private const string ReplaceTags = "ReplaceTags";
        private const string EditTags = "EditTags";

        private readonly Batch<(long Slot, string MediaId)> _batch;
        private OrderedWork? _work;
        private MediaUpdate _changes = new MediaUpdate();
        private TagEdit? _tagEdit;
        private int _updated;
        private int _failed;

        /// <summary>The media ids. Bind from VodMedia.MediaId (Find-VodMedia, Get-VodMedia) or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The new title (at most 128 bytes, no emoji).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>The new description (at most 1,024 bytes, no emoji).</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The new tags, replacing the old ones (at most 16 of 32 bytes). @() sends an empty tag list: the emulator then removes them all; whether VOD does is not documented (it changes a field "only when a new value is passed").</summary>
        [Parameter(ParameterSetName = ReplaceTags)]
        [AllowEmptyCollection]
        [Alias("Tags")]
        public string[]? Tag { get; set; }

        /// <summary>Tags to add to each media's own.</summary>
        [Parameter(ParameterSetName = EditTags)]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags to take off each media (letter case aside).</summary>
        [Parameter(ParameterSetName = EditTags)]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>The new category id (completes from category names).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long? CategoryId { get; set; }

        /// <summary>The new cover image URL.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CoverUrl { get; set; }

        /// <summary>The most UpdateVideoInfos calls (each updates up to 20 media) in flight at once, 1 to 256. Default 64. As many run as reach UpdateVideoInfos's quota over the round trip measured as they go: a few near the region, more from far away.</summary>
        [Parameter]
        [ValidateRange(1, InFlightLimit.MaxCeiling)]
        public int ThrottleLimit { get; set; } = InFlightLimit.DefaultCeiling;

        /// <summary>Emit each media as VOD has it after the change. By default nothing is emitted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        public SetVodMediaCommand() => _batch = new Batch<(long Slot, string MediaId)>(VodService.MaxUpdateBatch, b => b.MediaId, Submit, sendRepeats: true);

        protected override void BeginProcessing()
        {
            this.CheckParameters(() =>
            {
                if (Title == null && Description == null && Tag == null && AddTag == null && RemoveTag == null && CategoryId == null && CoverUrl == null)
                    throw new ValidationException("VodNothingToSet", "Give at least one of -Title, -Description, -Tag, -AddTag, -RemoveTag, -CategoryId or -CoverUrl.");
                _changes = new MediaUpdate
                {
                    Title = Title == null ? null : VodLimits.Title(Title),
                    Description = VodLimits.Description(Description),
                    Tags = Tag == null ? null : VodLimits.Tags(Tag) ?? string.Empty,
                    CateId = CategoryId,
                    CoverUrl = VodLimits.CoverUrl(CoverUrl),
                };
                if (AddTag != null || RemoveTag != null) _tagEdit = new TagEdit(AddTag, RemoveTag);
            });
            _work = new OrderedWork(Session.Vod.CallsInFlight("UpdateVideoInfos", ThrottleLimit));
        }

        protected override void ProcessRecord()
        {
            var work = _work!;
            foreach (var id in MediaId)
            {
                if (ShouldProcess(id, "Update " + Describe())) _batch.Add((work.Reserve(), id));
            }
            work.Throttle(WaitDraining, Cancellation);
            FlushDiagnostics();
        }

        protected override void EndProcessing()
        {
            _batch.Flush();
            _work!.Finish(WaitDraining, () => { }, Cancellation);
            WriteVerbose($"{_updated} media updated, {_failed} not.");
            _work!.Dispose();
        }

        private string Describe() =>
            string.Join(", ", new[]
            {
                Title == null ? null : $"title '{Title}'",
                Description == null ? null : "description",
                Tag == null ? null : $"tags '{string.Join(",", Tag)}'",
                AddTag == null ? null : $"add tags '{string.Join(",", AddTag)}'",
                RemoveTag == null ? null : $"remove tags '{string.Join(",", RemoveTag)}'",
                CategoryId == null ? null : $"category {CategoryId}",
                CoverUrl == null ? null : "cover",
            }.Where(s => s != null));

        private void Submit(IReadOnlyList<(long Slot, string MediaId)> batch)
        {
            var work = _work!;
            var vod = Session.Vod;
            var cancellation = Cancellation;
            var (changes, tagEdit, passThru) = (_changes, _tagEdit, PassThru.IsPresent);
            work.Start(async () =>
            {
                try
                {
                    // -AddTag/-RemoveTag edit each media's own tags: read first
                    var current = tagEdit == null ? null : (await vod.GetVideoInfosAsync(batch.Select(b => b.MediaId).ToList(), cancellation).ConfigureAwait(false)).Media;
                    var updates = new List<(long Slot, MediaUpdate Update)>();
                    foreach (var (slot, id) in batch)
                    {
                        var update = changes.For(id);
                        if (current != null)
                        {
                            var media = current.FirstOrDefault(m => m.MediaId == id);
                            if (media == null)
                            {
                                work.Complete(slot, () => NotFound(id));
                                continue;
                            }
                            try
                            {
                                update.Tags = tagEdit!.ApplyTo(media.Tags);
                            }
                            catch (ValidationException e)
                            {
                                work.Complete(slot, () => { _failed++; WriteItemError(e, e.ErrorId, id); });
                                continue;
                            }
                        }
                        updates.Add((slot, update));
                    }
                    if (updates.Count == 0) return;
                    var (missing, forbidden) = await vod.UpdateVideoInfosAsync(updates.Select(u => u.Update).ToList(), cancellation).ConfigureAwait(false);
                    var updated = updates.Select(u => u.Update.MediaId).Where(id => !missing.Contains(id) && !forbidden.Contains(id)).ToList();
                    IReadOnlyList<VodMedia>? after = null;
                    Exception? unread = null;
                    try
                    {
                        if (passThru && updated.Count > 0) after = (await vod.GetVideoInfosAsync(updated, cancellation).ConfigureAwait(false)).Media;
                    }
                    catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                    {
                        unread = e; // the changes are made: only -PassThru's read failed
                    }
                    foreach (var (slot, update) in updates)
                    {
                        var id = update.MediaId;
                        if (missing.Contains(id)) work.Complete(slot, () => NotFound(id));
                        else if (forbidden.Contains(id))
                            work.Complete(slot, () =>
                            {
                                _failed++;
                                WriteError(new ErrorRecord(new UnauthorizedAccessException($"VOD refused to change media {id}."), "VodMediaUpdateForbidden", ErrorCategory.PermissionDenied, id));
                            });
                        else work.Complete(slot, () =>
                        {
                            _updated++;
                            var media = after?.FirstOrDefault(m => m.MediaId == id);
                            if (media != null) WriteObject(media);
                            else if (unread != null) WriteItemError(unread, "VodMediaNotRead", id);
                        });
                    }
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    // InvalidVideo.NotFound: VOD may answer it for a call none of whose media exists, as DeleteVideo does
                    var errorId = e is Api.Http.CloudException { Code: "InvalidVideo.NotFound" } ? "VodMediaNotFound" : "VodMediaNotUpdated";
                    foreach (var (slot, id) in batch) work.Complete(slot, () => { _failed++; WriteItemError(e, errorId, id); });
                }
            }, cancellation);
        }

        private void NotFound(string id)
        {
            _failed++;
            WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no media {id}."), "VodMediaNotFound", ErrorCategory.ObjectNotFound, id));
        }
    }
}
