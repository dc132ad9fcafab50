using System.Net;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>STS AssumeRole: the trust policy, its ExternalId, and keys that expire.</summary>
public class StsTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task AssumeRole_requires_the_ExternalId_the_trust_policy_names()
    {
        const string trust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]},"Condition":{"StringEquals":{"sts:ExternalId":"abcd1234"}}}],"Version":"1"}""";
        await _emu.RamAsync("CreateRole", P("RoleName", "partner", "AssumeRolePolicyDocument", trust));
        const string arn = "acs:ram::1234567890123456:role/partner";

        Assert.Equal("NoPermission", (await _emu.StsAsync("AssumeRole", P("RoleArn", arn, "RoleSessionName", "s1"))).Code);
        Assert.Equal("NoPermission", (await _emu.StsAsync("AssumeRole", P("RoleArn", arn, "RoleSessionName", "s1", "ExternalId", "wrong"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.StsAsync("AssumeRole", P("RoleArn", arn, "RoleSessionName", "s1", "ExternalId", "abcd1234"))).Status);
    }

    [Fact]
    public async Task AssumeRole_honours_the_trust_policy_and_keys_expire()
    {
        await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", PolicyDocuments.MtsTrust));
        await _emu.RamAsync("CreateRole", P("RoleName", "uploader", "AssumeRolePolicyDocument", PolicyDocuments.AccountTrust));

        var refused = await _emu.StsAsync("AssumeRole", P("RoleArn", "acs:ram::1234567890123456:role/vod-pass-mps", "RoleSessionName", "s1"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("NoPermission", refused.Code);
        var unknown = await _emu.StsAsync("AssumeRole", P("RoleArn", "acs:ram::1234567890123456:role/nobody", "RoleSessionName", "s1"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("EntityNotExist.Role", unknown.Code);

        var assumed = await _emu.StsAsync("AssumeRole", P("RoleArn", "acs:ram::1234567890123456:role/uploader", "RoleSessionName", "s1", "DurationSeconds", "900"));
        var creds = assumed.Body["Credentials"]!;
        var temporary = new AccessKey((string)creds["AccessKeyId"]!, (string)creds["AccessKeySecret"]!, "1234567890123456",
            (string)creds["SecurityToken"]!, DateTimeOffset.MaxValue);
        Assert.StartsWith("STS.", temporary.Id);
        Assert.Equal("acs:ram::1234567890123456:role/uploader/s1", (string?)assumed.Body["AssumedRoleUser"]!["Arn"]);

        var identity = await _emu.StsAsync("GetCallerIdentity", key: temporary);
        Assert.Equal("AssumedRoleUser", (string?)identity.Body["IdentityType"]);
        var v1 = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", key: temporary);
        Assert.Equal(HttpStatusCode.OK, v1.Status);
        var oss = await _emu.OssAsync(HttpMethod.Get, null, accessKey: temporary);
        Assert.Equal(HttpStatusCode.OK, oss.StatusCode);
        var wrongToken = await _emu.StsAsync("GetCallerIdentity", key: temporary with { SecurityToken = "CAISforged" });
        Assert.StartsWith("InvalidSecurityToken", wrongToken.Code);

        _emu.Clock.Advance(TimeSpan.FromSeconds(901));
        Assert.Equal("InvalidSecurityToken.Expired", (await _emu.StsAsync("GetCallerIdentity", key: temporary)).Code);
        var expiredOss = await _emu.OssAsync(HttpMethod.Get, null, accessKey: temporary);
        Assert.Equal(HttpStatusCode.Forbidden, expiredOss.StatusCode);
        Assert.Equal("SecurityTokenExpired", (string?)(await XmlAsync(expiredOss)).Element("Code"));
    }
}
