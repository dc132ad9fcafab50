# Where the cloud's own SDK models and API reference decide: VOD's regions, the Shanghai-only domain operations,
# RegisterMedia answers spelled another way, role profiles with an ExternalId, and a key given with a profile.
# Answers lost at random are drawn from a seed named in the Describe block (VODTOOLS_FAULT_SEED replays one).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:faultSeed = @{ FaultSeed = Get-TestFaultSeed }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest

    # A proxy on loopback that records the host of each CONNECT and refuses it: what the module would reach, with nothing reached.
    Add-Type -TypeDefinition @'
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

public sealed class VodToolsRecordingProxy : System.IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

    public VodToolsRecordingProxy()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Task.Run(Accept);
    }

    public int Port { get; }

    public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

    private async Task Accept()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); } catch { return; }
            _ = Task.Run(() => Refuse(client));
        }
    }

    private void Refuse(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            var line = reader.ReadLine();
            if (line == null) return;
            var parts = line.Split(' ');
            Requests.Enqueue(parts[0] + " " + (parts.Length > 1 ? parts[1] : ""));
            while (!string.IsNullOrEmpty(reader.ReadLine())) { }
            var answer = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            stream.Write(answer, 0, answer.Length);
        }
    }

    public void Dispose() => _listener.Stop();
}
'@

    # Runs a script in a new pwsh with the module and the proxy variables set: the module reads them once per process.
    # The proxy's requests for Alibaba Cloud: while HTTPS_PROXY is set, PowerShell's own telemetry may pass it too.
    function Get-CloudRequest($Proxy) { $Proxy.Requests | Where-Object { $_ -like 'CONNECT *.aliyuncs.com:*' } }

    function Invoke-ThroughProxy([string] $Script, [int] $ProxyPort) {
        $pwsh = (Get-Process -Id $PID).Path
        $module = Join-Path (Get-Module VodTools).ModuleBase 'VodTools.psd1'
        $prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $command = "`$ErrorActionPreference = 'Continue'; Import-Module '$module'; $Script"
        $saved = @{ HTTPS_PROXY = $env:HTTPS_PROXY; NO_PROXY = $env:NO_PROXY; ALIBABA_CLOUD_ACCESS_KEY_ID = $env:ALIBABA_CLOUD_ACCESS_KEY_ID
            ALIBABA_CLOUD_ACCESS_KEY_SECRET = $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET; ALIBABA_CLOUD_CONFIG_FILE = $env:ALIBABA_CLOUD_CONFIG_FILE
            ALIBABA_CLOUD_CREDENTIALS_FILE = $env:ALIBABA_CLOUD_CREDENTIALS_FILE }
        $env:HTTPS_PROXY = "http://127.0.0.1:$ProxyPort"; $env:NO_PROXY = $null
        $env:ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAI5tProxyTestKey'; $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'proxy-test-secret'
        $env:ALIBABA_CLOUD_CONFIG_FILE = Join-Path $TestDrive 'no-config.json'; $env:ALIBABA_CLOUD_CREDENTIALS_FILE = Join-Path $TestDrive 'no-credentials'
        try { & $pwsh @prefix -NoProfile -NonInteractive -Command $command 2>&1 | Out-String }
        finally { foreach ($name in $saved.Keys) { Set-Item "env:$name" $saved[$name] } }
    }
}

Describe 'VOD regions and the Shanghai-only domain operations, seen through a proxy' {
    BeforeEach {
        $script:proxy = [VodToolsRecordingProxy]::new()
    }

    AfterEach {
        $proxy.Dispose()
    }

    It 'refuses a VOD call in a region without VOD before any request, naming the VOD regions' {
        $output = Invoke-ThroughProxy -ProxyPort $proxy.Port -Script @'
try { Get-VodMedia -Region cn-qingdao -MediaId m1 -MaxAttempts 1 -ErrorAction Stop } catch { "ERRORID=" + $_.FullyQualifiedErrorId; "MESSAGE=" + $_.Exception.Message }
'@
        $output | Should -Match 'ERRORID=VodRegionNotSupported,VodTools.Commands.GetVodMediaCommand'
        $output | Should -Match 'MESSAGE=VOD is not offered in cn-qingdao\. VOD serves cn-beijing, cn-shanghai, cn-shenzhen, ap-northeast-1, ap-southeast-1, ap-southeast-5, cn-hongkong, eu-central-1, us-west-1'
        $output | Should -Match 'a bucket you add to VOD must be in one of these regions'
        @(Get-CloudRequest $proxy).Count | Should -Be 0
    }

    It 'sends the domain operations of a cn-beijing session to the Shanghai endpoint' {
        $null = Invoke-ThroughProxy -ProxyPort $proxy.Port -Script @'
Add-VodDomain -Region cn-beijing -DomainName video.example.com -Bucket media -MaxAttempts 1 -ErrorAction SilentlyContinue
Get-VodDomain -Region cn-beijing -MaxAttempts 1 -ErrorAction SilentlyContinue
Get-VodDomain -Region cn-beijing -DomainName video.example.com -MaxAttempts 1 -ErrorAction SilentlyContinue
Remove-VodDomain -Region cn-beijing -DomainName video.example.com -Confirm:$false -MaxAttempts 1 -ErrorAction SilentlyContinue
'@
        $hosts = @(Get-CloudRequest $proxy | Sort-Object -Unique)
        $hosts | Should -Be @('CONNECT vod.cn-shanghai.aliyuncs.com:443')
        $proxy.Requests.Count | Should -BeGreaterOrEqual 4
    }

    It 'still sends a cn-beijing session''s other VOD calls to Beijing' {
        $null = Invoke-ThroughProxy -ProxyPort $proxy.Port -Script 'Get-VodMedia -Region cn-beijing -MediaId m1 -MaxAttempts 1 -ErrorAction SilentlyContinue'
        @(Get-CloudRequest $proxy | Sort-Object -Unique) | Should -Be @('CONNECT vod.cn-beijing.aliyuncs.com:443')
    }
}

