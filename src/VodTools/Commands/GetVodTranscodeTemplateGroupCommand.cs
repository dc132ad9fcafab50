using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists VOD transcode template groups, or gets groups by id with their templates.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodTranscodeTemplateGroup", DefaultParameterSetName = List)]
    [OutputType(typeof(VodTranscodeTemplateGroup))]
    public sealed class GetVodTranscodeTemplateGroupCommand : VodCmdletBase
    {
        private const string List = "List";
        private const string ById = "ById";

        /// <summary>Groups whose name matches this wildcard (case-insensitive). Default: all.</summary>
        [Parameter(Position = 0, ParameterSetName = List)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Only the groups of this VOD app.</summary>
        [Parameter(ParameterSetName = List)]
        public string? AppId { get; set; }

        /// <summary>The groups to get with their templates (GetTranscodeTemplateGroup); binds from New-VodTranscodeTemplateGroup's output.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [Alias("TranscodeTemplateGroupId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[] TemplateGroupId { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == List)
            {
                try
                {
                    var pattern = new WildcardPattern(Name ?? "*", WildcardOptions.IgnoreCase);
                    WriteObject(Await(Session.Vod.ListTranscodeTemplateGroupsAsync(AppId, Cancellation)).Where(g => pattern.IsMatch(g.Name ?? string.Empty)), enumerateCollection: true);
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodTemplateGroupsNotListed", AppId);
                }
                return;
            }
            foreach (var id in TemplateGroupId)
            {
                try
                {
                    WriteObject(Await(Session.Vod.GetTranscodeTemplateGroupAsync(id, Cancellation)));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodTemplateGroupNotRead", id);
                }
            }
        }
    }
}
