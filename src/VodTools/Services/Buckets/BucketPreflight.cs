using System.Collections.Generic;
using System.Linq;
using System;
using VodTools.Api.Endpoints;
using VodTools.Api.Http;
using VodTools.Model;
using VodTools.Services.Mts;
using VodTools.Services.Ram;

namespace VodTools.Services.Buckets
{
    /// <summary>
    /// The preconditions of VOD's guide for adding an OSS bucket, checked by reads alone: the bucket and its region, the
    /// role VOD's transcoding assumes and what its policies grant, VOD's storage and template group, and Media
    /// Processing's media buckets. Every check yields one result, whatever the others did: a refused or failed read is a
    /// Warn (or a Fail where it proves the condition false), never an exception.
    /// </summary>
    public sealed class BucketPreflight
    {
        public const string BucketAccess = "BucketAccess";
        public const string BucketRegion = "BucketRegion";
        public const string ServiceRole = "ServiceRole";
        public const string RolePolicy = "RolePolicy";
        public const string VodStorage = "VodStorage";
        public const string TemplateGroup = "TemplateGroup";
        public const string MpsMediaBucket = "MpsMediaBucket";

        private readonly CloudSession _session;
        private readonly IWorkflowHost _host;
        private readonly VodAccessService _access;

        public BucketPreflight(CloudSession session, IWorkflowHost host)
        {
            _session = session;
            _host = host;
            _access = new VodAccessService(session.Ram, host);
        }

        /// <summary>The role VOD's transcoding assumes. Default vod-pass-mps.</summary>
        public string RoleName { get; set; } = VodAccessService.DefaultRoleName;

        /// <summary>The services the role must trust. Default mts.aliyuncs.com.</summary>
        public IReadOnlyList<string> ServicePrincipals { get; set; } = new[] { VodAccessService.DefaultServicePrincipal };

        /// <summary>The template group the migration will use; null = VOD's default group must be set.</summary>
        public string? TemplateGroupId { get; set; }

        /// <summary>Every check of one bucket, in the guide's order.</summary>
        public IEnumerable<VodBucketCheck> Run(string bucket)
        {
            OssBucket? info = null;
            yield return Guard(bucket, BucketAccess, "read the bucket", "oss:GetBucketInfo and oss:ListObjects on the bucket", () =>
            {
                var (check, read) = CheckAccess(bucket);
                info = read;
                return check;
            });
            yield return info == null
                ? new VodBucketCheck(bucket, BucketRegion, VodCheckStatus.Warn, "Not checked: the bucket's location could not be read.", "Fix the BucketAccess check first.")
                : JudgeRegion(bucket, info.Region, _session.Region.RegionId);
            RamRole? role = null;
            const string ramReads = "ram:GetRole, ram:ListPoliciesForRole and ram:GetPolicy (e.g. the AliyunRAMReadOnlyAccess policy)";
            yield return Guard(bucket, ServiceRole, "read the role", ramReads, () =>
            {
                role = _access.FindRole(RoleName);
                return JudgeTrust(bucket, RoleName, role?.AssumeRolePolicyDocument, role != null, ServicePrincipals);
            });
            yield return Guard(bucket, RolePolicy, "read the role's policies", ramReads, () => CheckGrants(bucket, role));
            yield return StorageUnlisted(bucket);
            yield return Guard(bucket, TemplateGroup, "read the transcode template groups", "VOD read access (e.g. the AliyunVODReadOnlyAccess policy)", () => CheckTemplateGroup(bucket));
            yield return Guard(bucket, MpsMediaBucket, "list Media Processing's media buckets", "mts:ListAllMediaBucket", () =>
                JudgeMediaBuckets(bucket, _host.Await(_session.Mts.ListMediaBucketsAsync(_host.Cancellation))), otherService: true);
        }

        private (VodBucketCheck, OssBucket?) CheckAccess(string bucket)
        {
            OssBucket? info = null;
            string? unread = null;
            try
            {
                info = _host.Await(_session.Oss.GetBucketInfoAsync(bucket, _host.Cancellation));
            }
            catch (CloudException e) when (e.Code == "NoSuchBucket")
            {
                return (new VodBucketCheck(bucket, BucketAccess, VodCheckStatus.Fail, $"OSS has no bucket named {bucket} ({e.Code}).",
                    "Check the name (Get-OssBucket lists the account's buckets); the bucket must exist before VOD can use it."), null);
            }
            catch (CloudException e) when (IsRefused(e))
            {
                unread = $" Its details could not be read ({e.Code}), so its region is not checked.";
            }
            try
            {
                _host.Await(_session.Oss.ListObjectsAsync(bucket, null, null, null, null, 1, _host.Cancellation));
            }
            catch (CloudException e) when (IsRefused(e))
            {
                return (new VodBucketCheck(bucket, BucketAccess, VodCheckStatus.Fail, $"The caller may not list the bucket ({e.Code}): its files cannot be found to register.",
                    "Grant the caller oss:ListObjects on the bucket (e.g. the AliyunOSSReadOnlyAccess policy), or run as a user who has it."), info);
            }
            return (new VodBucketCheck(bucket, BucketAccess, VodCheckStatus.Pass, "The bucket exists and the caller can list it." + unread), info);
        }