Describe 'Domains on the emulator' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'lists every domain of the account when no name is given' {
        'one.example.com', 'two.example.com', 'three.example.org' | ForEach-Object { Add-VodDomain -DomainName $_ -Bucket media-archive } | Out-Null
        $listed = Get-VodDomain
        $listed | Should -BeOfType VodTools.Model.VodDomain
        @($listed.DomainName | Sort-Object) | Should -Be @('one.example.com', 'three.example.org', 'two.example.com')
        ($listed | Where-Object DomainName -eq 'one.example.com').Sources[0].Content | Should -Be 'media-archive.oss-cn-shanghai.aliyuncs.com'
        Get-VodDomain | Remove-VodDomain -Confirm:$false
        Get-VodDomain | Should -BeNullOrEmpty
    }
}

Describe 'Domains when answers are lost after VOD acted (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Faults 'lost:0.4@AddVodDomain,lost:0.4@DeleteVodDomain' -FaultSeed $FaultSeed
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'adds and removes each domain once and shows no error' {
        $names = 1..15 | ForEach-Object { "lost$_.example.com" }
        $added = $names | ForEach-Object { [pscustomobject]@{ DomainName = $_; Bucket = 'media-archive' } } | Add-VodDomain -MaxAttempts 10 -ErrorVariable addErrors
        $addErrors | Should -BeNullOrEmpty
        @($added.DomainName) | Should -Be $names
        @(Get-VodDomain).Count | Should -Be 15

        Remove-VodDomain -DomainName $names -Confirm:$false -MaxAttempts 10 -ErrorVariable removeErrors
        $removeErrors | Should -BeNullOrEmpty
        Get-VodDomain | Should -BeNullOrEmpty

        (Invoke-RestMethod "$($emulator.Url)/_emulator/stats").'faults.LostAnswer' | Should -BeGreaterThan 0
    }
}

Describe 'Register-VodMedia when VOD answers FileURLs spelled another way' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Faults 'respell:1@RegisterMedia'
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'matches each answer to its file by bucket and key, whatever the scheme and percent-encoding' {
        $objects = Get-OssObject -Bucket media-archive -Prefix 'series/城市故事/season-1/'
        $objects.Count | Should -BeGreaterThan 1
        $media = $objects | Register-VodMedia -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $media.Count | Should -Be $objects.Count
        @($media.FileUrl) | Should -Be @($objects.FileUrl)
        @($media.Title) | Should -Be @($objects | ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_.Key) })
    }
}

