using System.Management.Automation;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows who the current credentials are (STS GetCallerIdentity) and where they came from.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodCallerIdentity")]
    [OutputType(typeof(CallerIdentity))]
    public sealed class GetVodCallerIdentityCommand : VodCmdletBase
    {
        protected override void EndProcessing()
        {
            CallerIdentity identity;
            try
            {
                identity = Await(Session.Sts.GetCallerIdentityAsync(Cancellation));
            }
            catch (System.Exception e) when (!(e is PipelineStoppedException))
            {
                ThrowTerminatingError(ToErrorRecord(e, "VodCallerIdentityFailed", null));
                return;
            }
            identity.CredentialSource = Session.Credentials.Description;
            identity.Region = Session.Region.RegionId;
            WriteObject(identity);
        }
    }
}