        /// <summary>Pass when the bucket is in a VOD region and it is the session's VOD region (VOD processes media of its own region only).</summary>
        public static VodBucketCheck JudgeRegion(string bucket, string bucketRegion, string sessionRegion)
        {
            if (!EndpointResolver.VodRegions.Contains(bucketRegion))
                return new VodBucketCheck(bucket, BucketRegion, VodCheckStatus.Fail,
                    $"The bucket is in {bucketRegion}, where VOD is not offered (VOD serves {string.Join(", ", EndpointResolver.VodRegions)}).",
                    "Copy the media to a bucket in a VOD region (with ossutil or OSS cross-region replication) and migrate from that bucket.");
            var vodRegion = EndpointResolver.VodRegionOf(sessionRegion);
            if (!string.Equals(bucketRegion, vodRegion, StringComparison.Ordinal))
                return new VodBucketCheck(bucket, BucketRegion, VodCheckStatus.Fail,
                    $"The bucket is in {bucketRegion}, but this session's VOD is in {vodRegion}: VOD processes only media stored in its own region.",
                    $"Run in the bucket's region: -Region {bucketRegion}, or Set-VodContext -Region {bucketRegion}.");
            return new VodBucketCheck(bucket, BucketRegion, VodCheckStatus.Pass, $"The bucket is in {bucketRegion}, a VOD region and this session's.");
        }

