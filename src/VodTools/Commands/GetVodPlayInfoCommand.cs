using System.Management.Automation;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the play URLs of VOD media: one VodPlayInfo per stream, with definition, format, bitrate, size and duration.</para>
    /// <para type="description">Calls GetPlayInfo once per media and emits the latest stream of each definition and format
    /// (-Format, -Definition and -StreamType narrow them). Only media whose status is Normal can be played: VOD refuses
    /// the others (VodMediaNotPlayable, e.g. while the media is transcoding). A media with no stream that matches, such as
    /// one registered without transcoding, is a non-terminating ObjectNotFound error (VodMediaHasNoStream); an unknown
    /// media is VodMediaNotFound; the others go on. Each PlayUrl is what a player opens; a signed one is valid for
    /// -AuthTimeoutSec seconds.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodPlayInfo")]
    [OutputType(typeof(VodPlayInfo))]
    public sealed class GetVodPlayInfoCommand : PlaybackCmdletBase
    {
        protected override void ProcessRecord()
        {
            foreach (var id in MediaId)
            {
                var streams = ReadStreams(id);
                if (streams != null) WriteObject(streams, enumerateCollection: true);
            }
        }
    }
}
