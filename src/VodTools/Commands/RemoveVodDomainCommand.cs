using System.Management.Automation;
using System;
using VodTools.Commands.Common;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes VOD CDN domains (DeleteVodDomain).</para>
    /// <para type="description">VOD manages domains in Shanghai only, so the call goes to the Shanghai endpoint whatever the
    /// session's region (an -Endpoint given still wins). A delete retried after its first answer was lost counts as done
    /// when VOD then answers that the domain is gone.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "VodDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveVodDomainCommand : VodCmdletBase
    {
        /// <summary>The domains to delete; binds from Get-VodDomain's output.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] DomainName { get; set; } = Array.Empty<string>();

        /// <summary>Do not ask for confirmation, as -Confirm:$false; -WhatIf still only shows what would be done.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var domain in DomainName)
            {
                if (!this.Confirm(domain, "Delete VOD domain", Force)) continue;
                try
                {
                    Await(Session.VodDomains.DeleteVodDomainAsync(domain, Cancellation));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodDomainNotRemoved", domain);
                }
            }
        }
    }
}
