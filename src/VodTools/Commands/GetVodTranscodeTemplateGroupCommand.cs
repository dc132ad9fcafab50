using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists VOD transcode template groups with their templates, or gets groups by id.</para>
    /// <para type="description">VOD's list call names each group without its templates, so each group listed is read in full
    /// (an account holds at most 20). A -Name without wildcards that matches no group is an error (VodTemplateGroupNotFound);
    /// a wildcard that matches none returns nothing.</para>
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
                VodTranscodeTemplateGroup[] listed;
                try
                {
                    var pattern = new WildcardPattern(Name ?? "*", WildcardOptions.IgnoreCase);
                    listed = Await(Session.Vod.ListTranscodeTemplateGroupsAsync(AppId, Cancellation)).Where(g => pattern.IsMatch(g.Name ?? string.Empty)).ToArray();
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodTemplateGroupsNotListed", AppId);
                    return;
                }
                if (listed.Length == 0 && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no transcode template group named '{Name}'."), "VodTemplateGroupNotFound", ErrorCategory.ObjectNotFound, Name));
                    return;
                }
                // ListTranscodeTemplateGroup answers no templates: each group (at most 20 in an account) is read in full.
                Read(listed.Select(g => g.TemplateGroupId));
                return;
            }
            Read(TemplateGroupId);
        }

        /// <summary>Reads the groups with their templates, all at once, and emits them in the order given.</summary>
        private void Read(System.Collections.Generic.IEnumerable<string> ids)
        {
            var vod = Session.Vod;
            var cancellation = Cancellation;
            var reads = ids.Select(async id =>
            {
                try
                {
                    return (id, group: await vod.GetTranscodeTemplateGroupAsync(id, cancellation).ConfigureAwait(false), error: (Exception?)null);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellation.IsCancellationRequested))
                {
                    return (id, group: (VodTranscodeTemplateGroup?)null, error: e);
                }
            }).ToList();
            foreach (var (id, group, error) in Await(System.Threading.Tasks.Task.WhenAll(reads)))
            {
                if (error == null) WriteObject(group);
                else WriteItemError(error, "VodTemplateGroupNotRead", id);
            }
        }
    }
}
