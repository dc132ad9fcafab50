using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Takes snapshots of VOD media (SubmitSnapshotJob): one, several, evenly spaced or a sprite.</para>
    /// <para type="description">With -SnapshotTemplateId VOD uses the template and ignores every other setting. Otherwise
    /// -OffsetTime chooses the moment of the first snapshot, or, given several, each moment (milliseconds); -Count and -Interval take a series (an interval of 0
    /// spreads the count evenly over the media), -Width and -Height scale the images (default: the source size) and
    /// -SpriteConfig combines them into sprites. Images are JPG. Emits one SnapshotJob per media; a media VOD refuses is a
    /// non-terminating error. Each call makes a new, billed job, whatever jobs the media has (Get-VodSnapshot -Job lists
    /// them); a request whose answer was lost is not sent again: the job it made is looked up instead.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "VodSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = BySettings)]
    [OutputType(typeof(SnapshotJob))]
    public sealed class StartVodSnapshotCommand : VodCmdletBase
    {
        private const string BySettings = "BySettings";
        private const string ByTemplate = "ByTemplate";
        private const int MaxOffsetTimes = 30;

        /// <summary>The media to snapshot. Binds from VodMedia.MediaId and TranscodeTask.MediaId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>A snapshot template; VOD then ignores every other setting.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByTemplate)]
        [ValidateNotNullOrEmpty]
        public string SnapshotTemplateId { get; set; } = string.Empty;

        /// <summary>In milliseconds from the start: one value is the moment of the first snapshot (VOD's default is 0); several (up to 30) are each a moment.</summary>
        [Parameter(ParameterSetName = BySettings)]
        [Alias("OffsetTimes")]
        [ValidateCount(1, MaxOffsetTimes)]
        [ValidateRange(0, long.MaxValue)]
        public long[]? OffsetTime { get; set; }

        /// <summary>How many snapshots to take. VOD's default is 1.</summary>
        [Parameter(ParameterSetName = BySettings)]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        /// <summary>Seconds between snapshots; 0 spreads -Count evenly over the media. VOD's default is 1.</summary>
        [Parameter(ParameterSetName = BySettings)]
        [ValidateRange(0, int.MaxValue)]
        public int? Interval { get; set; }

        /// <summary>Image width in pixels, 8 to 4096. Default: the source width.</summary>
        [Parameter(ParameterSetName = BySettings)]
        [ValidateRange(8, 4096)]
        public int? Width { get; set; }

        /// <summary>Image height in pixels, 8 to 4096. Default: the source height.</summary>
        [Parameter(ParameterSetName = BySettings)]
        [ValidateRange(8, 4096)]
        public int? Height { get; set; }

        /// <summary>JSON object making sprites of the snapshots: CellWidth, CellHeight, Columns, Lines, Padding, Margin, ….</summary>
        [Parameter(ParameterSetName = BySettings)]
        public string? SpriteConfig { get; set; }

        /// <summary>Custom JSON object passed back in callbacks.</summary>
        [Parameter]
        public string? UserData { get; set; }

        protected override void BeginProcessing()
        {
            this.CheckParameters(() =>
            {
                SpriteConfig = VodLimits.JsonObject(SpriteConfig, nameof(SpriteConfig));
                UserData = VodLimits.JsonObject(UserData, nameof(UserData));
            });
        }

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId.Where(id => ShouldProcess(id, "Take snapshots")))
            {
                var submission = ParameterSetName == ByTemplate
                    ? new SnapshotSubmission { MediaId = id, SnapshotTemplateId = SnapshotTemplateId, UserData = UserData }
                    : new SnapshotSubmission
                    {
                        MediaId = id,
                        OffsetTime = OffsetTime?.Length == 1 ? OffsetTime[0] : (long?)null,
                        OffsetTimes = OffsetTime?.Length > 1 ? OffsetTime : null,
                        Count = Count,
                        Interval = Interval,
                        Width = Width,
                        Height = Height,
                        SpriteConfig = SpriteConfig,
                        UserData = UserData,
                    };
                try
                {
                    WriteObject(Await(Session.Vod.SnapshotOnceAsync(submission, lookFirst: false, Cancellation)));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodSnapshotNotSubmitted", id);
                }
            }
        }
    }
}
