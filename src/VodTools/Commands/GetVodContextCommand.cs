using System.Linq;
using System.Management.Automation;
using VodTools.Api.Credentials;
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
        protected override void EndProcessing() => WriteObject(Describe(VodContext.Current));

        internal static VodContextInfo Describe(VodContext context) =>
            new VodContextInfo
            {
                Region = context.Settings.Region,
                ProfileName = context.Settings.ProfileName,
                AccessKeyId = context.Settings.AccessKeyId == null ? null : CloudCredentials.Mask(context.Settings.AccessKeyId),
                AccessKeySecret = context.Settings.AccessKeySecret == null ? null : "****",
                SecurityToken = context.Settings.SecurityToken == null ? null : "****",
                Endpoints = context.Settings.Endpoints.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString()),
                AllowInsecureHttp = context.Settings.AllowInsecureHttp,
                EmulatorProcessId = context.EmulatorProcessId,
                EmulatorRunning = context.Emulator?.IsRunning,
                Target = SessionTarget.Describe(context.Settings, context.Settings.Region, context.Emulator),
            };
    }
}