        /// <summary>Pass when the role exists and its trust policy lets every one of the principals assume it.</summary>
        public static VodBucketCheck JudgeTrust(string bucket, string roleName, string? trustPolicy, bool exists, IReadOnlyList<string> principals)
        {
            if (!exists)
                return new VodBucketCheck(bucket, ServiceRole, VodCheckStatus.Fail, $"The RAM role {roleName} does not exist: VOD's transcoding cannot read the bucket.",
                    $"Initialize-VodBucketAccess -Bucket {bucket} creates it.");
            var trusted = PolicyDocuments.TrustedServices(trustPolicy);
            var missing = principals.Where(p => !trusted.Contains(p, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
                return new VodBucketCheck(bucket, ServiceRole, VodCheckStatus.Fail,
                    $"The role {roleName} trusts {(trusted.Count == 0 ? "no service" : string.Join(", ", trusted))}, not {string.Join(", ", missing)}.",
                    $"Initialize-VodBucketAccess -Bucket {bucket} -Force replaces its trust policy.");
            return new VodBucketCheck(bucket, ServiceRole, VodCheckStatus.Pass, $"The role {roleName} exists and trusts {string.Join(", ", principals)}.");
        }

        private VodBucketCheck CheckGrants(string bucket, RamRole? role)
        {
            if (role == null)
                return new VodBucketCheck(bucket, RolePolicy, VodCheckStatus.Fail, $"No policy can grant the bucket: the role {RoleName} does not exist.",
                    $"Initialize-VodBucketAccess -Bucket {bucket} creates the role and its policy.");
            var attached = _host.Await(_session.Ram.ListPoliciesForRoleAsync(RoleName, _host.Cancellation));
            var documents = attached.Select(p => (p.PolicyName, _access.FindPolicy(p.PolicyName, p.PolicyType)?.PolicyDocument)).ToList();
            return JudgeGrants(bucket, RoleName, documents);
        }

        /// <summary>Pass when one of the role's policies grants <c>oss:*</c> on the bucket (as <see cref="PolicyDocuments.OssGrantsOf"/> reads it).</summary>
        public static VodBucketCheck JudgeGrants(string bucket, string roleName, IReadOnlyList<(string PolicyName, string? Document)> attached)
        {
            var granting = attached.FirstOrDefault(p => PolicyDocuments.OssGrantsOf(p.Document).Covers(bucket));
            if (granting.PolicyName != null)
                return new VodBucketCheck(bucket, RolePolicy, VodCheckStatus.Pass,
                    $"The policy {granting.PolicyName}, attached to {roleName}, grants oss:* on {PolicyDocuments.OssGrantsOf(granting.Document)}.");
            return new VodBucketCheck(bucket, RolePolicy, VodCheckStatus.Fail,
                $"No policy attached to {roleName} grants oss:* on {bucket} (attached: {(attached.Count == 0 ? "none" : string.Join(", ", attached.Select(p => p.PolicyName)))}).",
                $"Initialize-VodBucketAccess -Bucket {bucket} adds the bucket to the role's policy.");
        }

        /// <summary>VOD's API lists no app's storage (it offers AddVodStorageForApp, and no read of it), so this is always a Warn.</summary>
        private static VodBucketCheck StorageUnlisted(string bucket) =>
            new VodBucketCheck(bucket, VodStorage, VodCheckStatus.Warn,
                "Not checked: VOD's API has no call that lists an app's storage, so whether VOD has this bucket as storage cannot be read.",
                "Look in the VOD console (Configuration Management > Media Management > Storage) in the bucket's region. If the bucket is not there, " +
                $"add it (Add-VodStorage -Bucket {bucket}, or in the console); if VOD refuses it, VOD's guide says to open a ticket with Alibaba Cloud support.");

        private VodBucketCheck CheckTemplateGroup(string bucket)
        {
            if (TemplateGroupId != null)
            {
                try
                {
                    var group = _host.Await(_session.Vod.GetTranscodeTemplateGroupAsync(TemplateGroupId, _host.Cancellation));
                    return new VodBucketCheck(bucket, TemplateGroup, VodCheckStatus.Pass, $"The template group {group.TemplateGroupId} ({group.Name}) exists, with {group.Templates.Count} templates.");
                }
                catch (CloudException e) when (e.Code == "InvalidTranscodeTemplateGroup.NotFound")
                {
                    return new VodBucketCheck(bucket, TemplateGroup, VodCheckStatus.Fail, $"VOD has no template group {TemplateGroupId} ({e.Code}).",
                        "Get-VodTranscodeTemplateGroup lists the groups; New-VodTranscodeTemplateGroup makes one.");
                }
            }
            return JudgeDefaultGroup(bucket, _host.Await(_session.Vod.ListTranscodeTemplateGroupsAsync(null, _host.Cancellation)));
        }

        /// <summary>Pass when one of the groups is VOD's default (media registered without a group are transcoded with it).</summary>
        public static VodBucketCheck JudgeDefaultGroup(string bucket, IReadOnlyList<VodTranscodeTemplateGroup> groups)
        {
            var group = groups.FirstOrDefault(g => g.IsDefault);
            return group == null
                ? new VodBucketCheck(bucket, TemplateGroup, VodCheckStatus.Fail, $"No default transcode template group is set ({groups.Count} groups exist).",
                    "Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId <id> sets one; or give the group to this test and to the migration with -TemplateGroupId.")
                : new VodBucketCheck(bucket, TemplateGroup, VodCheckStatus.Pass, $"The default template group is {group.TemplateGroupId} ({group.Name}).");
        }

        /// <summary>Pass unless the bucket is one of Media Processing's media buckets, which VOD's guide says cannot be added to VOD.</summary>
        public static VodBucketCheck JudgeMediaBuckets(string bucket, IReadOnlyList<MtsMediaBucket> mediaBuckets)
        {
            var bound = mediaBuckets.FirstOrDefault(b => string.Equals(b.Bucket, bucket, StringComparison.Ordinal));
            return bound == null
                ? new VodBucketCheck(bucket, MpsMediaBucket, VodCheckStatus.Pass, $"The bucket is not a Media Processing media bucket ({mediaBuckets.Count} in this region).")
                : new VodBucketCheck(bucket, MpsMediaBucket, VodCheckStatus.Fail,
                    $"The bucket is a Media Processing (MPS) {bound.Type} media bucket; VOD's guide says such a bucket cannot be added to VOD.",
                    "Remove it from MPS's media buckets (MPS console: Workflows > Media Buckets) if no MPS workflow needs it, or migrate from another bucket.");
        }

        /// <summary>Runs a check; a read the cloud refused or could not answer becomes a Warn saying what to grant or retry. A
        /// refused key is thrown, as is an endpoint that does not answer, unless it is <paramref name="otherService"/>'s (Media
        /// Processing, which the migration does not call): no other check can be made then.</summary>
        private static VodBucketCheck Guard(string bucket, string check, string what, string permissions, Func<VodBucketCheck> run, bool otherService = false)
        {
            try
            {
                return run();
            }
            catch (CloudException e) when (IsRefused(e))
            {
                return new VodBucketCheck(bucket, check, VodCheckStatus.Warn, $"Not checked: the caller may not {what} ({e.Code}).",
                    $"Give the caller {permissions}, then test again.");
            }
            catch (CloudException e) when (!e.IsAuthenticationFailure && (otherService || !e.IsEndpointUnreachable))
            {
                return new VodBucketCheck(bucket, check, VodCheckStatus.Warn, $"Not checked: could not {what}: {e.Message}",
                    "Test again; if it keeps failing, check the endpoint (Get-VodContext) and the network.");
            }
            catch (ValidationException e)
            {
                return new VodBucketCheck(bucket, check, VodCheckStatus.Fail, e.Message, "Choose a region VOD serves with -Region or Set-VodContext -Region.");
            }
        }

        /// <summary>The caller may not do this read (its key is good: a refused key is no permission question).</summary>
        private static bool IsRefused(CloudException e) =>
            !e.IsAuthenticationFailure && (e.HttpStatus == 403 || e.Code == "AccessDenied" || e.Code == "NoPermission" || e.Code.StartsWith("Forbidden", StringComparison.Ordinal));
    }
}
