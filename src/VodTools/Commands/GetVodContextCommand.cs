using System.Management.Automation;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the session defaults that Set-VodContext and Start-VodEmulator set, secrets masked, and which cloud they point at.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodContext")]
    [OutputType(typeof(VodContextInfo))]
    public sealed class GetVodContextCommand : PSCmdlet
    {
        protected override void EndProcessing() => WriteObject(VodContext.Current.Describe());
    }
}
