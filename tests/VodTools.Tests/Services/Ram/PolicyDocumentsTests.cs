using VodTools.Services.Ram;

namespace VodTools.Tests.Services.Ram;

public class PolicyDocumentsTests
{
    [Fact]
    public void TrustPolicyHasTheServicePrincipalGrammarOfTheGuide()
    {
        Assert.Equal(
            """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com","vod.aliyuncs.com"]}}],"Version":"1"}""",
            PolicyDocuments.ServiceTrustPolicy(new[] { "mts.aliyuncs.com", "vod.aliyuncs.com" }));
    }

    [Theory]
    [InlineData("""{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com","vod.aliyuncs.com"]}}],"Version":"1"}""", "mts.aliyuncs.com,vod.aliyuncs.com")]
    [InlineData("""{"Statement":{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":"mts.aliyuncs.com"}}}""", "mts.aliyuncs.com")]
    [InlineData("""{"Statement":[{"Action":"sts:AssumeRole","Effect":"Deny","Principal":{"Service":["mts.aliyuncs.com"]}}]}""", "")]
    [InlineData("""{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]},"Condition":{"StringEquals":{"a":"b"}}}]}""", "")]
    [InlineData("""{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1:root"]}}]}""", "")]
    [InlineData("not json", "")]
    public void TrustedServicesAreThoseOfUnconditionalAllowStatements(string document, string expected)
    {
        Assert.Equal(expected, string.Join(",", PolicyDocuments.TrustedServices(document)));
    }

    [Fact]
    public void OssPolicyCoversEachBucketAndItsObjects()
    {
        Assert.Equal(
            """{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:*:a-bucket","acs:oss:*:*:a-bucket/*"]}],"Version":"1"}""",
            PolicyDocuments.OssAccessPolicy(new[] { "a-bucket" }));
        Assert.Equal(
            """{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":"*"}],"Version":"1"}""",
            PolicyDocuments.OssAccessPolicy(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("""{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":["b","a"]}]}""", """{"Statement":[{"Action":["oss:*"],"Effect":"Allow","Resource":["a","b","a"]}],"Version":"1"}""")]
    [InlineData("""{ "Statement" : [ { "Action" : "sts:AssumeRole" } ] }""", """{"Statement":{"Action":"sts:AssumeRole"}}""")]
    public void DocumentsThatMeanTheSameAreEquivalent(string left, string right)
    {
        Assert.True(PolicyDocuments.AreEquivalent(left, right));
        Assert.True(PolicyDocuments.AreEquivalent(right, left));
    }

    [Theory]
    [InlineData("""{"Statement":[{"Action":"oss:*","Resource":"a"}]}""", """{"Statement":[{"Action":"oss:*","Resource":["a","b"]}]}""")]
    [InlineData("""{"Version":"1"}""", """{"Version":1}""")]
    [InlineData("""{"Version":"1"}""", """{"version":"1"}""")]
    [InlineData("""{"Version":"1"}""", """{"Version":"1","Statement":[]}""")]
    [InlineData("not json", "not json")]
    [InlineData(null, null)]
    [InlineData("", "")]
    public void DocumentsThatDifferOrDoNotParseAreNot(string? left, string? right)
    {
        Assert.False(PolicyDocuments.AreEquivalent(left, right));
    }

    [Theory]
    [InlineData("""{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":"*"}],"Version":"1"}""", true, "")]
    [InlineData("""{"Statement":[{"Action":["oss:*"],"Effect":"Allow","Resource":["acs:oss:*:*:*"]}],"Version":"1"}""", true, "")]
    [InlineData("""{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:*:a","acs:oss:*:*:a/*","acs:oss:*:*:b"]}],"Version":"1"}""", false, "a")]
    [InlineData("""{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:123:a","acs:oss:*:*:a*"]}],"Version":"1"}""", false, "a")]
    [InlineData("""{"Statement":[{"Action":"oss:GetObject","Effect":"Allow","Resource":"*"}],"Version":"1"}""", false, "")]
    [InlineData("""{"Statement":[{"Action":"oss:*","Effect":"Deny","Resource":"*"}],"Version":"1"}""", false, "")]
    [InlineData("""{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.1"}}}],"Version":"1"}""", false, "")]
    [InlineData("not json", false, "")]
    public void OssGrantsAreReadFromPlainAllowStatementsOnBucketAndObjects(string document, bool all, string buckets)
    {
        var grants = PolicyDocuments.OssGrantsOf(document);
        Assert.Equal(all, grants.AllBuckets);
        Assert.Equal(buckets, string.Join(",", grants.Buckets));
    }

    [Fact]
    public void BucketsAreAddedToTheGrantingStatementAndOtherStatementsKept()
    {
        var document = """{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:*:a","acs:oss:*:*:a/*"]},{"Action":"vod:*","Effect":"Allow","Resource":"*"}],"Version":"1"}""";
        var added = PolicyDocuments.WithOssBuckets(document, new[] { "b" });
        Assert.Equal(
            """{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:*:a","acs:oss:*:*:a/*","acs:oss:*:*:b","acs:oss:*:*:b/*"]},{"Action":"vod:*","Effect":"Allow","Resource":"*"}],"Version":"1"}""",
            added);
        Assert.Equal("a,b", string.Join(",", PolicyDocuments.OssGrantsOf(added).Buckets));
    }

    [Fact]
    public void BucketsGetTheirOwnStatementWhenNoneGrantsBucketsPlainly()
    {
        var document = """{"Statement":[{"Action":"oss:GetObject","Effect":"Allow","Resource":"acs:oss:*:*:a/*"}],"Version":"1"}""";
        var added = PolicyDocuments.WithOssBuckets(document, new[] { "b" });
        Assert.Equal(
            """{"Statement":[{"Action":"oss:GetObject","Effect":"Allow","Resource":"acs:oss:*:*:a/*"},{"Action":"oss:*","Effect":"Allow","Resource":["acs:oss:*:*:b","acs:oss:*:*:b/*"]}],"Version":"1"}""",
            added);
    }
}
