using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Oss;
using VodTools.Services.Vod;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds your own OSS bucket to a VOD app as storage (AddVodStorageForApp with StorageType user_oss_bucket).</para>
    /// <para type="description">Sends StorageLocation &lt;bucket&gt;.oss-&lt;region&gt;.aliyuncs.com for the session's region.
    /// VOD's documentation disagrees with itself on whether this API binds a user-created bucket: the cloud
    /// may refuse it and still require a support ticket or the console to add a user-created bucket. Run
    /// Initialize-VodBucketAccess first so VOD may use the bucket. Each bucket that fails is a non-terminating error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "VodStorage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodStorage))]
    public sealed class AddVodStorageCommand : VodCmdletBase
    {
        private const string UserBucket = "user_oss_bucket";

        /// <summary>The buckets to add, in the session's region (-Region); binds from Get-OssBucket's output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string[] Bucket { get; set; } = Array.Empty<string>();

        /// <summary>The VOD app. Default app-1000000, the app every account has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = VodService.DefaultAppId;

        protected override void ProcessRecord()
        {
            foreach (var bucket in Bucket)
            {
                try
                {
                    var location = OssBucketNames.PublicHost(OssBucketNames.Check(bucket), Session.Region.RegionId);
                    if (!ShouldProcess(location, $"Add storage to VOD app {AppId}")) continue;
                    var recorded = Await(Session.Vod.AddVodStorageForAppAsync(AppId, UserBucket, location, Cancellation));
                    WriteObject(new VodStorage { AppId = AppId, StorageType = UserBucket, StorageLocation = recorded, Bucket = bucket });
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodStorageNotAdded", bucket);
                }
            }
        }
    }
}
