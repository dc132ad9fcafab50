using VodTools.Model;
using VodTools.Services.Buckets;
using VodTools.Services.Mts;
using VodTools.Services.Ram;

namespace VodTools.Tests.Services.Buckets;

public class BucketPreflightTests
{
    [Theory]
    [InlineData("cn-shanghai", "cn-shanghai", VodCheckStatus.Pass)]
    [InlineData("cn-shanghai", "cn-hangzhou", VodCheckStatus.Pass)] // Hangzhou sessions are served by VOD in Shanghai
    [InlineData("cn-hangzhou", "cn-hangzhou", VodCheckStatus.Fail)] // VOD stores nothing in Hangzhou
    [InlineData("cn-qingdao", "cn-shanghai", VodCheckStatus.Fail)]
    [InlineData("cn-beijing", "cn-shanghai", VodCheckStatus.Fail)]
    public void TheBucketMustBeInTheSessionsVodRegion(string bucketRegion, string sessionRegion, VodCheckStatus expected)
    {
        var check = BucketPreflight.JudgeRegion("b", bucketRegion, sessionRegion);
        Assert.Equal((BucketPreflight.BucketRegion, expected), (check.Check, check.Status));
        Assert.Equal(expected == VodCheckStatus.Pass, check.Remedy == null);
    }

    [Fact]
    public void ABucketInAnotherVodRegionIsToldWhichRegionToRunIn()
    {
        Assert.Contains("-Region cn-beijing", BucketPreflight.JudgeRegion("b", "cn-beijing", "cn-shanghai").Remedy);
        Assert.Contains("not offered", BucketPreflight.JudgeRegion("b", "cn-qingdao", "cn-shanghai").Detail);
    }

    [Fact]
    public void TheRoleMustExistAndTrustEveryPrincipal()
    {
        var trust = PolicyDocuments.ServiceTrustPolicy(new[] { "mts.aliyuncs.com" });
        var mts = new[] { "mts.aliyuncs.com" };
        Assert.Equal(VodCheckStatus.Pass, BucketPreflight.JudgeTrust("b", "vod-pass-mps", trust, true, mts).Status);
        Assert.Equal(VodCheckStatus.Fail, BucketPreflight.JudgeTrust("b", "vod-pass-mps", null, false, mts).Status);
        var other = BucketPreflight.JudgeTrust("b", "vod-pass-mps", trust, true, new[] { "mts.aliyuncs.com", "vod.aliyuncs.com" });
        Assert.Equal(VodCheckStatus.Fail, other.Status);
        Assert.Contains("not vod.aliyuncs.com", other.Detail);
        Assert.Contains("-Force", other.Remedy);
    }

    [Fact]
    public void APolicyOfTheRoleMustGrantTheBucket()
    {
        var guide = PolicyDocuments.OssAccessPolicy(Array.Empty<string>());
        var scoped = PolicyDocuments.OssAccessPolicy(new[] { "other" });
        Assert.Equal(VodCheckStatus.Pass, BucketPreflight.JudgeGrants("b", "r", new[] { ("scoped", (string?)scoped), ("guide", (string?)guide) }).Status);
        Assert.Contains("guide", BucketPreflight.JudgeGrants("b", "r", new[] { ("scoped", (string?)scoped), ("guide", (string?)guide) }).Detail);
        var none = BucketPreflight.JudgeGrants("b", "r", new[] { ("scoped", (string?)scoped) });
        Assert.Equal(VodCheckStatus.Fail, none.Status);
        Assert.Contains("attached: scoped", none.Detail);
        Assert.Equal(VodCheckStatus.Fail, BucketPreflight.JudgeGrants("b", "r", Array.Empty<(string, string?)>()).Status);
    }

    [Fact]
    public void ADefaultTemplateGroupMustBeSet()
    {
        var groups = new[] { new VodTranscodeTemplateGroup { TemplateGroupId = "g1" }, new VodTranscodeTemplateGroup { TemplateGroupId = "g2", IsDefault = true } };
        Assert.Contains("g2", BucketPreflight.JudgeDefaultGroup("b", groups).Detail);
        Assert.Equal(VodCheckStatus.Fail, BucketPreflight.JudgeDefaultGroup("b", groups.Take(1).ToList()).Status);
    }

    [Fact]
    public void AMediaBucketOfMpsFails()
    {
        var buckets = new[] { new MtsMediaBucket { Bucket = "b-in", Type = "Input" } };
        Assert.Equal(VodCheckStatus.Pass, BucketPreflight.JudgeMediaBuckets("b", buckets).Status);
        var bound = BucketPreflight.JudgeMediaBuckets("b-in", buckets);
        Assert.Equal(VodCheckStatus.Fail, bound.Status);
        Assert.Contains("Input media bucket", bound.Detail);
    }
}