Describe 'Role profiles whose trust policy requires an ExternalId' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
        $script:emulator = Start-TestEmulator
        $trust = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]},"Condition":{"StringEquals":{"sts:ExternalId":"abcd1234"}}}]}'
        $script:roleArn = (Invoke-TestVod CreateRole @{ RoleName = 'partner'; AssumeRolePolicyDocument = $trust } -Service Ram).Role.Arn
        $settings = [VodTools.Commands.Common.VodContext]::Current.Settings
        $key = "access_key_id = $($settings.AccessKeyId)`naccess_key_secret = $($settings.AccessKeySecret)`nrole_arn = $roleArn`nrole_session_name = pester"
        $script:credentialsFile = Join-Path $TestDrive 'credentials'
        "[with-id]`ntype = ram_role_arn`n$key`nexternal_id = abcd1234`n[without-id]`ntype = ram_role_arn`n$key`n" | Set-Content $credentialsFile
        $script:configFile = Join-Path $TestDrive 'config.json'
        @{ current = 'cli-with-id'; profiles = @(
            @{ name = 'cli-with-id'; mode = 'RamRoleArn'; access_key_id = $settings.AccessKeyId; access_key_secret = $settings.AccessKeySecret
               ram_role_arn = $roleArn; ram_session_name = 'pester'; external_id = 'abcd1234'; region_id = 'cn-shanghai' }) } | ConvertTo-Json -Depth 4 | Set-Content $configFile
        $script:savedFiles = $env:ALIBABA_CLOUD_CREDENTIALS_FILE, $env:ALIBABA_CLOUD_CONFIG_FILE
        $env:ALIBABA_CLOUD_CREDENTIALS_FILE = $credentialsFile
        $env:ALIBABA_CLOUD_CONFIG_FILE = $configFile
    }

    AfterAll {
        $env:ALIBABA_CLOUD_CREDENTIALS_FILE, $env:ALIBABA_CLOUD_CONFIG_FILE = $savedFiles
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'assumes the role from a credentials file profile with external_id' {
        (Get-VodCallerIdentity -ProfileName with-id).Arn | Should -Be 'acs:ram::1234567890123456:assumed-role/partner/pester'
    }

    It 'assumes the role from an aliyun CLI profile with external_id' {
        (Get-VodCallerIdentity -ProfileName cli-with-id).Arn | Should -Be 'acs:ram::1234567890123456:assumed-role/partner/pester'
    }

    It 'is refused without the ExternalId, as STS refuses it' {
        { Get-VodCallerIdentity -ProfileName without-id -MaxAttempts 1 -ErrorAction Stop } | Should -Throw '*NoPermission*'
    }
}

Describe 'Two sources of credentials given together' {
    It 'are refused by PowerShell as it binds them, before the cmdlet starts: <Case>' -ForEach @(
        @{ Case = 'a key and a profile'; Run = { Get-VodMedia -MediaId m1 -AccessKeyId LTAIboth -AccessKeySecret s -ProfileName p } }
        @{ Case = 'a profile and a key'; Run = { Get-OssObject -Bucket media-archive -Key a -ProfileName p -AccessKeyId LTAIboth } }
        @{ Case = 'a key and a credential'; Run = { Register-VodMedia -FileUrl oss://media-archive/a.mp4 -AccessKeyId LTAIboth -Credential ([pscredential]::new('LTAIcred', (ConvertTo-SecureString s -AsPlainText -Force))) } }
        @{ Case = 'a credential and a profile'; Run = { Start-VodTranscode -MediaId m1 -Credential ([pscredential]::new('LTAIcred', (ConvertTo-SecureString s -AsPlainText -Force))) -Profile p } }
        @{ Case = 'an STS token and a profile'; Run = { Get-VodTranscodeTask -TaskId t1 -SecurityToken TOKENVALUE -ProfileName p } }
    ) {
        $failure = $null
        try { & $Run } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterBindingFailed,VodTools.Commands.*'
        $failure.Exception.Message | Should -BeLike '*Give one source of credentials, not two*'
        $failure.Exception.Message | Should -Not -Match 'LTAIboth|LTAIcred|TOKENVALUE' -Because 'the refusal names parameters, never values'
    }

    It 'are one source when they belong together: a key with its secret and token, a credential with a token' {
        $wrong = @{ Endpoint = 'http://127.0.0.1:9'; MaxAttempts = 1; AttemptTimeoutSec = 1 }
        $credential = [pscredential]::new('LTAIcred', (ConvertTo-SecureString s -AsPlainText -Force))
        foreach ($run in { Get-VodCallerIdentity -AccessKeyId LTAIone -AccessKeySecret s -SecurityToken t @wrong }, { Get-VodCallerIdentity -Credential $credential -SecurityToken t @wrong }) {
            $failure = $null
            try { & $run } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'EndpointUnreachable,*' -Because 'binding let them through: the call went out'
        }
    }

    It 'are refused by Set-VodContext before it changes anything' {
        $before = [VodTools.Commands.Common.VodContext]::Current
        { Set-VodContext -AccessKeyId LTAIboth -AccessKeySecret s -ProfileName p -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterBindingFailed,VodTools.Commands.SetVodContextCommand'
        [object]::ReferenceEquals($before, [VodTools.Commands.Common.VodContext]::Current) | Should -BeTrue
    }

    It 'leave to the credential chain what only the run can tell: a profile named wins over the environment''s key, and must exist' {
        $env:ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAIfromenv'; $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'secret'
        try { { Get-VodCallerIdentity -ProfileName no-such-profile -ErrorAction Stop } | Should -Throw -ErrorId 'ProfileNotFound,*' }
        finally { Remove-Item env:ALIBABA_CLOUD_ACCESS_KEY_ID, env:ALIBABA_CLOUD_ACCESS_KEY_SECRET }
    }
}
