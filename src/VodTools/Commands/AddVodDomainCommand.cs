using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System;
using VodTools.Commands.Common;
using VodTools.Model;
using VodTools.Services.Formats;
using VodTools.Services.Oss;
using VodTools.Services;

namespace VodTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds a CDN domain to VOD with your OSS bucket as its origin (AddVodDomain).</para>
    /// <para type="description">The origin is the bucket's public OSS domain over HTTPS as the primary source:
    /// [{"content":"&lt;bucket&gt;.oss-&lt;region&gt;.aliyuncs.com","type":"oss","port":443,"priority":"20"}].
    /// Emits the domain as VOD describes it, with the CNAME to point DNS at. A domain that already exists with this origin
    /// is emitted as it is (a re-run adds nothing); one with other origins is an error (VodDomainOriginDiffers). Mainland scopes need an ICP filing; a private
    /// bucket also needs the console's "Back-to-Origin of Private Bucket" authorisation. VOD manages domains in Shanghai only, so the
    /// call goes to the Shanghai endpoint whatever the session's region (an -Endpoint given still wins).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "VodDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VodDomain))]
    public sealed class AddVodDomainCommand : VodCmdletBase
    {
        private static readonly Regex DomainNameForm = new Regex(@"^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The accelerated domain, e.g. video.example.com; a leading dot (.example.com) makes a wildcard domain.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string DomainName { get; set; } = string.Empty;

        /// <summary>The OSS bucket the domain serves from, in the session's region (-Region).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.CloudNameCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>Where the CDN accelerates: domestic (default, mainland China), overseas or global.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("domestic", "overseas", "global")]
        public string Scope { get; set; } = "domestic";

        protected override void ProcessRecord()
        {
            try
            {
                if (!DomainNameForm.IsMatch(DomainName))
                    throw new ValidationException("VodDomainNameInvalid", $"'{DomainName}' is not a domain name such as video.example.com.", "DomainName");
                var origin = OssBucketNames.PublicHost(OssBucketNames.Check(Bucket), Session.Region.RegionId);
                var existing = Await(Session.VodDomains.FindVodDomainAsync(DomainName, Cancellation));
                if (existing != null)
                {
                    if (!existing.Sources.Any(s => string.Equals(s.Content, origin, StringComparison.OrdinalIgnoreCase)))
                    {
                        var taken = new InvalidOperationException($"The domain {DomainName} exists with other origins ({string.Join(", ", existing.Sources)}); remove it first to serve it from {origin}.");
                        WriteError(new ErrorRecord(taken, "VodDomainOriginDiffers", ErrorCategory.ResourceExists, existing));
                        return;
                    }
                    WriteVerbose($"The domain {DomainName} already exists with the origin {origin}.");
                    WriteObject(existing);
                    return;
                }
                if (!ShouldProcess(DomainName, $"Add VOD domain ({Scope}) with origin {origin}")) return;
                var sources = Json.Compact(writer =>
                {
                    writer.WriteStartArray();
                    writer.WriteStartObject();
                    writer.WriteString("content", origin);
                    writer.WriteString("type", "oss");
                    writer.WriteNumber("port", 443);
                    writer.WriteString("priority", "20");
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                });
                Await(Session.VodDomains.AddVodDomainAsync(DomainName, sources, Scope, Cancellation));
                WriteObject(Await(Session.VodDomains.DescribeVodDomainAsync(DomainName, Cancellation)));
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                WriteItemError(e, "VodDomainNotAdded", DomainName);
            }
        }
    }
}
