using System.Linq;
using System.Management.Automation;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the fault rules in force in a running emulator, with how many requests each has hit.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodEmulatorFault")]
    [OutputType(typeof(EmulatorFaultRule))]
    public sealed class GetVodEmulatorFaultCommand : EmulatorAdminCmdletBase
    {
        /// <summary>Only the rules with these ids.</summary>
        [Parameter(Position = 0)]
        public int[]? Id { get; set; }

        protected override void EndProcessing()
        {
            foreach (var rule in Run(() => Admin.GetFaults(), EmulatorUrl).Where(r => Id == null || Id.Contains(r.Id))) WriteObject(rule);
        }
    }
}
