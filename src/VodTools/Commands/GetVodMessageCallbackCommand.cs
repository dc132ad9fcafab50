using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets where and how VOD sends an app's event notifications (GetMessageCallback).</para>
    /// <para type="description">Emits one VodMessageCallback: the callback type and URL, the event types sent, and whether
    /// callbacks are signed. The signing key itself is never shown: AuthKey is "********" when one is set.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodMessageCallback")]
    [OutputType(typeof(VodMessageCallback))]
    public sealed class GetVodMessageCallbackCommand : VodCmdletBase
    {
        /// <summary>The VOD app. Default: app-1000000.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? AppId { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(Await(Session.Vod.GetMessageCallbackAsync(AppId, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodMessageCallbackUnavailable", AppId);
            }
        }
    }
}
