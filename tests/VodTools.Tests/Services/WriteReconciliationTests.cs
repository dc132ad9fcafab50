using System.Text;
using VodTools.Api.Credentials;
using VodTools.Api.Http;
using VodTools.Api;
using VodTools.Services.Ram;
using VodTools.Services.Vod;
using VodTools.Services;
using VodTools.Tests.Support;

namespace VodTools.Tests.Services;

/// <summary>
/// Writes whose answer was lost after the service acted: creates read back and compare, deletes take "not found" as done,
/// and writes that are not safe to repeat look for what they made before making it again.
/// </summary>
public class WriteReconciliationTests
{
    private static readonly HttpTransport Transport = new(new HttpClientHandler { UseProxy = false });
    private const string Trust = """{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mts.aliyuncs.com"]}}],"Version":"1"}""";
    private const string Grant = """{"Statement":[{"Action":"oss:*","Effect":"Allow","Resource":"*"}],"Version":"1"}""";

    private static RpcClient Client(RpcService service, Uri endpoint) =>
        new(service, endpoint, new StaticCredentialProvider(new CloudCredentials("testid", "secret"), "test"), Transport, new ClientOptions
        {
            Retry = new RetryPolicy(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)),
            UseQpsBudget = false,
        });

    private static string ActionOf(ReceivedRequest request) => request.Header("x-acs-action") ?? string.Empty;

    private static string NonceOf(ReceivedRequest request) =>
        request.Header("x-acs-signature-nonce") ?? request.Query.FirstOrDefault(p => p.Key == "SignatureNonce").Value ?? string.Empty;

    /// <summary>Our attempts, one per nonce: .NET may resend a request by itself on a connection reset, with the same nonce.</summary>
    private static IEnumerable<string> Attempts(LoopbackServer server) =>
        server.Received.GroupBy(NonceOf).Select(g => ActionOf(g.First()));

    /// <summary>
    /// A server that loses the answer to the first <paramref name="lost"/> attempt (and to .NET's own resends of it),
    /// then answers by action.
    /// </summary>
    private static LoopbackServer Server(string lost, Func<ReceivedRequest, ScriptedAnswer> answer)
    {
        string? droppedNonce = null;
        return new LoopbackServer(request =>
        {
            if ((droppedNonce == null && ActionOf(request) == lost) || NonceOf(request) == droppedNonce)
            {
                droppedNonce = NonceOf(request);
                return ScriptedAnswer.Dropped();
            }
            return answer(request);
        });
    }

    private static ScriptedAnswer Error(int status, string code) =>
        ScriptedAnswer.Json(status, $"{{\"RequestId\":\"R-{code}\",\"Code\":\"{code}\",\"Message\":\"{code}\"}}");

    [Fact]
    public async Task A_role_that_exists_after_a_lost_create_is_ours_when_it_trusts_the_same()
    {
        using var server = Server("CreateRole", request => ActionOf(request) switch
        {
            "CreateRole" => Error(409, "EntityAlreadyExists.Role"),
            "GetRole" => ScriptedAnswer.Json(200, $$$"""{"RequestId":"R","Role":{"RoleName":"r","AssumeRolePolicyDocument":{{{System.Text.Json.JsonSerializer.Serialize(Trust)}}}}}"""),
            _ => Error(400, "Unexpected"),
        });
        var role = await new RamService(Client(RpcService.Ram, server.BaseUri)).CreateRoleAsync("r", Trust, null, null, CancellationToken.None);
        Assert.Equal("r", role.RoleName);
    }

    [Fact]
    public async Task A_role_that_exists_with_another_trust_stays_an_error()
    {
        using var server = Server("CreateRole", request => ActionOf(request) switch
        {
            "CreateRole" => Error(409, "EntityAlreadyExists.Role"),
            "GetRole" => ScriptedAnswer.Json(200, """{"RequestId":"R","Role":{"RoleName":"r","AssumeRolePolicyDocument":"{\"Statement\":[]}"}}"""),
            _ => Error(400, "Unexpected"),
        });
        var error = await Assert.ThrowsAsync<CloudException>(() => new RamService(Client(RpcService.Ram, server.BaseUri)).CreateRoleAsync("r", Trust, null, null, CancellationToken.None));
        Assert.Equal("EntityAlreadyExists.Role", error.Code);
    }

    [Fact]
    public async Task Already_exists_without_a_lost_answer_is_not_read_back()
    {
        using var server = new LoopbackServer(Error(409, "EntityAlreadyExists.Role"));
        var error = await Assert.ThrowsAsync<CloudException>(() => new RamService(Client(RpcService.Ram, server.BaseUri)).CreateRoleAsync("r", Trust, null, null, CancellationToken.None));
        Assert.Equal("EntityAlreadyExists.Role", error.Code);
        Assert.Single(server.Received);
    }

    [Theory]
    [InlineData("DeleteRole", "EntityNotExist.Role")]
    [InlineData("DetachPolicyFromRole", "EntityNotExist.Role.Policy")]
    [InlineData("AttachPolicyToRole", "EntityAlreadyExists.Role.Policy")]
    public async Task Not_found_or_already_done_after_a_lost_answer_is_done(string action, string code)
    {
        using var server = Server(action, _ => Error(code.StartsWith("EntityNotExist") ? 404 : 409, code));
        var ram = new RamService(Client(RpcService.Ram, server.BaseUri));
        await (action switch
        {
            "DeleteRole" => ram.DeleteRoleAsync("r", CancellationToken.None),
            "DetachPolicyFromRole" => ram.DetachPolicyFromRoleAsync("p", "Custom", "r", CancellationToken.None),
            _ => ram.AttachPolicyToRoleAsync("p", "Custom", "r", CancellationToken.None),
        });
        Assert.Equal(2, Attempts(server).Count());
    }

    [Fact]
    public async Task A_policy_version_whose_answer_was_lost_is_found_among_the_versions_and_not_created_again()
    {
        using var server = Server("CreatePolicyVersion", request => ActionOf(request) switch
        {
            "ListPolicyVersions" => ScriptedAnswer.Json(200, $$$"""{"RequestId":"R","PolicyVersions":{"PolicyVersion":[{"VersionId":"v1","IsDefaultVersion":true,"PolicyDocument":"{}"},{"VersionId":"v2","IsDefaultVersion":false,"PolicyDocument":{{{System.Text.Json.JsonSerializer.Serialize(Grant)}}}}]}}"""),
            "SetDefaultPolicyVersion" => ScriptedAnswer.Json(200, """{"RequestId":"R"}"""),
            _ => Error(400, "Unexpected"),
        });
        var version = await new RamService(Client(RpcService.Ram, server.BaseUri)).CreatePolicyVersionAsync("p", Grant, setAsDefault: true, rotate: true, CancellationToken.None);
        Assert.Equal("v2", version.VersionId);
        Assert.True(version.IsDefaultVersion);
        Assert.Equal(new[] { "CreatePolicyVersion", "ListPolicyVersions", "SetDefaultPolicyVersion" }, Attempts(server));
    }

    [Fact]
    public async Task A_policy_version_not_found_after_a_lost_answer_is_created_once_more()
    {
        using var server = Server("CreatePolicyVersion", request => ActionOf(request) switch
        {
            "ListPolicyVersions" => ScriptedAnswer.Json(200, """{"RequestId":"R","PolicyVersions":{"PolicyVersion":[{"VersionId":"v1","IsDefaultVersion":true,"PolicyDocument":"{}"}]}}"""),
            "CreatePolicyVersion" => ScriptedAnswer.Json(200, """{"RequestId":"R","PolicyVersion":{"VersionId":"v2","IsDefaultVersion":true}}"""),
            _ => Error(400, "Unexpected"),
        });
        var version = await new RamService(Client(RpcService.Ram, server.BaseUri)).CreatePolicyVersionAsync("p", Grant, setAsDefault: true, rotate: true, CancellationToken.None);
        Assert.Equal("v2", version.VersionId);
        Assert.Equal(new[] { "CreatePolicyVersion", "ListPolicyVersions", "CreatePolicyVersion" }, Attempts(server));
    }

    private static string UploadAddress(string bucket, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"Endpoint":"https://oss-cn-shanghai.aliyuncs.com","Bucket":"{{bucket}}","FileName":"{{key}}"}"""));

    private static readonly string UploadAuth =
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"AccessKeyId":"STS.x","AccessKeySecret":"s","SecurityToken":"t","Expiration":"3000"}"""));

    [Fact]
    public async Task A_media_created_without_an_answer_is_found_by_its_reference_and_given_fresh_credentials()
    {
        string? reference = null;
        using var server = Server("CreateUploadVideo", request =>
        {
            switch (ActionOf(request))
            {
                case "GetVideoInfo":
                    reference = request.Query.Single(p => p.Key == "ReferenceId").Value;
                    return ScriptedAnswer.Json(200, $$$"""{"RequestId":"R","Video":{"VideoId":"m1","ReferenceId":"{{{reference}}}"}}""");
                case "RefreshUploadVideo":
                    return ScriptedAnswer.Json(200, $$"""{"RequestId":"R","VideoId":"m1","UploadAddress":"{{UploadAddress("b", "sv/m1.mp4")}}","UploadAuth":"{{UploadAuth}}"}""");
                default:
                    return Error(400, "Unexpected");
            }
        });
        var (mediaId, target) = await new VodService(Client(RpcService.Vod, server.BaseUri)).CreateUploadVideoOnceAsync(
            new UploadRequest { Title = "t", FileName = "f.mp4", FileSize = 1 }, "vodtools-ref-1", CancellationToken.None);
        Assert.Equal("m1", mediaId);
        Assert.Equal("sv/m1.mp4", target.Key);
        var create = server.Received.First();
        Assert.Equal(reference, create.Query.Single(p => p.Key == "ReferenceId").Value);
        Assert.Matches("^[A-Za-z0-9_-]{6,64}$", reference);
        Assert.Equal(new[] { "CreateUploadVideo", "GetVideoInfo", "RefreshUploadVideo" }, Attempts(server));
    }

    [Fact]
    public async Task A_media_not_found_after_a_lost_create_is_created_once_more_with_the_same_reference()
    {
        using var server = Server("CreateUploadVideo", request => ActionOf(request) switch
        {
            "GetVideoInfo" => Error(404, "InvalidVideo.NotFound"),
            "CreateUploadVideo" => ScriptedAnswer.Json(200, $$"""{"RequestId":"R","VideoId":"m2","UploadAddress":"{{UploadAddress("b", "sv/m2.mp4")}}","UploadAuth":"{{UploadAuth}}"}"""),
            _ => Error(400, "Unexpected"),
        });
        var (mediaId, _) = await new VodService(Client(RpcService.Vod, server.BaseUri)).CreateUploadVideoOnceAsync(
            new UploadRequest { Title = "t", FileName = "f.mp4", FileSize = 1 }, "vodtools-ref-1", CancellationToken.None);
        Assert.Equal("m2", mediaId);
        var creates = server.Received.Where(r => ActionOf(r) == "CreateUploadVideo").GroupBy(NonceOf).Select(g => g.First().Query.Single(p => p.Key == "ReferenceId").Value).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Equal(creates[0], creates[1]);
    }

    [Fact]
    public async Task A_media_that_cannot_be_found_after_two_lost_creates_is_an_error_that_says_how_to_check()
    {
        using var server = new LoopbackServer(request => ActionOf(request) == "GetVideoInfo" ? Error(404, "InvalidVideo.NotFound") : ScriptedAnswer.Dropped());
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => new VodService(Client(RpcService.Vod, server.BaseUri)).CreateUploadVideoOnceAsync(
            new UploadRequest { Title = "Film One", FileName = "f.mp4", FileSize = 1 }, "vodtools-ref-1", CancellationToken.None));
        Assert.Equal("VodUploadOutcomeUnknown", error.ErrorId);
        Assert.Contains("'f.mp4'", error.Message);
        Assert.Contains("Film One", error.Check);
        Assert.Equal(2, Attempts(server).Count(a => a == "CreateUploadVideo"));
    }

    [Fact]
    public async Task Media_gone_after_a_lost_delete_are_reported_as_gone_not_as_missing()
    {
        using var server = Server("DeleteVideo", _ => ScriptedAnswer.Json(200, """{"RequestId":"R","NonExistVideoIds":{"VideoId":["m1"]},"ForbiddenVideoIds":{"VideoId":[]}}"""));
        var deleted = await new VodService(Client(RpcService.Vod, server.BaseUri)).DeleteVideosAsync(new[] { "m1", "m2" }, CancellationToken.None);
        Assert.Empty(deleted.NonExistent);
        Assert.Equal(new[] { "m1" }, deleted.GoneBeforeAnswer);
    }

    [Fact]
    public async Task Media_unknown_on_a_first_answer_are_missing()
    {
        using var server = new LoopbackServer(ScriptedAnswer.Json(200, """{"RequestId":"R","NonExistVideoIds":{"VideoId":["m1"]}}"""));
        var deleted = await new VodService(Client(RpcService.Vod, server.BaseUri)).DeleteVideosAsync(new[] { "m1", "m2" }, CancellationToken.None);
        Assert.Equal(new[] { "m1" }, deleted.NonExistent);
        Assert.Empty(deleted.GoneBeforeAnswer);
    }

    private static readonly UrlUploadRequest[] TwoUrls =
    {
        new() { Url = "https://media.example.com/a.mp4", Title = "a" },
        new() { Url = "https://media.example.com/b.mp4", Title = "b" },
    };

    private static string UrlJob(string jobId, string url, DateTime created) =>
        $$"""{"JobId":"{{jobId}}","UploadURL":"{{url}}","Status":"PENDING","CreationTime":"{{created:yyyy-MM-ddTHH:mm:ssZ}}"}""";

    [Fact]
    public async Task A_url_pull_whose_answer_was_lost_is_not_sent_again_but_read_back_by_its_urls()
    {
        using var server = Server("UploadMediaByURL", request => ActionOf(request) switch
        {
            "GetURLUploadInfos" => ScriptedAnswer.Json(200, $$"""{"RequestId":"R","NonExists":[],"URLUploadInfoList":[{{UrlJob("old", "https://media.example.com/a.mp4", DateTime.UtcNow.AddDays(-3))}},{{UrlJob("ja", "https://media.example.com/a.mp4", DateTime.UtcNow)}},{{UrlJob("jb", "https://media.example.com/b.mp4", DateTime.UtcNow)}}]}"""),
            _ => Error(400, "Unexpected"),
        });
        var jobs = await new VodService(Client(RpcService.Vod, server.BaseUri)).UploadMediaByUrlOnceAsync(TwoUrls, null, null, null, null, CancellationToken.None);
        Assert.Equal(new[] { "ja", "jb" }, jobs.Select(j => j.JobId));
        Assert.Equal(new[] { "a", "b" }, jobs.Select(j => j.Title));
        Assert.Equal(1, Attempts(server).Count(a => a == "UploadMediaByURL"));
        // the read-back names the URLs percent-encoded, as UploadURLs takes them
        var query = server.Received.First(r => ActionOf(r) == "GetURLUploadInfos").Query.First(p => p.Key == "UploadURLs").Value;
        Assert.Equal(Uri.EscapeDataString("https://media.example.com/a.mp4") + "," + Uri.EscapeDataString("https://media.example.com/b.mp4"), query);
    }

    [Fact]
    public async Task A_url_pull_whose_jobs_cannot_be_found_after_a_lost_answer_says_so_and_is_not_repeated()
    {
        using var server = Server("UploadMediaByURL", request => ActionOf(request) switch
        {
            "GetURLUploadInfos" => ScriptedAnswer.Json(200, $$"""{"RequestId":"R","NonExists":[],"URLUploadInfoList":[{{UrlJob("old", "https://media.example.com/a.mp4", DateTime.UtcNow.AddDays(-3))}}]}"""),
            _ => Error(400, "Unexpected"),
        });
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => new VodService(Client(RpcService.Vod, server.BaseUri)).UploadMediaByUrlOnceAsync(
            TwoUrls, null, null, null, null, CancellationToken.None));
        Assert.Equal("VodUrlUploadOutcomeUnknown", error.ErrorId);
        Assert.Equal(1, Attempts(server).Count(a => a == "UploadMediaByURL"));
    }
}
