using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

public class RamStsTests : IAsyncLifetime
{
    private const string MtsTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]}}],"Version":"1"}""";
    private const string AccountTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}],"Version":"1"}""";
    private const string OssPolicy = """{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}""";
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync();
    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Role_lifecycle_has_the_cloud_shapes()
    {
        var created = await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", MtsTrust, "Description", "VOD 转码"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("acs:ram::1234567890123456:role/vod-pass-mps", (string?)created.Body["Role"]!["Arn"]);
        Assert.Equal(MtsTrust, (string?)created.Body["Role"]!["AssumeRolePolicyDocument"]);
        Assert.False(string.IsNullOrEmpty((string?)created.Body["RequestId"]));

        var again = await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", MtsTrust));
        Assert.Equal((HttpStatusCode)409, again.Status);
        Assert.Equal("EntityAlreadyExists.Role", again.Code);

        var list = await _emu.RamAsync("ListRoles");
        Assert.Equal("vod-pass-mps", (string?)list.Body["Roles"]!["Role"]![0]!["RoleName"]);
        Assert.False((bool)list.Body["IsTruncated"]!);

        var updated = await _emu.RamAsync("UpdateRole", P("RoleName", "vod-pass-mps", "NewMaxSessionDuration", "7200"));
        Assert.Equal(7200, (int)updated.Body["Role"]!["MaxSessionDuration"]!);

        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("DeleteRole", P("RoleName", "vod-pass-mps"))).Status);
        var gone = await _emu.RamAsync("GetRole", P("RoleName", "vod-pass-mps"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("EntityNotExist.Role", gone.Code);
        Assert.Equal("ram.aliyuncs.com", (string?)gone.Body["HostId"]);
        Assert.Contains("troubleshoot", (string?)gone.Body["Recommend"]);
    }

    [Fact]
    public async Task Bad_input_gets_ram_400s()
    {
        Assert.Equal("InvalidParameter.RoleName.InvalidChars",
            (await _emu.RamAsync("CreateRole", P("RoleName", "bad name!", "AssumeRolePolicyDocument", MtsTrust))).Code);
        Assert.Equal("MalformedPolicyDocument",
            (await _emu.RamAsync("CreateRole", P("RoleName", "r1", "AssumeRolePolicyDocument", "{not json"))).Code);
        Assert.Equal("MissingParameter", (await _emu.RamAsync("CreateRole", P("RoleName", "r1"))).Code);
        var unknown = await _emu.RamAsync("NoSuchAction");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("InvalidAction.NotFound", unknown.Code);
        Assert.Equal("InvalidVersion", (await _emu.RpcAsync("1999-01-01", "GetRole")).Code);
    }

    [Fact]
    public async Task Policy_versions_attachments_and_limits()
    {
        Assert.Equal("v1", (string?)(await _emu.RamAsync("CreatePolicy", P("PolicyName", "vod-oss", "PolicyDocument", OssPolicy))).Body["Policy"]!["DefaultVersion"]);
        for (int i = 2; i <= 5; i++)
            Assert.Equal("v" + i, (string?)(await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", OssPolicy))).Body["PolicyVersion"]!["VersionId"]);
        var sixth = await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", OssPolicy));
        Assert.Equal((HttpStatusCode)409, sixth.Status);
        Assert.Equal("LimitExceeded.Policy.Version", sixth.Code);
        var rotated = await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", OssPolicy,
            "RotateStrategy", "DeleteOldestNonDefaultVersionWhenLimitExceeded", "SetAsDefault", "true"));
        Assert.Equal("v6", (string?)rotated.Body["PolicyVersion"]!["VersionId"]);
        Assert.True((bool)rotated.Body["PolicyVersion"]!["IsDefaultVersion"]!);
        var versions = (await _emu.RamAsync("ListPolicyVersions", P("PolicyName", "vod-oss"))).Body["PolicyVersions"]!["PolicyVersion"]!.AsArray();
        Assert.Equal(["v1", "v3", "v4", "v5", "v6"], versions.Select(v => (string)v!["VersionId"]!));
        Assert.Equal("DeleteConflict.Policy.Version.Default", (await _emu.RamAsync("DeletePolicyVersion", P("PolicyName", "vod-oss", "VersionId", "v6"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("SetDefaultPolicyVersion", P("PolicyName", "vod-oss", "VersionId", "v1"))).Status);
        Assert.Equal("v1", (string?)(await _emu.RamAsync("GetPolicy", P("PolicyName", "vod-oss", "PolicyType", "Custom"))).Body["DefaultPolicyVersion"]!["VersionId"]);

        await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", MtsTrust));
        var attach = P("PolicyName", "vod-oss", "PolicyType", "Custom", "RoleName", "vod-pass-mps");
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("AttachPolicyToRole", attach)).Status);
        Assert.Equal("EntityAlreadyExists.Role.Policy", (await _emu.RamAsync("AttachPolicyToRole", attach)).Code);
        var forRole = await _emu.RamAsync("ListPoliciesForRole", P("RoleName", "vod-pass-mps"));
        Assert.Equal("vod-oss", (string?)forRole.Body["Policies"]!["Policy"]![0]!["PolicyName"]);
        Assert.Equal("DeleteConflict.Role.Policy", (await _emu.RamAsync("DeleteRole", P("RoleName", "vod-pass-mps"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("DetachPolicyFromRole", attach)).Status);
        Assert.Equal("EntityNotExist.Role.Policy", (await _emu.RamAsync("DetachPolicyFromRole", attach)).Code);
        Assert.Equal("DeleteConflict.Policy.Version", (await _emu.RamAsync("DeletePolicy", P("PolicyName", "vod-oss"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("DeletePolicy", P("PolicyName", "vod-oss", "CascadingDelete", "true"))).Status);
        Assert.Equal("EntityNotExist.Policy", (await _emu.RamAsync("GetPolicy", P("PolicyName", "vod-oss", "PolicyType", "Custom"))).Code);
    }

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
        await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", MtsTrust));
        await _emu.RamAsync("CreateRole", P("RoleName", "uploader", "AssumeRolePolicyDocument", AccountTrust));

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

    [Fact]
    public async Task Rpc_auth_failures_have_the_cloud_codes()
    {
        var wrongSecret = await _emu.StsAsync("GetCallerIdentity", key: _emu.Key with { Secret = "nope" });
        Assert.Equal("SignatureDoesNotMatch", wrongSecret.Code);
        Assert.Equal(HttpStatusCode.BadRequest, wrongSecret.Status);
        Assert.Equal("InvalidAccessKeyId.NotFound", (await _emu.StsAsync("GetCallerIdentity", key: _emu.Key with { Id = "nobody" })).Code);

        var first = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", nonce: "fixed-nonce-1");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("1234567890123456", (string?)first.Body["AccountId"]);
        Assert.Equal("SignatureNonceUsed", (await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", nonce: "fixed-nonce-1")).Code);
        var stale = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", timestamp: _emu.Clock.GetUtcNow().AddMinutes(-16));
        Assert.Equal("InvalidTimeStamp.Expired", stale.Code);
        var posted = await _emu.RpcV1Async("2015-04-01", "GetCallerIdentity", method: "POST");
        Assert.Equal(HttpStatusCode.OK, posted.Status);

        using var unsigned = await _emu.Http.GetAsync("/?Action=GetCallerIdentity&Version=2015-04-01&Format=JSON");
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("MissingParameter", (string?)JsonNode.Parse(await unsigned.Content.ReadAsStringAsync())!["Code"]);
    }

    [Fact]
    public async Task Xml_is_the_default_format_for_v1()
    {
        using var response = await _emu.Http.GetAsync("/?Action=GetCallerIdentity&Version=2015-04-01");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("MissingParameter", (string?)(await XmlAsync(response)).Element("Code"));
    }

    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        Assert.Equal("""{"status":"ok"}""", await _emu.Http.GetStringAsync("/_emulator/health"));
    }
}
