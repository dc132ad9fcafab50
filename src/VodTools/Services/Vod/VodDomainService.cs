using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Model;
using VodTools.Services.Formats;

namespace VodTools.Services.Vod
{
    /// <summary>
    /// VOD's CDN domain operations. VOD answers them in Shanghai only (API reference: "available only in the China
    /// (Shanghai) region"), so their client is bound to the Shanghai endpoint whatever the session's region.
    /// </summary>
    public sealed class VodDomainService
    {
        /// <summary>DescribeVodUserDomains returns at most 50 domains a page.</summary>
        public const int MaxPageSize = 50;

        private const string DomainExists = "DomainAlreadyExist";
        private const string DomainMissing = "InvalidDomain.NotFound";

        private readonly RpcClient _client;

        public VodDomainService(RpcClient client) => _client = client;

        private static KeyValuePair<string, string> P(string name, string value) => new KeyValuePair<string, string>(name, value);

        /// <summary>
        /// Adds a CDN domain; <paramref name="sourcesJson"/> is the JSON array of origins. "Already exists" after an
        /// attempt whose answer was lost is that attempt's success.
        /// </summary>
        public async Task AddVodDomainAsync(string domainName, string sourcesJson, string scope, CancellationToken cancellationToken)
        {
            try
            {
                await _client.CallAsync("AddVodDomain", new[] { P("DomainName", domainName), P("Sources", sourcesJson), P("Scope", scope) }, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudException e) when (e.Code == DomainExists && e.AfterUnansweredAttempt)
            {
            }
        }

        /// <summary>The domain, or null when VOD does not know it.</summary>
        public async Task<VodDomain?> FindVodDomainAsync(string domainName, CancellationToken cancellationToken)
        {
            try
            {
                return await DescribeVodDomainAsync(domainName, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudException e) when (e.Code == DomainMissing)
            {
                return null;
            }
        }

        public async Task<VodDomain> DescribeVodDomainAsync(string domainName, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("DescribeVodDomainDetail", new[] { P("DomainName", domainName) }, cancellationToken).ConfigureAwait(false);
            var detail = result.Prop("DomainDetail") ?? throw new InvalidOperationException("VOD answered without a DomainDetail.");
            var domain = ReadDomain(detail);
            if (domain.DomainName.Length == 0) domain.DomainName = domainName;
            return domain;
        }

        /// <summary>One page (from 1) of the account's domains (DescribeVodUserDomains).</summary>
        public async Task<VodDomainPage> ListVodDomainsAsync(int pageNumber, CancellationToken cancellationToken)
        {
            var result = await _client.CallAsync("DescribeVodUserDomains",
                new[] { P("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture)), P("PageSize", MaxPageSize.ToString(CultureInfo.InvariantCulture)) },
                cancellationToken).ConfigureAwait(false);
            var domains = result.Prop("Domains")?.Items("PageData").Select(ReadDomain).ToList() ?? new List<VodDomain>();
            return new VodDomainPage { Domains = domains, TotalCount = result.Long("TotalCount") ?? domains.Count };
        }

        /// <summary>Deletes a CDN domain. "Not found" after an attempt whose answer was lost is that attempt's success.</summary>
        public async Task DeleteVodDomainAsync(string domainName, CancellationToken cancellationToken)
        {
            try
            {
                await _client.CallAsync("DeleteVodDomain", new[] { P("DomainName", domainName) }, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudException e) when (e.Code == DomainMissing && e.AfterUnansweredAttempt)
            {
            }
        }

        /// <summary>A DomainDetail or a PageData item: the same fields, the origins under Sources.Source.</summary>
        private static VodDomain ReadDomain(JsonElement d) => new VodDomain
        {
            DomainName = d.Str("DomainName") ?? string.Empty,
            Cname = d.Str("Cname"),
            DomainStatus = d.Str("DomainStatus"),
            Scope = d.Str("Scope"),
            CreationTime = d.Date("GmtCreated"),
            ModificationTime = d.Date("GmtModified"),
            Description = d.Str("Description"),
            Sources = d.Items("Sources", "Source").Select(s => new VodDomainSource
            {
                Content = s.Str("Content"),
                Type = s.Str("Type"),
                Port = (int?)s.Long("Port"),
                Priority = s.Str("Priority"),
            }).ToList(),
        };
    }
}
