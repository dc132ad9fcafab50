using VodTools.Services.Oss;
using VodTools.Services.Ram;
using VodTools.Services;

namespace VodTools.Tests.Services.Ram;

public class RamLimitsTests
{
    [Theory]
    [InlineData("vod-pass-mps")]
    [InlineData("Role.2")]
    public void AcceptsRoleNamesRamAccepts(string name) => Assert.Equal(name, RamLimits.RoleName(name));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("under_score")]
    public void RefusesRoleNamesRamRefuses(string name) =>
        Assert.Equal("RamRoleNameInvalid", Assert.Throws<ValidationException>(() => RamLimits.RoleName(name)).ErrorId);

    [Fact]
    public void NamesHaveTheirDocumentedLengths()
    {
        Assert.Equal(new string('r', 64), RamLimits.RoleName(new string('r', 64)));
        Assert.Throws<ValidationException>(() => RamLimits.RoleName(new string('r', 65)));
        Assert.Equal(new string('p', 128), RamLimits.PolicyName(new string('p', 128)));
        Assert.Throws<ValidationException>(() => RamLimits.PolicyName(new string('p', 129)));
        Assert.Equal("RamPolicyNameInvalid", Assert.Throws<ValidationException>(() => RamLimits.PolicyName("dotted.name")).ErrorId);
    }

    [Theory]
    [InlineData("mts.aliyuncs.com", true)]
    [InlineData("vod.aliyuncs.com", true)]
    [InlineData("mts", false)]
    [InlineData("mts.example.com", false)]
    public void ServicePrincipalsAreCloudServiceDomains(string principal, bool valid)
    {
        if (valid) Assert.Equal(principal, RamLimits.ServicePrincipal(principal));
        else Assert.Equal("RamServicePrincipalInvalid", Assert.Throws<ValidationException>(() => RamLimits.ServicePrincipal(principal)).ErrorId);
    }

    [Theory]
    [InlineData("media-archive", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("Upper", false)]
    [InlineData("-dash", false)]
    [InlineData("under_score", false)]
    public void BucketNamesFollowOssRules(string bucket, bool valid)
    {
        if (valid) Assert.Equal(bucket, OssBucketNames.Check(bucket));
        else Assert.Equal("OssBucketNameInvalid", Assert.Throws<ValidationException>(() => OssBucketNames.Check(bucket)).ErrorId);
    }
}
