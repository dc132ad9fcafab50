using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Services.Oss;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes objects from an OSS bucket.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OssObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOssObjectCommand : VodCmdletBase
    {
        /// <summary>The bucket.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The object key (exact, no wildcards). Deleting a key that does not exist succeeds, as in OSS.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Key { get; set; } = string.Empty;

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (!CheckItem(() => (OssObjectKeys.Check(Key), OssBucketNames.Check(Bucket)), $"oss://{Bucket}/{Key}", out _)) return;
            if (!this.Confirm($"oss://{Bucket}/{Key}", "Delete object", Force)) return;
            try
            {
                Await(Session.Oss.DeleteObjectAsync(Bucket, Key, Cancellation));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "OssObjectNotDeleted", $"oss://{Bucket}/{Key}");
            }
        }
    }
}
