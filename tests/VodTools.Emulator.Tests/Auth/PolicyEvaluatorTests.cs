using VodTools.Emulator.Auth;
using VodTools.Emulator.Ram;
using Xunit;

namespace VodTools.Emulator.Tests;

public class PolicyEvaluatorTests
{
    private const string Vod = "acs:vod:cn-shanghai:1234567890123456:*";

    private static string Doc(params string[] statements) => "{\"Version\":\"1\",\"Statement\":[" + string.Join(",", statements) + "]}";

    private static string Statement(string effect, string action, string resource) =>
        $$"""{"Effect":"{{effect}}","Action":{{action}},"Resource":{{resource}}}""";

    [Fact]
    public void Nothing_that_applies_is_an_implicit_deny()
    {
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([], "vod:SubmitTranscodeJobs", Vod));
        var onlyRegister = Doc(Statement("Allow", "\"vod:RegisterMedia\"", "\"*\""));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([onlyRegister], "vod:RegisterMedia", Vod));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([onlyRegister], "vod:SubmitTranscodeJobs", Vod));
    }

    [Fact]
    public void Deny_beats_allow_across_documents()
    {
        var all = SystemPolicies.All["AliyunVODFullAccess"].Document;
        var deny = Doc(Statement("Deny", "[\"vod:Submit*\"]", "\"acs:vod:*:*:*\""));
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, deny], "vod:SubmitTranscodeJobs", Vod));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, deny], "vod:GetVideoInfo", Vod));
    }

    [Fact]
    public void Wildcards_match_as_RAM_documents_them()
    {
        Assert.True(PolicyEvaluator.Matches("vod:Get*", "vod:GetVideoInfo", ignoreCase: true));
        Assert.True(PolicyEvaluator.Matches("VOD:getvideo?nfo", "vod:GetVideoInfo", ignoreCase: true));
        Assert.False(PolicyEvaluator.Matches("vod:Get?", "vod:GetVideoInfo", ignoreCase: true));
        Assert.True(PolicyEvaluator.Matches("acs:oss:*:*:media/*", "acs:oss:cn-shanghai:1:media/films/a.mp4", ignoreCase: false));
        Assert.False(PolicyEvaluator.Matches("acs:oss:*:*:media/*", "acs:oss:cn-shanghai:1:Media/a.mp4", ignoreCase: false));
        Assert.False(PolicyEvaluator.Matches("acs:oss:*:*:media", "acs:oss:cn-shanghai:1:media/a.mp4", ignoreCase: false));
    }

    [Fact]
    public void A_bucket_scoped_policy_grants_that_bucket_and_its_objects_only()
    {
        var scoped = Doc(Statement("Allow", "\"oss:*\"", "[\"acs:oss:*:*:media\",\"acs:oss:*:*:media/*\"]"));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([scoped], "oss:ListObjects", "acs:oss:cn-shanghai:1:media"));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([scoped], "oss:GetObject", "acs:oss:cn-shanghai:1:media/a.mp4"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([scoped], "oss:GetObject", "acs:oss:cn-shanghai:1:other/a.mp4"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([scoped], "oss:ListObjects", "acs:oss:cn-shanghai:1:media-2"));
    }

    [Fact]
    public void NotAction_NotResource_and_conditions()
    {
        var allButDelete = """{"Statement":[{"Effect":"Allow","NotAction":"vod:Delete*","Resource":"*"}]}""";
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([allButDelete], "vod:GetVideoInfo", Vod));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([allButDelete], "vod:DeleteVideo", Vod));
        var notOther = """{"Statement":[{"Effect":"Allow","Action":"oss:*","NotResource":"acs:oss:*:*:other*"}]}""";
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([notOther], "oss:GetObject", "acs:oss:cn-shanghai:1:media/a"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([notOther], "oss:GetObject", "acs:oss:cn-shanghai:1:other/a"));
        var conditional = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}]}""";
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([conditional], "vod:GetVideoInfo", Vod));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(["{not json"], "vod:GetVideoInfo", Vod));
    }

    [Fact]
    public void A_session_policy_intersects()
    {
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Intersect(PolicyDecision.Allow, PolicyDecision.Allow));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Intersect(PolicyDecision.Allow, PolicyDecision.ImplicitDeny));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Intersect(PolicyDecision.ImplicitDeny, PolicyDecision.Allow));
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Intersect(PolicyDecision.Allow, PolicyDecision.ExplicitDeny));
    }

    [Fact]
    public void System_policies_grant_what_Alibaba_publishes()
    {
        string Doc(string name) => SystemPolicies.All[name].Document;
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([Doc("AdministratorAccess")], "ram:CreateRole", "acs:ram:*:1:role/x"));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([Doc("AliyunOSSReadOnlyAccess")], "oss:GetObject", "acs:oss:cn-shanghai:1:b/k"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([Doc("AliyunOSSReadOnlyAccess")], "oss:PutObject", "acs:oss:cn-shanghai:1:b/k"));
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([Doc("AliyunVODFullAccess")], "oss:GetObject", "acs:oss:cn-shanghai:1:b/k"));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([Doc("AliyunSTSAssumeRoleAccess")], "sts:AssumeRole", "acs:ram:*:1:role/x"));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([Doc("AliyunRAMFullAccess")], "ram:AttachPolicyToRole", "acs:ram:*:1:role/x"));
    }

    private static RequestConditions From(string ip, string acl = "", bool secure = false) =>
        new(new Dictionary<string, string[]>(RequestConditions.Common(System.Net.IPAddress.Parse(ip), secure, DateTimeOffset.Parse("2026-06-01T00:00:00Z")))
        {
            ["oss:x-oss-object-acl"] = acl.Length == 0 ? [] : [acl],
        });

    /// <summary>RAM's condition operators on the keys a request carries; a Deny that cannot be evaluated applies, an Allow not.</summary>
    [Fact]
    public void Conditions_are_evaluated_and_a_Deny_that_cannot_be_applies()
    {
        const string all = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        const string office = """{"Statement":[{"Effect":"Deny","Action":"vod:*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":["42.160.1.0/24","127.0.0.1"]}}}]}""";
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, office], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, office], "vod:GetVideoInfo", Vod, From("42.160.1.9")));
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, office], "vod:GetVideoInfo", Vod, From("10.0.0.1")));

        const string noPublic = """{"Statement":[{"Effect":"Deny","Action":"oss:PutObject","Resource":"*","Condition":{"StringEquals":{"oss:x-oss-object-acl":["public-read","public-read-write"]}}}]}""";
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, noPublic], "oss:PutObject", "acs:oss:*:1:b/k", From("127.0.0.1", "public-read")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, noPublic], "oss:PutObject", "acs:oss:*:1:b/k", From("127.0.0.1", "private")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, noPublic], "oss:PutObject", "acs:oss:*:1:b/k", From("127.0.0.1")));

        const string httpsOnly = """{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"false"}}}]}""";
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, httpsOnly], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([all, httpsOnly], "vod:GetVideoInfo", Vod, From("127.0.0.1", secure: true)));

        const string until = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"acs:CurrentTime":"2026-12-31T23:59:59Z"}}}]}""";
        Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate([until], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
        const string after = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"acs:CurrentTime":"2026-12-31T23:59:59Z"}}}]}""";
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([after], "vod:GetVideoInfo", Vod, From("127.0.0.1")));

        // a key or operator the emulator cannot evaluate: the Deny applies, the Allow does not
        const string vpcDeny = """{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"acs:SourceVpc":"vpc-1"}}}]}""";
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, vpcDeny], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
        const string vpcAllow = """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"acs:SourceVpc":"vpc-1"}}}]}""";
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate([vpcAllow], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
        const string oddOperator = """{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"acs:SourceIp":"x"}}}]}""";
        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Evaluate([all, oddOperator], "vod:GetVideoInfo", Vod, From("127.0.0.1")));
    }
}
