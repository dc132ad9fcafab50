using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes VOD media categories with all their subcategories (DeleteCategory).</para>
    /// <para type="description">Asks for confirmation per category (ConfirmImpact High; -Force or -Confirm:$false skips it). VOD
    /// deletes the subcategories too, and the media in them lose their category (the media themselves stay). A category id
    /// VOD does not know is a non-terminating error (VodCategoryNotFound).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "VodCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveVodCategoryCommand : VodCmdletBase
    {
        /// <summary>The categories to delete (completes from category names). Binds from VodCategory.CateId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long[] CategoryId { get; set; } = Array.Empty<long>();

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in CategoryId)
            {
                if (!this.Confirm(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Delete VOD category and its subcategories", Force)) continue;
                try
                {
                    Await(Session.Vod.DeleteCategoryAsync(id, Cancellation));
                }
                catch (CloudException e) when (e.Code == VodService.CategoryNotFound)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no category {id}."), "VodCategoryNotFound", ErrorCategory.ObjectNotFound, id));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodCategoryNotDeleted", id);
                }
            }
        }
    }
}
