using VodTools.Api.Credentials;
using VodTools.Api;
using VodTools.Tests.Support;
using Xunit;

namespace VodTools.Tests.Api.Credentials;

public class CredentialChainTests
{
    private static Task<CloudCredentials> Get(ICredentialProvider provider) => provider.GetCredentialsAsync(CancellationToken.None);

    private static string Profiles(string? current, params string[] profiles) =>
        "{" + (current == null ? "" : $"\"current\":\"{current}\",") + "\"profiles\":[" + string.Join(",", profiles) + "],\"meta_path\":\"\"}";

    private static string AkProfile(string name, string id) =>
        $$"""{"name":"{{name}}","mode":"AK","access_key_id":"{{id}}","access_key_secret":"secret-of-{{name}}","region_id":"cn-beijing"}""";

    [Fact]
    public async Task ExplicitKeyWinsOverEverything()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIfromenvironment";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIfromprofile00")));

        var provider = home.Resolve(o => o.Settings = new ConnectionSettings(accessKeyId: "LTAIexplicit00001", accessKeySecret: "explicit-secret", securityToken: "explicit-token"));
        var credentials = await Get(provider);

        Assert.Equal("LTAIexplicit00001", credentials.AccessKeyId);
        Assert.Equal("explicit-token", credentials.SecurityToken);
        Assert.StartsWith("parameters AccessKeyId/AccessKeySecret/SecurityToken", provider.Description);
    }

    [Theory]
    [InlineData("LTAIexplicit00001", null, null)]
    [InlineData(null, "explicit-secret", null)]
    [InlineData(null, null, "explicit-token")]
    public void AnIncompleteExplicitKeyIsAnErrorNotAFallback(string? id, string? secret, string? token)
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIfromenvironment";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.Settings = new ConnectionSettings(accessKeyId: id, accessKeySecret: secret, securityToken: token)));

        Assert.Equal(CredentialsErrorId.CredentialsIncomplete, error.ErrorId);
        Assert.Contains("AccessKeyId/AccessKeySecret parameters", error.Message);
    }

    [Fact]
    public async Task EmptyEnvironmentVariablesCountAsUnset()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "";
        home.Environment["ALICLOUD_ACCESS_KEY_ID"] = "LTAIlegacy0000001";
        home.Environment["ALICLOUD_ACCESS_KEY_SECRET"] = "legacy-secret";

        Assert.Equal("LTAIlegacy0000001", (await Get(home.Resolve())).AccessKeyId);
    }

    [Fact]
    public void ExplicitKeyAndProfileTogetherAreAmbiguous()
    {
        using var home = new TestHome();

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.Settings = new ConnectionSettings(accessKeyId: "a", accessKeySecret: "b", profileName: "p")));

        Assert.Equal(CredentialsErrorId.AmbiguousCredentialSource, error.ErrorId);
    }

    [Fact]
    public async Task EnvironmentWinsOverTheCliProfile()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIfromenvironment";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        home.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = "env-token";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIfromprofile00")));

        var provider = home.Resolve();
        var credentials = await Get(provider);

        Assert.Equal("LTAIfromenvironment", credentials.AccessKeyId);
        Assert.Equal("env-token", credentials.SecurityToken);
        Assert.StartsWith("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET/ALIBABA_CLOUD_SECURITY_TOKEN", provider.Description);
    }

    [Theory]
    [InlineData("ALIBABACLOUD_")]
    [InlineData("ALICLOUD_")]
    [InlineData("")]
    public async Task LegacyEnvironmentNamesAreRead(string prefix)
    {
        using var home = new TestHome();
        home.Environment[prefix + "ACCESS_KEY_ID"] = "LTAIlegacy0000001";
        home.Environment[prefix + "ACCESS_KEY_SECRET"] = "legacy-secret";

        var provider = home.Resolve();

        Assert.Equal("LTAIlegacy0000001", (await Get(provider)).AccessKeyId);
        Assert.Contains(prefix + "ACCESS_KEY_ID", provider.Description);
    }

    [Fact]
    public async Task OfficialEnvironmentNamesBeatLegacyOnes()
    {
        using var home = new TestHome();
        home.Environment["ALICLOUD_ACCESS_KEY_ID"] = "LTAIlegacy0000001";
        home.Environment["ALICLOUD_ACCESS_KEY_SECRET"] = "legacy-secret";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIofficial00001";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "official-secret";

        Assert.Equal("official-secret", (await Get(home.Resolve())).AccessKeySecret);
    }

    [Fact]
    public void HalfAnAccessKeyInTheEnvironmentIsAnError()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIfromenvironment";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIfromprofile00")));

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.CredentialsIncomplete, error.ErrorId);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET", error.Message);
    }

    [Fact]
    public async Task AProfileNamedByParameterBeatsTheEnvironment()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIfromenvironment";
        home.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001"), AkProfile("prod", "LTAIprod000000001")));

        var provider = home.Resolve(o => o.Settings = new ConnectionSettings(profileName: "prod"));

        Assert.Equal("LTAIprod000000001", (await Get(provider)).AccessKeyId);
        Assert.StartsWith($"aliyun CLI profile 'prod' in {home.CliConfigPath} (mode AK)", provider.Description);
    }

    [Fact]
    public async Task TheFilesCurrentProfileIsUsedWhenNoneIsNamed()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("prod", AkProfile("default", "LTAIdefault000001"), AkProfile("prod", "LTAIprod000000001")));

        Assert.Equal("LTAIprod000000001", (await Get(home.Resolve())).AccessKeyId);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_PROFILE")]
    [InlineData("ALIBABACLOUD_PROFILE")]
    [InlineData("ALICLOUD_PROFILE")]
    public async Task TheEnvironmentProfileBeatsTheFilesCurrent(string variable)
    {
        using var home = new TestHome();
        home.Environment[variable] = "prod";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001"), AkProfile("prod", "LTAIprod000000001")));

        Assert.Equal("LTAIprod000000001", (await Get(home.Resolve())).AccessKeyId);
    }

    [Fact]
    public void AProfileNamedByParameterButMissingIsAnErrorNotAFallback()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001")));
        home.WriteCredentialsFile("[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n");
        home.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:1/";

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.Settings = new ConnectionSettings(profileName: "prod")));

        Assert.Equal(CredentialsErrorId.ProfileNotFound, error.ErrorId);
        Assert.Contains("'prod'", error.Message);
        Assert.Contains("ProfileName parameter", error.Message);
        Assert.Contains(home.CliConfigPath, error.Message);
        Assert.Contains(home.CredentialsFilePath, error.Message);
    }

    [Fact]
    public void AProfileNamedByTheEnvironmentButMissingIsAnError()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_PROFILE"] = "prod";

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ProfileNotFound, error.ErrorId);
        Assert.Contains("environment variable ALIBABA_CLOUD_PROFILE", error.Message);
    }

    [Fact]
    public void ACurrentProfileThatIsMissingIsAnError()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("gone", AkProfile("default", "LTAIdefault000001")));
        home.WriteCredentialsFile("[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n");

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ProfileNotFound, error.ErrorId);
        Assert.Contains("'current'", error.Message);
    }

    [Fact]
    public async Task ANamedProfileIsAlsoLookedForInTheCredentialsFile()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001")));
        home.WriteCredentialsFile("[default]\ntype = access_key\naccess_key_id = LTAIinidefault\naccess_key_secret = s\n[prod]\ntype = access_key\naccess_key_id = LTAIiniprod0001\naccess_key_secret = ini-secret\n");

        var provider = home.Resolve(o => o.Settings = new ConnectionSettings(profileName: "prod"));

        Assert.Equal("LTAIiniprod0001", (await Get(provider)).AccessKeyId);
        Assert.StartsWith($"profile [prod] in {home.CredentialsFilePath} (type access_key)", provider.Description);
    }

    [Fact]
    public async Task TheConfigFileLocationComesFromTheEnvironment()
    {
        using var home = new TestHome();
        var path = home.Write(Path.Combine(home.Path, "elsewhere", "cli.json"), Profiles("default", AkProfile("default", "LTAIelsewhere0001")));
        home.Environment["ALIBABA_CLOUD_CONFIG_FILE"] = path;

        var provider = home.Resolve();

        Assert.Equal("LTAIelsewhere0001", (await Get(provider)).AccessKeyId);
        Assert.Contains(path, provider.Description);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")]
    [InlineData("ALIBABA_CLOUD_IGNORE_PROFILE", "TRUE")]
    public async Task TheCliConfigCanBeSwitchedOff(string variable, string value)
    {
        using var home = new TestHome();
        home.Environment[variable] = value;
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001")));
        home.WriteCredentialsFile("[default]\ntype = access_key\naccess_key_id = LTAIinidefault\naccess_key_secret = s\n");

        Assert.Equal("LTAIinidefault", (await Get(home.Resolve())).AccessKeyId);
    }

    [Theory]
    [InlineData("{\"profiles\": [")]
    [InlineData("[]")]
    [InlineData("{\"profiles\": {}}")]
    [InlineData("{\"profiles\": [{\"name\": 5}]}")]
    [InlineData("{\"profiles\": [{\"name\": \"a\", \"expired_seconds\": \"soon\"}]}")]
    public void ABrokenConfigFileIsAnError(string json)
    {
        using var home = new TestHome();
        home.WriteCliConfig(json);

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ConfigFileInvalid, error.ErrorId);
        Assert.Contains(home.CliConfigPath, error.Message);
    }

    [Fact]
    public void ABrokenConfigFileErrorQuotesNoSecret()
    {
        using var home = new TestHome();
        home.WriteCliConfig("{\"profiles\":[{\"name\":\"default\",\"access_key_secret\":\"very-secret-value\" \"x\":1}]}");

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ConfigFileInvalid, error.ErrorId);
        Assert.Contains("line 1", error.Message);
        Assert.DoesNotContain("very-secret-value", error.Message);
    }

    [Theory]
    [InlineData("AK")]
    [InlineData("ak")]
    [InlineData("")]
    public async Task AkModeIsMatchedCaseInsensitivelyAndIsTheDefault(string mode)
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", $$"""{"name":"default","mode":"{{mode}}","access_key_id":"LTAIakmode0000001","access_key_secret":"s"}"""));

        var credentials = await Get(home.Resolve());

        Assert.Equal("LTAIakmode0000001", credentials.AccessKeyId);
        Assert.Null(credentials.SecurityToken);
    }

    [Fact]
    public async Task StsTokenModeCarriesTheToken()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", """{"name":"default","mode":"StsToken","access_key_id":"STS.profile00001","access_key_secret":"s","sts_token":"profile-token"}"""));

        var provider = home.Resolve();

        Assert.Equal("profile-token", (await Get(provider)).SecurityToken);
        Assert.Contains("(mode StsToken)", provider.Description);
    }

    [Fact]
    public void StsTokenModeWithoutATokenIsInvalid()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", """{"name":"default","mode":"StsToken","access_key_id":"STS.profile00001","access_key_secret":"s"}"""));

        Assert.Equal(CredentialsErrorId.ProfileInvalid, Assert.Throws<CredentialsException>(() => home.Resolve()).ErrorId);
    }

    [Fact]
    public void AkModeWithoutASecretIsInvalid()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("default", """{"name":"default","mode":"AK","access_key_id":"LTAIakmode0000001"}"""));

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.ProfileInvalid, error.ErrorId);
        Assert.Contains("'default'", error.Message);
    }

    [Fact]
    public async Task RamRoleArnModeAssumesTheRoleWithTheProfilesKey()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("role", """
            {"name":"role","mode":"ramrolearn","access_key_id":"LTAIroleprofile01","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/r",
             "ram_session_name":"sess","expired_seconds":1800,"external_id":"ext","sts_region":"cn-beijing"}
            """));
        var clock = new TestClock();
        var sts = new RecordingAssumeRole(() => clock.Now);

        var provider = home.Resolve(o => { o.AssumeRole = sts.Handle; o.UtcNow = () => clock.Now; });
        var credentials = await Get(provider);

        Assert.Equal("STS.role1", credentials.AccessKeyId);
        var call = Assert.Single(sts.Calls);
        Assert.Equal("LTAIroleprofile01", call.Source.AccessKeyId);
        Assert.Equal("acs:ram::1:role/r", call.Parameters.RoleArn);
        Assert.Equal("sess", call.Parameters.RoleSessionName);
        Assert.Equal(1800, call.Parameters.DurationSeconds);
        Assert.Equal("ext", call.Parameters.ExternalId);
        Assert.Equal("cn-beijing", call.Parameters.StsRegion);
        Assert.StartsWith($"aliyun CLI profile 'role' in {home.CliConfigPath} (mode ramrolearn)", provider.Description);

        clock.Advance(TimeSpan.FromSeconds(1800 - 180));
        await Get(provider);
        Assert.Equal(2, sts.Count);
    }

    [Fact]
    public void RamRoleArnModeWithoutAnAssumeRoleHandlerIsAnError()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("role", """{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIroleprofile01","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/r"}"""));

        Assert.Equal(CredentialsErrorId.AssumeRoleNotConfigured, Assert.Throws<CredentialsException>(() => home.Resolve()).ErrorId);
    }

    [Fact]
    public void RamRoleArnModeWithABadDurationIsInvalid()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("role", """{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIroleprofile01","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/r","expired_seconds":60}"""));
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.AssumeRole = sts.Handle));

        Assert.Equal(CredentialsErrorId.ProfileInvalid, error.ErrorId);
        Assert.Contains("DurationSeconds", error.Message);
    }

    [Fact]
    public async Task ChainableRamRoleArnAssumesTheRoleWithTheSourceProfilesCredentials()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("chained",
            AkProfile("base", "LTAIbaseprofile01"),
            """{"name":"first","mode":"RamRoleArn","access_key_id":"LTAIfirst00000001","access_key_secret":"s","ram_role_arn":"acs:ram::1:role/first"}""",
            """{"name":"chained","mode":"ChainableRamRoleArn","source_profile":"first","ram_role_arn":"acs:ram::1:role/second","ram_session_name":"chain"}"""));
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var provider = home.Resolve(o => o.AssumeRole = sts.Handle);
        var credentials = await Get(provider);

        Assert.Equal("STS.role2", credentials.AccessKeyId);
        var calls = sts.Calls.ToArray();
        Assert.Equal(("LTAIfirst00000001", "acs:ram::1:role/first"), (calls[0].Source.AccessKeyId, calls[0].Parameters.RoleArn));
        Assert.Equal(("STS.role1", "acs:ram::1:role/second"), (calls[1].Source.AccessKeyId, calls[1].Parameters.RoleArn));
        Assert.Contains("'first'", provider.Description);
    }

    [Fact]
    public void ChainableRamRoleArnWithAMissingSourceProfileIsAnError()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("chained", """{"name":"chained","mode":"ChainableRamRoleArn","source_profile":"nope","ram_role_arn":"acs:ram::1:role/r"}"""));
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.AssumeRole = sts.Handle));

        Assert.Equal(CredentialsErrorId.ProfileNotFound, error.ErrorId);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void ChainableRamRoleArnThatLoopsIsAnError()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("a",
            """{"name":"a","mode":"ChainableRamRoleArn","source_profile":"b","ram_role_arn":"acs:ram::1:role/r"}""",
            """{"name":"b","mode":"ChainableRamRoleArn","source_profile":"a","ram_role_arn":"acs:ram::1:role/r"}"""));
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var error = Assert.Throws<CredentialsException>(() => home.Resolve(o => o.AssumeRole = sts.Handle));

        Assert.Equal(CredentialsErrorId.ProfileInvalid, error.ErrorId);
        Assert.Contains("loops", error.Message);
    }

    [Fact]
    public async Task EcsRamRoleModeAsksTheMetadataServiceForTheNamedRole()
    {
        using var server = new LoopbackServer(r => r.RawUrl == "/latest/meta-data/ram/security-credentials/ProfileRole"
            ? (200, """{"Code":"Success","AccessKeyId":"STS.ecsprofile1","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}""")
            : r.Method == "PUT" ? (200, "tok") : (404, ""));
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("ecs", """{"name":"ecs","mode":"EcsRamRole","ram_role_name":"ProfileRole"}"""));

        var provider = home.Resolve(o => o.EcsMetadataBaseAddress = server.BaseUri);

        Assert.Equal("STS.ecsprofile1", (await Get(provider)).AccessKeyId);
        Assert.Contains("(mode EcsRamRole)", provider.Description);
    }

    [Fact]
    public async Task CredentialsUriModeReadsTheProfilesUri()
    {
        using var server = new LoopbackServer(_ => (200, """{"AccessKeyId":"STS.uriprofile1","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"""));
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("uri", $$"""{"name":"uri","mode":"CredentialsURI","credentials_uri":"{{server.BaseUri}}"}"""));

        Assert.Equal("STS.uriprofile1", (await Get(home.Resolve())).AccessKeyId);
    }

    [Theory]
    [InlineData("External")]
    [InlineData("Anonymous")]
    [InlineData("CloudSSO")]
    public void UnsupportedModesAreNamedInTheError(string mode)
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles("x", $$"""{"name":"x","mode":"{{mode}}"}"""));

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.CredentialSourceNotSupported, error.ErrorId);
        Assert.Contains(mode, error.Message);
    }

    [Fact]
    public void OidcEnvironmentWithoutAHandlerIsAnErrorRatherThanSkipped()
    {
        using var home = new TestHome();
        home.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/r";
        home.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/p";
        home.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = "/var/run/token";
        home.WriteCliConfig(Profiles("default", AkProfile("default", "LTAIdefault000001")));

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.AssumeRoleNotConfigured, error.ErrorId);
        Assert.Contains("AssumeRoleWithOIDC", error.Message);
    }

    [Fact]
    public async Task TheCredentialsFileComesAfterTheCliConfigAndUsesItsDefaultSection()
    {
        using var home = new TestHome();
        home.WriteCliConfig(Profiles(null, AkProfile("other", "LTAIother00000001")));
        home.WriteCredentialsFile("""
            # comment
            ; another comment
            [other]
            type = access_key
            access_key_id = LTAIiniother
            access_key_secret = s

              [default]
            type=access_key
              access_key_id   =   LTAIinidefault01
            access_key_secret = secret = with equals
            """);

        var credentials = await Get(home.Resolve());

        Assert.Equal("LTAIinidefault01", credentials.AccessKeyId);
        Assert.Equal("secret = with equals", credentials.AccessKeySecret);
    }

    [Fact]
    public async Task TheCredentialsFileLocationComesFromTheEnvironment()
    {
        using var home = new TestHome();
        var path = home.Write(Path.Combine(home.Path, "creds.ini"), "[default]\r\ntype = access_key\r\naccess_key_id = LTAIcrlf00000001\r\naccess_key_secret = s\r\n");
        home.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = path;

        Assert.Equal("LTAIcrlf00000001", (await Get(home.Resolve())).AccessKeyId);
    }

    [Fact]
    public async Task IniRamRoleArnAssumesTheRole()
    {
        using var home = new TestHome();
        home.WriteCredentialsFile("[default]\ntype = ram_role_arn\naccess_key_id = LTAIinirole00001\naccess_key_secret = s\nrole_arn = acs:ram::1:role/ini\nrole_session_name = ini-session\npolicy = {\"Version\":\"1\"}\n");
        var sts = new RecordingAssumeRole(() => DateTimeOffset.UtcNow);

        var provider = home.Resolve(o => o.AssumeRole = sts.Handle);
        await Get(provider);

        var call = Assert.Single(sts.Calls);
        Assert.Equal("LTAIinirole00001", call.Source.AccessKeyId);
        Assert.Equal(("acs:ram::1:role/ini", "ini-session", "{\"Version\":\"1\"}"), (call.Parameters.RoleArn, call.Parameters.RoleSessionName, call.Parameters.Policy));
        Assert.Contains("(type ram_role_arn)", provider.Description);
    }

    [Fact]
    public async Task IniEcsRamRoleUsesTheMetadataService()
    {
        using var server = new LoopbackServer(r => r.RawUrl.EndsWith("/IniRole")
            ? (200, """{"Code":"Success","AccessKeyId":"STS.ecsini00001","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}""")
            : r.Method == "PUT" ? (200, "tok") : (404, ""));
        using var home = new TestHome();
        home.WriteCredentialsFile("[default]\ntype = ecs_ram_role\nrole_name = IniRole\n");

        Assert.Equal("STS.ecsini00001", (await Get(home.Resolve(o => o.EcsMetadataBaseAddress = server.BaseUri))).AccessKeyId);
    }

    [Theory]
    [InlineData("[default]\naccess_key_id = a\n", CredentialsErrorId.ProfileInvalid)]
    [InlineData("[default]\ntype = rsa_key_pair\n", CredentialsErrorId.CredentialSourceNotSupported)]
    [InlineData("type = access_key\n[default]\n", CredentialsErrorId.ConfigFileInvalid)]
    [InlineData("[default\ntype = access_key\n", CredentialsErrorId.ConfigFileInvalid)]
    [InlineData("[default]\njust a line\n", CredentialsErrorId.ConfigFileInvalid)]
    public void BadCredentialsFilesAreErrors(string ini, string errorId)
    {
        using var home = new TestHome();
        home.WriteCredentialsFile(ini);

        Assert.Equal(errorId, Assert.Throws<CredentialsException>(() => home.Resolve()).ErrorId);
    }

    [Fact]
    public void NothingConfiguredListsEverySourceTried()
    {
        using var home = new TestHome();

        var error = Assert.Throws<CredentialsException>(() => home.Resolve());

        Assert.Equal(CredentialsErrorId.CredentialsNotFound, error.ErrorId);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message);
        Assert.Contains(home.CliConfigPath, error.Message);
        Assert.Contains(home.CredentialsFilePath, error.Message);
        Assert.Contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED", error.Message);
        Assert.Contains("ALIBABA_CLOUD_CREDENTIALS_URI", error.Message);
    }

    [Fact]
    public async Task WithoutFilesTheMetadataServiceIsTriedThenTheCredentialsUri()
    {
        using var uriServer = new LoopbackServer(_ => (200, """{"AccessKeyId":"STS.fromuri0001","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"""));
        using var home = new TestHome();
        home.Environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        home.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = uriServer.BaseUri.ToString();

        var provider = home.Resolve(o => o.EcsMetadataBaseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/"));
        Assert.Contains("ECS instance RAM role", provider.Description);

        Assert.Equal("STS.fromuri0001", (await Get(provider)).AccessKeyId);
        Assert.StartsWith("credentials URI", provider.Description);
    }

    [Fact]
    public async Task WhenNoRuntimeSourceAnswersTheErrorSaysWhy()
    {
        using var home = new TestHome();
        home.Environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        home.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = $"http://127.0.0.1:{LoopbackServer.FreePort()}/creds";

        var provider = home.Resolve(o => o.EcsMetadataBaseAddress = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/"));
        var error = await Assert.ThrowsAsync<CredentialsException>(() => Get(provider));

        Assert.Equal(CredentialsErrorId.CredentialsNotFound, error.ErrorId);
        Assert.Contains("ECS instance RAM role", error.Message);
        Assert.Contains("credentials URI", error.Message);
        Assert.Contains(home.CliConfigPath, error.Message);
    }
}
