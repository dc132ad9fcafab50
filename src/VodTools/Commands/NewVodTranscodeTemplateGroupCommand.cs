using System;
using System.Management.Automation;
using VodTools.Model;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a VOD transcode template group (AddTranscodeTemplateGroup) and emits it with its templates.</para>
    /// <para type="description">-TemplateList takes VOD's JSON (an array of templates, or one template object) or hashtables,
    /// one per template, e.g. @{ TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' };
    /// Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' } }.
    /// The JSON is checked locally; a group holds at most 20 templates and an account at most 20 groups. Leave out settings
    /// you do not set rather than sending empty strings.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodTranscodeTemplateGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodTranscodeTemplateGroup))]
    public sealed class NewVodTranscodeTemplateGroupCommand : VodCmdletBase
    {
        /// <summary>The group's name (at most 128 bytes).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The templates: VOD's JSON text, or one hashtable (or object) per template.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public object[]? TemplateList { get; set; }

        /// <summary>The VOD app the group belongs to. Default: the account's default app.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AppId { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var templates = TemplateListJson.From(TemplateList);
                if (!ShouldProcess(Name, "Create VOD transcode template group")) return;
                var id = Await(Session.Vod.AddTranscodeTemplateGroupAsync(Name, templates, AppId, Cancellation));
                WriteObject(Await(Session.Vod.GetTranscodeTemplateGroupAsync(id, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodTemplateGroupNotCreated", Name);
            }
        }
    }
}
