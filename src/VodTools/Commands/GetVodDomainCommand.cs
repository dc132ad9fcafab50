using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Describes VOD CDN domains: status, CNAME, scope and origins (DescribeVodDomainDetail).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodDomain")]
    [OutputType(typeof(VodDomain))]
    public sealed class GetVodDomainCommand : VodCmdletBase
    {
        /// <summary>The domains to describe. A domain VOD does not know is a non-terminating error (InvalidDomain.NotFound).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] DomainName { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var domain in DomainName)
            {
                try
                {
                    WriteObject(Await(Session.Vod.DescribeVodDomainAsync(domain, Cancellation)));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodDomainNotRead", domain);
                }
            }
        }
    }
}
