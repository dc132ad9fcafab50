using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Ram;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates the RAM role that lets VOD's transcoding service read and write your OSS buckets (vod-pass-mps).</para>
    /// <para type="description">The role's trust policy lets the given service principals assume it:
    /// {"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]}}],"Version":"1"}.
    /// The principal mts.aliyuncs.com (Media Transcoding, which VOD transcodes with) is the most likely value of VOD's guide
    /// but Alibaba's published sources do not confirm it; give -ServicePrincipal to trust others (e.g. vod.aliyuncs.com as well).
    /// Idempotent: a role that already trusts the same principals (documents compared by meaning, not text) is returned
    /// unchanged without any write. The trust policy of a role that trusts others is replaced only after a question of high
    /// impact, asked as ConfirmImpact High asks (by default; -Force or -Confirm:$false answers it, and a host that cannot
    /// ask ends the command with VodConfirmationNotPossible).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodPassMpsRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RamRole))]
    public sealed class NewVodPassMpsRoleCommand : RamCmdletBase
    {
        /// <summary>The role name (1–64 letters, digits, '.' or '-'). Default vod-pass-mps.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RoleName { get; set; } = VodAccessService.DefaultRoleName;

        /// <summary>The cloud services trusted to assume the role. Default mts.aliyuncs.com (Alibaba's published sources do not confirm the value VOD's guide names).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ServicePrincipal { get; set; } = { VodAccessService.DefaultServicePrincipal };

        /// <summary>The role's description (1–1024 characters), used when the role is created.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Do not ask: replace the trust policy of a role that trusts other principals without a question.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool SkipsQuestions => Force;

        protected override void ProcessRecord()
        {
            try
            {
                var principals = CheckAll(ServicePrincipal, RamLimits.ServicePrincipal);
                var step = Access.EnsureRole(RamLimits.RoleName(RoleName), principals, RamLimits.Description(Description));
                if (step != null) WriteObject(step.Resource);
            }
            catch (Exception e) when (!Confirmation.EndsScript(e))
            {
                WriteItemError(e, "RamRoleNotCreated", RoleName);
            }
        }
    }
}
