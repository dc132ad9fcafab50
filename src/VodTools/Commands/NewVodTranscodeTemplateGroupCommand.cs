using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a VOD transcode template group (AddTranscodeTemplateGroup) and emits it with its templates.</para>
    /// <para type="description">-TemplateList takes VOD's JSON (an array of templates, or one template object) or hashtables,
    /// one per template, e.g. @{ TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' };
    /// Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' } }.
    /// The JSON is checked locally; a group holds at most 20 templates and an account at most 20 groups. Leave out settings
    /// you do not set rather than sending empty strings. VOD allows several groups with one name, but a second one is almost
    /// always a re-run: a name already taken is an error (VodTemplateGroupNameTaken, the existing group as its target)
    /// unless -AllowDuplicateName. A create whose answer is lost is not repeated: the groups are listed again, and a new group of that
    /// name is the one emitted.</para>
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

        /// <summary>Create the group even when one with the same name exists (VOD allows it).</summary>
        [Parameter]
        public SwitchParameter AllowDuplicateName { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var templates = TemplateListJson.From(TemplateList);
                var namesakes = Await(Session.Vod.ListTranscodeTemplateGroupsAsync(AppId, Cancellation)).Where(g => g.Name == Name).ToList();
                var namesake = AllowDuplicateName ? null : namesakes.FirstOrDefault();
                if (namesake != null)
                {
                    var taken = new InvalidOperationException($"The template group '{Name}' exists ({namesake.TemplateGroupId}); use it, or -AllowDuplicateName to create another with the same name.");
                    WriteError(new ErrorRecord(taken, "VodTemplateGroupNameTaken", ErrorCategory.ResourceExists, namesake));
                    return;
                }
                if (!ShouldProcess(Name, "Create VOD transcode template group")) return;
                var id = Await(Session.Vod.AddTranscodeTemplateGroupOnceAsync(Name, templates, AppId, namesakes.Count, Cancellation));
                WriteObject(Await(Session.Vod.GetTranscodeTemplateGroupAsync(id, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodTemplateGroupNotCreated", Name);
            }
        }
    }
}
