using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the source file (mezzanine) of VOD media: URL, size, duration, resolution, MD5.</para>
    /// <para type="description">Calls GetMezzanineInfo once per media. VOD fills in duration, bitrate and resolution only
    /// after a stream has been transcoded. A media VOD does not know, or whose source file is gone, is a non-terminating
    /// ObjectNotFound error (VodMezzanineNotFound).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodMezzanine")]
    [OutputType(typeof(VodMezzanine))]
    public sealed class GetVodMezzanineCommand : VodCmdletBase
    {
        /// <summary>The media ids. Bind from VodMedia.MediaId, TranscodeTask.MediaId or plain strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VideoId")]
        [ValidateNotNullOrEmpty]
        public string[] MediaId { get; set; } = Array.Empty<string>();

        /// <summary>The kind of FileUrl: <c>oss</c> (the object's OSS URL) or <c>cdn</c> (VOD's default, through its domain).</summary>
        [Parameter]
        [ValidateSet("oss", "cdn")]
        public string? OutputType { get; set; }

        /// <summary>Seconds a signed FileUrl stays valid. VOD's default is 1800.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [Alias("AuthTimeout")]
        public int? AuthTimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in MediaId)
            {
                try
                {
                    WriteObject(Await(Session.Vod.GetMezzanineInfoAsync(id, OutputType, AuthTimeoutSec, Cancellation)));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodMezzanineNotFound", id);
                }
            }
        }
    }
}
