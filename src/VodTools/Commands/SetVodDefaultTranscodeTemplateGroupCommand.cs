using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a transcode template group the account's default (SetDefaultTranscodeTemplateGroup).</para>
    /// <para type="description">-NoTranscode sets VOD_NO_TRANSCODE, "no transcoding": uploads are only distributed. Whether the
    /// cloud accepts VOD_NO_TRANSCODE as the default could not be confirmed from Alibaba's published sources; RegisterMedia accepts it per file.
    /// A group that is already the default is left alone (nothing is written).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodDefaultTranscodeTemplateGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ById)]
    [OutputType(typeof(VodTranscodeTemplateGroup))]
    public sealed class SetVodDefaultTranscodeTemplateGroupCommand : VodCmdletBase
    {
        private const string ById = "ById";
        private const string NoTranscodeSet = "NoTranscode";

        /// <summary>The group to make the default; binds from Get- or New-VodTranscodeTemplateGroup's output.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [Alias("TranscodeTemplateGroupId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string TemplateGroupId { get; set; } = string.Empty;

        /// <summary>Make "no transcoding" (VOD_NO_TRANSCODE) the default.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NoTranscodeSet)]
        public SwitchParameter NoTranscode { get; set; }

        /// <summary>Emit the group that is now the default.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = NoTranscode ? VodService.NoTranscode : TemplateGroupId;
            try
            {
                // VOD_NO_TRANSCODE is not listed, so only a listed group can be found to be the default already.
                if (!NoTranscode && Await(Session.Vod.ListTranscodeTemplateGroupsAsync(null, Cancellation)).Any(g => g.TemplateGroupId == id && g.IsDefault))
                    WriteVerbose($"The template group {id} is already the default.");
                else if (ShouldProcess(id, "Make the default transcode template group"))
                    Await(Session.Vod.SetDefaultTranscodeTemplateGroupAsync(id, Cancellation));
                else
                    return;
                if (PassThru) WriteObject(Await(Session.Vod.GetTranscodeTemplateGroupAsync(id, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodDefaultTemplateGroupNotSet", id);
            }
        }
    }
}
