using System.Linq;
using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Oss;
using VodTools.Services.Ram;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks, by reading only, that a bucket meets VOD's preconditions before a migration: bucket, region, role, policy, storage, template group, MPS.</para>
    /// <para type="description">Runs seven checks per bucket and emits one VodBucketCheck for each (Check, Status Pass, Warn
    /// or Fail, Detail, Remedy), in this order: BucketAccess (the bucket exists and the caller can list it), BucketRegion
    /// (its location is a region VOD serves, and the session's VOD region), ServiceRole (the role vod-pass-mps exists and
    /// trusts mts.aliyuncs.com), RolePolicy (a policy attached to the role grants oss:* on the bucket), VodStorage (always
    /// Warn: VOD's API cannot list an app's storage, so look in the console), TemplateGroup (a default transcode template
    /// group is set, or the -TemplateGroupId given exists) and MpsMediaBucket (the bucket is not one of Media Processing's
    /// media buckets, which VOD's guide says cannot be added). Nothing is changed. A check that fails never stops the
    /// others; a read the caller may not do is a Warn that names the permission to grant.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VodBucket")]
    [OutputType(typeof(VodBucketCheck))]
    public sealed class TestVodBucketCommand : VodCmdletBase
    {
        /// <summary>The buckets to check. Bind from OssBucket.Bucket or OssObject.Bucket.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[] Bucket { get; set; } = Array.Empty<string>();

        /// <summary>The template group the migration will use; without it, a default group must be set.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string? TemplateGroupId { get; set; }

        /// <summary>The role VOD's transcoding assumes. Default vod-pass-mps.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string RoleName { get; set; } = VodAccessService.DefaultRoleName;

        /// <summary>The services the role must trust. Default mts.aliyuncs.com (Alibaba's published sources do not confirm the value VOD's guide names).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ServicePrincipal { get; set; } = { VodAccessService.DefaultServicePrincipal };

        private BucketPreflight? _preflight;

        protected override void BeginProcessing()
        {
            this.CheckParameters(() =>
            {
                RamLimits.RoleName(RoleName);
                foreach (var principal in ServicePrincipal) RamLimits.ServicePrincipal(principal);
            });
        }

        protected override void ProcessRecord()
        {
            foreach (var name in Bucket)
            {
                if (!CheckItem(() => OssBucketNames.Check(name), name, out var bucket)) continue;
                _preflight ??= new BucketPreflight(Session, this) { RoleName = RoleName, ServicePrincipals = ServicePrincipal.Distinct().ToList() };
                _preflight.TemplateGroupId = TemplateGroupId;
                try
                {
                    foreach (var check in _preflight.Run(bucket))
                    {
                        FlushDiagnostics();
                        WriteObject(check);
                    }
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodBucketCheckFailed", bucket); // a refused key: no check can be made with it
                }
            }
        }
    }
}
