using System.Linq;
using System.Management.Automation;
using VodTools.Api.Credentials;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the session defaults that Set-VodContext and Start-VodEmulator set, secrets masked.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodContext")]
    [OutputType(typeof(VodContextInfo))]
    public sealed class GetVodContextCommand : PSCmdlet
    {
        protected override void EndProcessing() => WriteObject(Describe(VodContext.Current));

        internal static VodContextInfo Describe(VodContext context) =>
            new VodContextInfo
            {
                Region = context.Region,
                ProfileName = context.ProfileName,
                AccessKeyId = context.Credentials == null ? null : CloudCredentials.Mask(context.Credentials.AccessKeyId),
                AccessKeySecret = context.Credentials == null ? null : "****",
                SecurityToken = context.Credentials?.SecurityToken == null ? null : "****",
                Endpoints = context.Endpoints.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString()),
                AllowInsecureHttp = context.AllowInsecureHttp,
                EmulatorProcessId = context.EmulatorProcessId,
            };
    }
}
