using System.Management.Automation;
using System;
using VodTools.Commands.Common;
using VodTools.Model;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Describes VOD CDN domains: status, CNAME, scope and origins (DescribeVodDomainDetail), or lists them all (DescribeVodUserDomains).</para>
    /// <para type="description">Without -DomainName, lists every domain of the account, 50 a call. VOD manages domains in
    /// Shanghai only, so the calls go to the Shanghai endpoint whatever the session's region (an -Endpoint given still wins).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodDomain")]
    [OutputType(typeof(VodDomain))]
    public sealed class GetVodDomainCommand : VodCmdletBase
    {
        /// <summary>The domains to describe; none lists every domain of the account. A domain VOD does not know is a non-terminating error (InvalidDomain.NotFound).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? DomainName { get; set; }

        protected override void ProcessRecord()
        {
            if (DomainName == null)
            {
                ListAll();
                return;
            }

            foreach (var domain in DomainName)
            {
                try
                {
                    WriteObject(Await(Session.VodDomains.DescribeVodDomainAsync(domain, Cancellation)));
                }
                catch (Exception e) when (!(e is PipelineStoppedException))
                {
                    WriteItemError(e, "VodDomainNotRead", domain);
                }
            }
        }

        private void ListAll()
        {
            try
            {
                var listed = 0L;
                for (var pageNumber = 1; ; pageNumber++)
                {
                    var page = Await(Session.VodDomains.ListVodDomainsAsync(pageNumber, Cancellation));
                    foreach (var domain in page.Domains) WriteObject(domain);
                    listed += page.Domains.Count;
                    if (page.Domains.Count == 0 || listed >= page.TotalCount) return;
                }
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodDomainsNotListed", null);
            }
        }
    }
}
