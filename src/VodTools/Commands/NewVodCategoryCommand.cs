using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a VOD media category, or gets the one of that name under the same parent (AddCategory).</para>
    /// <para type="description">VOD does not keep category names unique, so New-VodCategory looks first: a category of that
    /// name under -ParentId is emitted as it is (a re-run creates nothing). Otherwise it creates one. A create whose answer
    /// is lost is not repeated blindly: the subcategories are listed again, and only when none of that name is there is the
    /// create sent once more. VOD allows three levels of categories and 100 subcategories per category.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VodCategory))]
    public sealed class NewVodCategoryCommand : VodCmdletBase
    {
        /// <summary>The category's name (at most 64 bytes).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CateName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The parent category (completes from category names). Default: none, a level-1 category.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public long ParentId { get; set; } = VodService.RootCategory;

        protected override void ProcessRecord()
        {
            if (!CheckItem(() => VodLimits.CategoryName(Name, nameof(Name)), Name, out _)) return;
            try
            {
                var parent = ParentId == VodService.RootCategory ? null : Await(Session.Vod.GetCategoryWithPathAsync(ParentId, Cancellation));
                if (!ShouldProcess(parent == null ? Name : parent.Path + "/" + Name, "Create VOD category")) return;
                var (category, created) = Await(Session.Vod.AddCategoryOnceAsync(Name, ParentId, Cancellation));
                category.Path = parent == null ? category.CateName : parent.Path + "/" + category.CateName;
                if (!created) WriteVerbose($"The category '{category.Path}' exists ({category.CateId}); nothing created.");
                WriteObject(category);
            }
            catch (CloudException e) when (e.Code == VodService.CategoryNotFound)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no category {ParentId} to create '{Name}' in."), "VodCategoryNotFound", ErrorCategory.ObjectNotFound, ParentId));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodCategoryNotCreated", Name);
            }
        }
    }
}
