using System.Net;
using System.Text.Json.Nodes;
using VodTools.Emulator.Auth;
using Xunit;
using static VodTools.Emulator.Tests.Emulator;

namespace VodTools.Emulator.Tests;

/// <summary>The emulator without --lenient: RAM policies enforced for RAM users and role sessions, and the seed workflow's
/// steps (VOD storage, the transcoding role, the region's endpoint) required as the cloud requires them.</summary>
public class RamPolicyTests : IAsyncLifetime
{
    private const string Account = "1234567890123456";
    private const string AccountTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}],"Version":"1"}""";
    private const string MtsTrust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]}}],"Version":"1"}""";
    private Emulator _emu = null!;

    public async Task InitializeAsync() => _emu = await StartAsync(o => { o.Lenient = false; o.TranscodeSeconds = 0; });
    public async Task DisposeAsync() => await _emu.DisposeAsync();

    private async Task<AccessKey> UserKeyAsync(string user, params string[] systemPolicies)
    {
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("CreateUser", P("UserName", user))).Status);
        foreach (var policy in systemPolicies)
            Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("AttachPolicyToUser", P("UserName", user, "PolicyType", "System", "PolicyName", policy))).Status);
        var key = (await _emu.RamAsync("CreateAccessKey", P("UserName", user))).Body["AccessKey"]!;
        return new AccessKey((string)key["AccessKeyId"]!, (string)key["AccessKeySecret"]!, Account, UserName: user);
    }

    private async Task PutObjectAsync(string bucket, string key)
    {
        using (await _emu.OssAsync(HttpMethod.Put, bucket)) { }
        using var put = await _emu.OssAsync(HttpMethod.Put, bucket, key, content: new StringContent("movie"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task A_RAM_user_may_do_only_what_its_policies_allow()
    {
        var key = await UserKeyAsync("runbook");
        var refused = await _emu.VodAsync("GetCategories", key: key);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Forbidden.RAM", refused.Code);
        Assert.Equal("vod:GetCategories", (string?)refused.Body["AccessDeniedDetail"]!["AuthAction"]);
        Assert.Equal("ImplicitDeny", (string?)refused.Body["AccessDeniedDetail"]!["NoPermissionType"]);
        Assert.Equal("SubUser", (string?)refused.Body["AccessDeniedDetail"]!["AuthPrincipalType"]);

        await _emu.RamAsync("AttachPolicyToUser", P("UserName", "runbook", "PolicyType", "System", "PolicyName", "AliyunVODFullAccess"));
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("GetCategories", key: key)).Status);

        var ram = await _emu.RamAsync("GetRole", P("RoleName", "vod-pass-mps"), key);
        Assert.Equal(HttpStatusCode.Forbidden, ram.Status);
        Assert.Equal("NoPermission", ram.Code);
        Assert.Equal($"You are not authorized to do this action. Resource: acs:ram:*:{Account}:role/vod-pass-mps Action: ram:GetRole", (string?)ram.Body["Message"]);

        var listed = (await _emu.RamAsync("ListPoliciesForUser", P("UserName", "runbook"))).Body["Policies"]!["Policy"]!.AsArray();
        Assert.Equal("AliyunVODFullAccess", (string?)listed[0]!["PolicyName"]);
        Assert.Equal("DeleteConflict.User.AccessKey", (await _emu.RamAsync("DeleteUser", P("UserName", "runbook"))).Code);
        Assert.Equal("EntityAlreadyExists.User.Policy",
            (await _emu.RamAsync("AttachPolicyToUser", P("UserName", "runbook", "PolicyType", "System", "PolicyName", "AliyunVODFullAccess"))).Code);
        Assert.Single((await _emu.RamAsync("ListAccessKeys", P("UserName", "runbook"))).Body["AccessKeys"]!["AccessKey"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("DeleteAccessKey", P("UserName", "runbook", "UserAccessKeyId", key.Id))).Status);
        Assert.Equal("InvalidAccessKeyId.NotFound", (await _emu.VodAsync("GetCategories", key: key)).Code);
        await _emu.RamAsync("DetachPolicyFromUser", P("UserName", "runbook", "PolicyType", "System", "PolicyName", "AliyunVODFullAccess"));
        Assert.Equal(HttpStatusCode.OK, (await _emu.RamAsync("DeleteUser", P("UserName", "runbook"))).Status);
        Assert.Equal("EntityNotExist.User", (await _emu.RamAsync("GetUser", P("UserName", "runbook"))).Code);
    }

    [Fact]
    public async Task An_explicit_deny_beats_every_allow()
    {
        var key = await UserKeyAsync("no-transcode", "AliyunVODFullAccess");
        const string deny = """{"Version":"1","Statement":[{"Effect":"Deny","Action":"vod:SubmitTranscodeJobs","Resource":"acs:vod:*:*:*"}]}""";
        await _emu.RamAsync("CreatePolicy", P("PolicyName", "deny-transcode", "PolicyDocument", deny));
        await _emu.RamAsync("AttachPolicyToUser", P("UserName", "no-transcode", "PolicyType", "Custom", "PolicyName", "deny-transcode"));

        var refused = await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", "x", "TemplateGroupId", "y"), key);
        Assert.Equal("Forbidden.RAM", refused.Code);
        Assert.Equal("ExplicitDeny", (string?)refused.Body["AccessDeniedDetail"]!["NoPermissionType"]);
        Assert.Equal(HttpStatusCode.OK, (await _emu.VodAsync("GetCategories", key: key)).Status);
        Assert.Equal("DeleteConflict.Policy.User", (await _emu.RamAsync("DeletePolicy", P("PolicyName", "deny-transcode"))).Code);
    }

    [Fact]
    public async Task A_bucket_scoped_role_session_refuses_another_bucket_as_OSS_does()
    {
        await PutObjectAsync("media", "a.mp4");
        await PutObjectAsync("other", "b.mp4");
        const string scoped = """{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":["acs:oss:*:*:media","acs:oss:*:*:media/*"]}]}""";
        await _emu.RamAsync("CreateRole", P("RoleName", "reader", "AssumeRolePolicyDocument", AccountTrust));
        await _emu.RamAsync("CreatePolicy", P("PolicyName", "media-only", "PolicyDocument", scoped));
        await _emu.RamAsync("AttachPolicyToRole", P("RoleName", "reader", "PolicyType", "Custom", "PolicyName", "media-only"));
        var assumed = await _emu.StsAsync("AssumeRole", P("RoleArn", $"acs:ram::{Account}:role/reader", "RoleSessionName", "rehearsal"));
        var c = assumed.Body["Credentials"]!;
        var session = new AccessKey((string)c["AccessKeyId"]!, (string)c["AccessKeySecret"]!, Account, (string)c["SecurityToken"]!);

        using (var ok = await _emu.OssAsync(HttpMethod.Get, "media", "a.mp4", accessKey: session)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var other = await _emu.OssAsync(HttpMethod.Get, "other", "b.mp4", accessKey: session);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var error = await XmlAsync(other);
        Assert.Equal("AccessDenied", (string?)error.Element("Code"));
        Assert.Equal("You have no right to access this object because of bucket acl.", (string?)error.Element("Message"));
        Assert.Equal("oss:GetObject", (string?)error.Element("AccessDeniedDetail")!.Element("AuthAction"));
        Assert.Equal("reader:rehearsal", (string?)error.Element("AccessDeniedDetail")!.Element("AuthPrincipalDisplayName"));
        using var listing = await _emu.OssAsync(HttpMethod.Get, "other", accessKey: session);
        Assert.Equal("The bucket you access does not belong to you.", (string?)(await XmlAsync(listing)).Element("Message"));

        // a session policy narrows the role: only a.mp4, even in the bucket the role may read
        const string narrow = """{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:media/a.mp4"}]}""";
        c = (await _emu.StsAsync("AssumeRole", P("RoleArn", $"acs:ram::{Account}:role/reader", "RoleSessionName", "narrow", "Policy", narrow))).Body["Credentials"]!;
        var narrowed = new AccessKey((string)c["AccessKeyId"]!, (string)c["AccessKeySecret"]!, Account, (string)c["SecurityToken"]!);
        using (var ok = await _emu.OssAsync(HttpMethod.Get, "media", "a.mp4", accessKey: narrowed)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var list = await _emu.OssAsync(HttpMethod.Get, "media", accessKey: narrowed);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        // OSS's page 0003-00000301: "the request is denied by the STS Token Policy"; the 403 reference's message
        var denied = await XmlAsync(list);
        Assert.Equal("Access denied by authorizer's policy.", (string?)denied.Element("Message"));
        Assert.Equal("0003-00000301", (string?)denied.Element("EC"));
        Assert.Equal("0003-00000301", list.Headers.GetValues("x-oss-ec").Single());
    }

    [Fact]
    public async Task AssumeRole_needs_sts_AssumeRole_on_the_role()
    {
        await _emu.RamAsync("CreateRole", P("RoleName", "reader", "AssumeRolePolicyDocument", AccountTrust));
        var key = await UserKeyAsync("plain");
        var refused = await _emu.StsAsync("AssumeRole", P("RoleArn", $"acs:ram::{Account}:role/reader", "RoleSessionName", "s1"), key);
        Assert.Equal("NoPermission", refused.Code);
        Assert.Contains("Action: sts:AssumeRole", (string?)refused.Body["Message"]);
        await _emu.RamAsync("AttachPolicyToUser", P("UserName", "plain", "PolicyType", "System", "PolicyName", "AliyunSTSAssumeRoleAccess"));
        Assert.Equal(HttpStatusCode.OK, (await _emu.StsAsync("AssumeRole", P("RoleArn", $"acs:ram::{Account}:role/reader", "RoleSessionName", "s1"), key)).Status);
    }

    [Fact]
    public async Task Registering_before_the_bucket_is_VOD_storage_fails_the_file()
    {
        await PutObjectAsync("media", "a.mp4");
        string url = "https://media.oss-cn-shanghai.aliyuncs.com/a.mp4";
        string metadata = new JsonArray(new JsonObject { ["FileURL"] = url, ["Title"] = "a" }).ToJsonString();
        var before = (await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", metadata))).Body;
        Assert.Equal(url, (string?)before["FailedFileURLs"]![0]);
        Assert.Empty(before["RegisteredMediaList"]!.AsArray());

        await _emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket", "StorageLocation", "media.oss-cn-shanghai.aliyuncs.com"));
        var after = (await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", metadata))).Body;
        Assert.Empty(after["FailedFileURLs"]!.AsArray());
        Assert.True((bool)after["RegisteredMediaList"]![0]!["NewRegister"]!);
    }

    [Fact]
    public async Task Transcoding_before_a_role_grants_the_bucket_fails_the_job()
    {
        await PutObjectAsync("media", "a.mp4");
        await _emu.VodAsync("AddVodStorageForApp", P("AppId", "app-1000000", "StorageType", "user_oss_bucket", "StorageLocation", "media.oss-cn-shanghai.aliyuncs.com"));
        string metadata = new JsonArray(new JsonObject { ["FileURL"] = "https://media.oss-cn-shanghai.aliyuncs.com/a.mp4", ["Title"] = "a" }).ToJsonString();
        string id = (string)(await _emu.VodAsync("RegisterMedia", P("RegisterMetadatas", metadata))).Body["RegisteredMediaList"]![0]!["MediaId"]!;
        string group = (string)(await _emu.VodAsync("ListTranscodeTemplateGroup")).Body["TranscodeTemplateGroupList"]![0]!["TranscodeTemplateGroupId"]!;

        async Task<JsonNode> TranscodeAsync()
        {
            string task = (string)(await _emu.VodAsync("SubmitTranscodeJobs", P("VideoId", id, "TemplateGroupId", group))).Body["TranscodeTaskId"]!;
            return (await _emu.VodAsync("GetTranscodeTask", P("TranscodeTaskId", task))).Body["TranscodeTask"]!;
        }

        var failed = await TranscodeAsync();
        Assert.Equal("CompleteAllFail", (string?)failed["TaskStatus"]);
        Assert.Equal("AccessDenied", (string?)failed["TranscodeJobInfoList"]![0]!["ErrorCode"]);
        Assert.Contains("mts.aliyuncs.com", (string?)failed["TranscodeJobInfoList"]![0]!["ErrorMessage"]);

        await _emu.RamAsync("CreateRole", P("RoleName", "vod-pass-mps", "AssumeRolePolicyDocument", MtsTrust));
        await _emu.RamAsync("AttachPolicyToRole", P("RoleName", "vod-pass-mps", "PolicyType", "System", "PolicyName", "AliyunOSSFullAccess"));
        Assert.Equal("CompleteAllSucc", (string?)(await TranscodeAsync())["TaskStatus"]);
    }

    [Fact]
    public async Task A_bucket_asked_at_another_regions_endpoint_names_the_right_one()
    {
        await PutObjectAsync("media", "a.mp4");
        using var wrong = await _emu.OssAsync(HttpMethod.Get, "media", v4: true, region: "cn-beijing");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var error = await XmlAsync(wrong);
        Assert.Equal("PermanentRedirect", (string?)error.Element("Code")); // the current "HTTP 403 errors" reference
        Assert.StartsWith("The bucket you are attempting to access must be addressed using the specified endpoint.", (string?)error.Element("Message"));
        Assert.Equal("oss-cn-shanghai.aliyuncs.com", (string?)error.Element("Endpoint"));
        Assert.Equal("media", (string?)error.Element("Bucket"));

        using (var nowhere = await _emu.OssAsync(HttpMethod.Get, null, v4: true, region: "cn-atlantis-1")) Assert.Equal(HttpStatusCode.Forbidden, nowhere.StatusCode);
        using (var right = await _emu.OssAsync(HttpMethod.Get, "media", v4: true)) Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        using (var anywhere = await _emu.OssAsync(HttpMethod.Get, null, v4: true, region: "cn-beijing")) Assert.Equal(HttpStatusCode.OK, anywhere.StatusCode);
    }

    [Fact]
    public async Task Lenient_lets_everything_through()
    {
        await using var lenient = await StartAsync(o => o.TranscodeSeconds = 0);
        using (await lenient.OssAsync(HttpMethod.Put, "media")) { }
        using (var wrong = await lenient.OssAsync(HttpMethod.Get, "media", v4: true, region: "cn-beijing")) Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        await lenient.RamAsync("CreateUser", P("UserName", "u"));
        var k = (await lenient.RamAsync("CreateAccessKey", P("UserName", "u"))).Body["AccessKey"]!;
        Assert.Equal(HttpStatusCode.OK, (await lenient.VodAsync("GetCategories", key: new AccessKey((string)k["AccessKeyId"]!, (string)k["AccessKeySecret"]!, Account))).Status);
    }

    /// <summary>Older OSS pages ("HTTP status code 403") gave AccessDenied for the wrong endpoint; --wrong-endpoint-code plays them.</summary>
    [Fact]
    public async Task The_wrong_endpoint_can_be_answered_AccessDenied_as_older_pages_say()
    {
        await using var older = await StartAsync(o => { o.Lenient = false; o.WrongEndpointCode = "AccessDenied"; });
        using (await older.OssAsync(HttpMethod.Put, "media")) { }
        using var wrong = await older.OssAsync(HttpMethod.Get, "media", v4: true, region: "cn-beijing");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("AccessDenied", (string?)(await XmlAsync(wrong)).Element("Code"));
    }

    /// <summary>A conditional Deny as VOD's and OSS's policy examples write them (oss:x-oss-object-acl): the emulator evaluates it
    /// on what the request carries.</summary>
    [Fact]
    public async Task A_conditional_Deny_refuses_what_its_condition_names_and_nothing_else()
    {
        await PutObjectAsync("media", "a.mp4");
        await _emu.RamAsync("CreateRole", P("RoleName", "writer", "AssumeRolePolicyDocument", AccountTrust));
        await _emu.RamAsync("AttachPolicyToRole", P("RoleName", "writer", "PolicyType", "System", "PolicyName", "AliyunOSSFullAccess"));
        const string noPublic = """{"Version":"1","Statement":[{"Effect":"Deny","Action":"oss:PutObject","Resource":"*","Condition":{"StringEquals":{"oss:x-oss-object-acl":"public-read"}}}]}""";
        await _emu.RamAsync("CreatePolicy", P("PolicyName", "no-public", "PolicyDocument", noPublic));
        await _emu.RamAsync("AttachPolicyToRole", P("RoleName", "writer", "PolicyType", "Custom", "PolicyName", "no-public"));
        var c = (await _emu.StsAsync("AssumeRole", P("RoleArn", $"acs:ram::{Account}:role/writer", "RoleSessionName", "acl"))).Body["Credentials"]!;
        var session = new AccessKey((string)c["AccessKeyId"]!, (string)c["AccessKeySecret"]!, Account, (string)c["SecurityToken"]!);

        using (var plain = await _emu.OssAsync(HttpMethod.Put, "media", "b.mp4", content: new StringContent("b"), accessKey: session))
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        using var open = await _emu.OssAsync(HttpMethod.Put, "media", "c.mp4", content: new StringContent("c"), accessKey: session,
            headers: new Dictionary<string, string> { ["x-oss-object-acl"] = "public-read" });
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal("0003-00000201", (string?)(await XmlAsync(open)).Element("EC"));
    }
}
