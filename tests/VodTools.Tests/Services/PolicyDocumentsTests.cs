using VodTools.Services;

namespace VodTools.Tests.Services;

public class PolicyDocumentsTests
{
    [Fact]
    public void TrustPolicyHasTheServicePrincipalGrammarOfTheGuide()
    {
        Assert.Equal(
            """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com","vod.aliyuncs.com"]}}],"Version":"1"}""",
            PolicyDocuments.ServiceTrustPolicy(new[] { "mts.aliyuncs.com", "vod.aliyuncs.com" }));
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
}
