using System.Net;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>RAM roles and policies: the cloud's shapes, errors and limits.</summary>
public class RamTests : IAsyncLifetime
{
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Role_lifecycle_has_the_cloud_shapes()
    {
        var created = await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", PolicyDocuments.MtsTrust, "Description", "VOD 转码"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("acs:ram::1234567890123456:role/vod-pass-mps", (string?)created.Body["Role"]!["Arn"]);
        Assert.Equal(PolicyDocuments.MtsTrust, (string?)created.Body["Role"]!["AssumeRolePolicyDocument"]);
        Assert.False(string.IsNullOrEmpty((string?)created.Body["RequestId"]));

        var again = await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", PolicyDocuments.MtsTrust));
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
            (await _emu.RamAsync("CreateRole", P("RoleName", "bad name!", "AssumeRolePolicyDocument", PolicyDocuments.MtsTrust))).Code);
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
        Assert.Equal("v1", (string?)(await _emu.RamAsync("CreatePolicy", P("PolicyName", "vod-oss", "PolicyDocument", PolicyDocuments.AllowOss))).Body["Policy"]!["DefaultVersion"]);
        for (int i = 2; i <= 5; i++)
            Assert.Equal("v" + i, (string?)(await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", PolicyDocuments.AllowOss))).Body["PolicyVersion"]!["VersionId"]);
        var sixth = await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", PolicyDocuments.AllowOss));
        Assert.Equal((HttpStatusCode)409, sixth.Status);
        Assert.Equal("LimitExceeded.Policy.Version", sixth.Code);
        var rotated = await _emu.RamAsync("CreatePolicyVersion", P("PolicyName", "vod-oss", "PolicyDocument", PolicyDocuments.AllowOss,
            "RotateStrategy", "DeleteOldestNonDefaultVersionWhenLimitExceeded", "SetAsDefault", "true"));
        Assert.Equal("v6", (string?)rotated.Body["PolicyVersion"]!["VersionId"]);
        Assert.True((bool)rotated.Body["PolicyVersion"]!["IsDefaultVersion"]!);
        var versions = (await _emu.RamAsync("ListPolicyVersions", P("PolicyName", "vod-oss"))).Body["PolicyVersions"]!["PolicyVersion"]!.AsArray();
        Assert.Equal(["v1", "v3", "v4", "v5", "v6"], versions.Select(v => (string)v!["VersionId"]!));
        Assert.Equal("DeleteConflict.Policy.Version.Default", (await _emu.RamAsync("DeletePolicyVersion", P("PolicyName", "vod-oss", "VersionId", "v6"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("SetDefaultPolicyVersion", P("PolicyName", "vod-oss", "VersionId", "v1"))).Status);
        Assert.Equal("v1", (string?)(await _emu.RamAsync("GetPolicy", P("PolicyName", "vod-oss", "PolicyType", "Custom"))).Body["DefaultPolicyVersion"]!["VersionId"]);

        await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", PolicyDocuments.MtsTrust));
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
}
