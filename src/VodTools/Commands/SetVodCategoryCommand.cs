using System.Globalization;
using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Renames a VOD media category (UpdateCategory).</para>
    /// <para type="description">Gives the category a new name (at most 64 bytes), checked before any call; its place in the
    /// tree, its subcategories and its media stay. Naming a category so again changes nothing, so a retried call is safe.
    /// VOD does not keep names unique: another category of that name under the same parent is not an error. With -PassThru
    /// it emits the renamed category with its path. A category id VOD does not know is a non-terminating error
    /// (VodCategoryNotFound).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodCategory))]
    public sealed class SetVodCategoryCommand : VodCmdletBase
    {
        /// <summary>The category to rename (completes from category names). Binds from VodCategory.CateId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long CategoryId { get; set; }

        /// <summary>The new name (at most 64 bytes).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = string.Empty;

        /// <summary>Emit the renamed category, with its path.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var id = CategoryId.ToString(CultureInfo.InvariantCulture);
            if (!CheckItem(() => VodLimits.CategoryName(NewName, nameof(NewName)), CategoryId, out _)) return;
            if (!ShouldProcess(id, $"Rename VOD category to '{NewName}'")) return;
            try
            {
                Await(Session.Vod.RenameCategoryAsync(CategoryId, NewName, Cancellation));
                if (PassThru) WriteObject(Await(Session.Vod.GetCategoryWithPathAsync(CategoryId, Cancellation)));
            }
            catch (CloudException e) when (e.Code == VodService.CategoryNotFound)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no category {id}."), "VodCategoryNotFound", ErrorCategory.ObjectNotFound, CategoryId));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodCategoryNotRenamed", CategoryId);
            }
        }
    }
}
