using System.Management.Automation;
using System;
using VodTools.Api.Http;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets VOD's media categories: the level-1 categories, one category, or the whole tree (GetCategories).</para>
    /// <para type="description">Without -CategoryId, lists the level-1 categories; with -CategoryId, that category. -Recurse adds
    /// every subcategory below, depth first. Each category carries its Path (Films/Drama). -Name keeps the categories whose
    /// name matches the wildcard. A category id VOD does not know is a non-terminating error (VodCategoryNotFound).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodCategory")]
    [OutputType(typeof(VodCategory))]
    public sealed class GetVodCategoryCommand : VodCmdletBase
    {
        /// <summary>The category to get (completes from category names); without it, the level-1 categories.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        [Alias("CateId")]
        public long[]? CategoryId { get; set; }

        /// <summary>Keep only categories whose name matches this wildcard (case-insensitive).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Also list every subcategory, depth first.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        protected override void ProcessRecord()
        {
            var name = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            void Write(VodCategory category)
            {
                if (name == null || name.IsMatch(category.CateName)) WriteObject(category);
            }

            if (CategoryId == null)
            {
                try
                {
                    foreach (var category in Await(Session.Vod.ListCategoryTreeAsync(null, Recurse, Cancellation))) Write(category);
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodCategoryNotRead", null);
                }
                return;
            }
            foreach (var id in CategoryId)
            {
                try
                {
                    var category = Await(Session.Vod.GetCategoryWithPathAsync(id, Cancellation));
                    Write(category);
                    if (Recurse) foreach (var below in Await(Session.Vod.ListCategoryTreeAsync(category, true, Cancellation))) Write(below);
                }
                catch (CloudException e) when (e.Code == VodService.CategoryNotFound)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"VOD has no category {id}."), "VodCategoryNotFound", ErrorCategory.ObjectNotFound, id));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodCategoryNotRead", id);
                }
            }
        }
    }
}
