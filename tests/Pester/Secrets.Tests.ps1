# Secrets never leak: every exported cmdlet runs with -Verbose -Debug on an account whose secret, and an STS key
# and token, this test knows; all six streams, every error (terminating or not, inner exceptions included), $Error,
# the objects emitted and the emulator's verbose log are searched for the secrets and for signature-shaped values.
# Plain HTTP: credentials never go to a non-loopback http:// endpoint without -AllowInsecureHttp.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest

    # The emulator started directly (Start-VodEmulator always uses the public key): this account's own key pair,
    # given in a config file rather than on the command line, and one log line per request (--verbose). Lenient: the
    # STS key's role holds no policy, and this test is about what is printed, not what is allowed.
    $script:accountKeyId = 'LTAI5tSecretsTestKey'
    $script:accountSecret = 'AccSecret' + [guid]::NewGuid().ToString('N')
    $dll = Join-Path (Split-Path (Get-Module VodTools).Path) 'emulator/VodTools.Emulator.dll'
    $config = Join-Path $TestDrive 'emulator.json'
    $urlFile = Join-Path $TestDrive 'emulator.url'
    $script:emulatorLog = Join-Path $TestDrive 'emulator.log'
    @{ port = 0; inMemory = $true; seedSample = $true; verbose = $true; transcodeSeconds = 0; urlFile = $urlFile; lenient = $true
        accessKeyId = $accountKeyId; accessKeySecret = $accountSecret } | ConvertTo-Json | Set-Content $config
    $script:emulatorProcess = Start-Process ($env:DOTNET_HOST_PATH ?? 'dotnet') -ArgumentList $dll, '--config', $config -RedirectStandardOutput $emulatorLog `
        -RedirectStandardError (Join-Path $TestDrive 'emulator.err') -PassThru
    foreach ($i in 1..600) { if (Test-Path $urlFile) { break }; Start-Sleep -Milliseconds 100 }
    $script:url = Get-Content $urlFile -Raw

    # An STS key and token for a role that trusts this account, from the emulator's STS.
    Set-VodContext -Endpoint $url -AccessKeyId $accountKeyId -AccessKeySecret $accountSecret -Region cn-shanghai
    $trust = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}'
    $role = (Invoke-TestVod CreateRole @{ RoleName = 'secrets-test'; AssumeRolePolicyDocument = $trust } -Service Ram).Role
    $sts = (Invoke-TestVod AssumeRole @{ RoleArn = $role.Arn; RoleSessionName = 'secrets' } -Service Sts).Credentials
    $script:stsKeyId = $sts.AccessKeyId
    # The key VOD signs event callbacks with (letters and digits, with upper- and lower-case letters and digits).
    $script:authKey = 'Hook9' + [guid]::NewGuid().ToString('N').Substring(0, 20)
    $script:secrets = @($accountSecret, $sts.AccessKeySecret, $sts.SecurityToken, $authKey)

    # Signature-shaped values a leak would show: RPC V1/V3 and OSS V4 Signature=..., OSS V1 "OSS id:sig",
    # presigned x-oss-signature, the emulator's <SignatureProvided>, and any Authorization value not masked.
    $script:signatureShapes = @(
        '(?i)signature\s*[=:]\s*"?(?!\*\*\*)[A-Za-z0-9+/%]{16,}'
        '(?i)\bOSS [A-Za-z0-9.]+:[A-Za-z0-9+/]{20,}={0,2}'
        '(?i)<SignatureProvided>\s*[^<\s]'
        '(?i)Authorization\s*[=:]\s*"?(?!\*\*\*)\S{8,}'
    )

    # Everything a run left: each stream's records, error texts with inner exceptions, the objects in full.
    function ConvertTo-Text($Records) {
        foreach ($r in $Records) {
            if ($r -is [System.Management.Automation.ErrorRecord]) {
                $r.ToString(); $r.Exception.ToString(); "$($r.ErrorDetails)"; "$($r.TargetObject)"; $r.ScriptStackTrace
            }
            elseif ($r -is [System.Management.Automation.InformationalRecord] -or $r -is [System.Management.Automation.InformationRecord]) { "$r" }
            else { $r | Format-List * -Force | Out-String -Width 4096; "$r" }
        }
    }

    function Assert-NoSecret([string[]] $Text, [string] $Where) {
        $all = $Text -join "`n"
        $all.Length | Should -BeGreaterThan 0 -Because "$Where should have produced output"
        foreach ($s in $secrets) { $all.Contains($s) | Should -BeFalse -Because "$Where must not show a secret or token" }
        foreach ($shape in $signatureShapes) { $all | Should -Not -Match $shape -Because "$Where must not show a signature" }
    }

    $script:ran = [System.Collections.Generic.List[string]]::new()
    $script:captured = [System.Collections.Generic.List[string]]::new()
    # Runs one step with -Verbose -Debug on every cmdlet in it, all six streams merged; a terminating error is kept too.
    function Invoke-Step([string[]] $Cmdlets, [scriptblock] $Step) {
        $PSDefaultParameterValues['*:Verbose'] = $true
        $PSDefaultParameterValues['*:Debug'] = $true
        try { $records = & $Step *>&1 }
        catch { $records = @($_) }
        finally { $PSDefaultParameterValues.Remove('*:Verbose'); $PSDefaultParameterValues.Remove('*:Debug') }
        foreach ($c in $Cmdlets) { $ran.Add($c) }
        foreach ($line in (ConvertTo-Text $records)) { $captured.Add($line) }
        $records | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] }
    }
}

AfterAll {
    Set-VodContext -Reset
    if ($emulatorProcess -and -not $emulatorProcess.HasExited) { $emulatorProcess.Kill() }
}

Describe 'Every cmdlet with -Verbose -Debug on a known secret and STS token' {
    BeforeAll {
        $Error.Clear()
        $DebugPreference = 'Continue'
        $null = Invoke-Step Set-VodContext { Set-VodContext -Endpoint $url -AccessKeyId $stsKeyId -AccessKeySecret $secrets[1] -SecurityToken $secrets[2] -Region cn-shanghai }
        $script:contextView = Invoke-Step Get-VodContext { Get-VodContext }
        $null = Invoke-Step Get-VodCallerIdentity { Get-VodCallerIdentity }
        $null = Invoke-Step Get-OssBucket { Get-OssBucket; Get-OssBucket -Bucket media-archive }
        $objects = Invoke-Step Get-OssObject { Get-OssObject -Bucket media-archive -Prefix films/2020/ -Include *.mp4 | Select-Object -First 3 }
        $null = Invoke-Step New-VodPassMpsRole, Set-VodPolicy, Initialize-VodBucketAccess {
            New-VodPassMpsRole; Set-VodPolicy -Bucket media-archive; Initialize-VodBucketAccess -Bucket media-archive
        }
        $null = Invoke-Step Get-RamRole, Get-RamPolicy { Get-RamRole; Get-RamPolicy -RoleName vod-pass-mps }
        $null = Invoke-Step Remove-RamRolePolicy, Add-RamRolePolicy {
            Remove-RamRolePolicy -RoleName vod-pass-mps -PolicyName vod-pass-mps -Confirm:$false
            Add-RamRolePolicy -RoleName vod-pass-mps -PolicyName vod-pass-mps
        }
        $null = Invoke-Step Add-VodStorage, Add-VodDomain, Get-VodDomain, Remove-VodDomain {
            Add-VodStorage -Bucket media-archive
            Add-VodDomain -DomainName secrets.example.com -Bucket media-archive
            Get-VodDomain -DomainName secrets.example.com
            Remove-VodDomain -DomainName secrets.example.com -Confirm:$false
        }
        $sdTemplate = '[{"Definition":"SD","Container":{"Format":"mp4"},"TemplateName":"sd-mp4"}]'
        $group = (Invoke-Step New-VodTranscodeTemplateGroup, Get-VodTranscodeTemplateGroup, Set-VodDefaultTranscodeTemplateGroup {
                $g = New-VodTranscodeTemplateGroup -Name secrets-group -TemplateList $sdTemplate
                $null = Get-VodTranscodeTemplateGroup
                Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $g.TemplateGroupId
                $g
            }).TemplateGroupId
        $media = Invoke-Step Register-VodMedia, Get-VodMedia, Get-VodMezzanine { $objects | Register-VodMedia }
        $null = Invoke-Step Get-VodMedia, Get-VodMezzanine { Get-VodMedia -MediaId $media.MediaId; Get-VodMezzanine -MediaId $media.MediaId }
        $null = Invoke-Step Find-VodMedia, Set-VodMedia, Compare-VodBucket {
            Find-VodMedia -StorageLocation media-archive | Set-VodMedia -AddTag secrets
            Compare-VodBucket -Bucket media-archive -Prefix films/2020/
        }
        $null = Invoke-Step New-VodCategory, Get-VodCategory, Set-VodCategory, Remove-VodCategory {
            New-VodCategory secrets | Set-VodCategory -NewName 'secrets renamed'
            Get-VodCategory -Recurse | Remove-VodCategory -Confirm:$false
        }
        $null = Invoke-Step Start-VodTranscode, Wait-VodTranscode, Get-VodTranscodeTask {
            $media | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode
            Get-VodTranscodeTask -MediaId $media[0].MediaId
        }
        $null = Invoke-Step Start-VodSnapshot, Get-VodSnapshot {
            $media[0] | Start-VodSnapshot -Count 2 -Interval 0
            Get-VodSnapshot -MediaId $media[0].MediaId
        }
        $null = Invoke-Step Test-VodBucket, Get-VodPlayInfo, Test-VodPlayback {
            Test-VodBucket -Bucket media-archive -TemplateGroupId $group
            $media | Get-VodPlayInfo
            $media | Test-VodPlayback
        }
        $null = Invoke-Step Invoke-VodMigration, Get-VodMigration, Export-VodMigrationReport {
            $journal = Join-Path $TestDrive 'secrets.journal'
            Invoke-VodMigration -Bucket media-archive -Prefix films/2020/ -Include *.mp4 -TemplateGroupId $group -JournalPath $journal
            Get-VodMigration -JournalPath $journal | Export-VodMigrationReport -Path (Join-Path $TestDrive 'secrets.html') -PassThru
        }
        $upload = Join-Path $TestDrive 'upload.mp4'
        [IO.File]::WriteAllBytes($upload, [byte[]](1..200))
        $null = Invoke-Step Send-VodMedia, Remove-VodMedia, Remove-OssObject {
            Send-VodMedia -Path $upload | Remove-VodMedia -Confirm:$false
            Remove-OssObject -Bucket media-archive -Key $objects[2].Key -Confirm:$false
        }
        $null = Invoke-Step Set-VodMessageCallback, Get-VodMessageCallback, Import-VodMediaFromUrl, Get-VodUrlUploadJob {
            Set-VodMessageCallback -CallbackUrl 'http://127.0.0.1:9/vod-events' -EventType ALL -AuthKey $authKey -PassThru
            Get-VodMessageCallback
            Import-VodMediaFromUrl -Url 'http://127.0.0.1:9/secrets.mp4' | Get-VodUrlUploadJob
        }
        $null = Invoke-Step Remove-RamRolePolicy, Remove-RamPolicy, Remove-RamRole {
            Remove-RamRolePolicy -RoleName vod-pass-mps -PolicyName vod-pass-mps -Confirm:$false
            Remove-RamPolicy -PolicyName vod-pass-mps -Confirm:$false
            Remove-RamRole -RoleName vod-pass-mps -Confirm:$false
        }
        # A wrong secret: the services answer SignatureDoesNotMatch (OSS with its SignatureProvided); the errors must not repeat it.
        # Each ends its cmdlet (a refused key is terminating), so each is a step of its own.
        $null = Invoke-Step Get-OssBucket { Get-OssBucket -AccessKeyId $stsKeyId -AccessKeySecret 'WrongSecretWrongSecret' -SecurityToken $secrets[2] }
        $null = Invoke-Step Get-RamRole { Get-RamRole -AccessKeyId $stsKeyId -AccessKeySecret 'WrongSecretWrongSecret' -SecurityToken $secrets[2] }
        $null = Invoke-Step Get-VodCallerIdentity { Get-VodCallerIdentity -AccessKeyId $accountKeyId -AccessKeySecret 'WrongSecretWrongSecret' }
        # The admin endpoints take no key; their output must still show none.
        $state = Join-Path $TestDrive 'secrets-state.zip'
        $null = Invoke-Step Set-VodEmulatorFault, Get-VodEmulatorFault, Clear-VodEmulatorFault, Save-VodEmulatorState, Restore-VodEmulatorState, Reset-VodEmulator {
            Set-VodEmulatorFault -EmulatorUrl $url -Kind Delay -Probability 0 -DelayMs 1
            Get-VodEmulatorFault -EmulatorUrl $url | Clear-VodEmulatorFault -EmulatorUrl $url
            Save-VodEmulatorState -EmulatorUrl $url -Path $state
            Restore-VodEmulatorState -EmulatorUrl $url -Path $state -Force
            Reset-VodEmulator -EmulatorUrl $url -Force
        }
        # Last, as it points the session at a new emulator with the public key: what the old context held must not show.
        $null = Invoke-Step Start-VodEmulator, Stop-VodEmulator { Start-VodEmulator -InMemory | Stop-VodEmulator }
        $script:errors = @($Error)
        $script:errorText = ConvertTo-Text $Error
    }

    It 'ran every exported cmdlet' {
        $exported = (Get-Command -Module VodTools).Name | Sort-Object
        $exported.Count | Should -Be 57
        ($ran | Sort-Object -Unique) | Should -Be $exported
    }

    It 'called the services; the only errors are the three refusals of the wrong secret' {
        ($captured -join "`n") | Should -Match 'attempt 1/\d+: HTTP 200'
        ($captured -join "`n") | Should -Match 'Emulator http://127\.0\.0\.1:\d+ \(process \d+\)'
        $errors.Count | Should -Be 3
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'; "$_" | Should -Match 'SignatureDoesNotMatch' }
    }

    It 'would notice a leak (the checks themselves)' {
        { Assert-NoSecret @("retrying $($secrets[2].Substring(0, 40))") 'a probe' } | Should -Not -Throw
        { Assert-NoSecret @("token $($secrets[2])") 'a probe' } | Should -Throw
        { Assert-NoSecret @('GET /?Signature=0123456789abcdef0123456789abcdef') 'a probe' } | Should -Throw
        { Assert-NoSecret @('Authorization: OSS LTAI5tSecretsTestKey:KvYgLXm3rEt8J2mKg0Bn5D1mGJ4=') 'a probe' } | Should -Throw
        { Assert-NoSecret @('<SignatureProvided>abc</SignatureProvided>') 'a probe' } | Should -Throw
    }

    It 'shows no secret, token or signature in any stream, error or output' {
        Assert-NoSecret $captured 'the six streams and the output'
    }

    It 'shows none in $Error' {
        Assert-NoSecret $errorText '$Error'
    }

    It 'shows none in the emulator''s verbose log' {
        $log = Get-Content $emulatorLog
        ($log | Where-Object { $_ -match ' -> \d{3} ' }).Count | Should -BeGreaterThan 50
        Assert-NoSecret $log 'the emulator log'
    }

    It 'masks the key in Get-VodContext' {
        $contextView.AccessKeySecret | Should -Be '****'
        $contextView.SecurityToken | Should -Be '****'
        $contextView.AccessKeyId | Should -Not -Be $stsKeyId
    }
}

Describe 'Plain HTTP to a remote endpoint' {
    It 'is refused before anything is sent, unless -AllowInsecureHttp' {
        # 192.0.2.10 is a documentation address: were anything sent, the attempt line would show it (no answer)
        Set-VodContext -Endpoint 'http://192.0.2.10:8080' -AccessKeyId $accountKeyId -AccessKeySecret $accountSecret -Region cn-shanghai
        $lines = try { Get-VodCallerIdentity -AttemptTimeoutSec 1 -MaxAttempts 1 -Verbose 4>&1 } catch { $refused = $_ }
        $refused.FullyQualifiedErrorId | Should -BeLike 'InsecureEndpoint,*'
        $refused.Exception.Message | Should -Match 'AllowInsecureHttp'
        ($lines | Where-Object { "$_" -match ' attempt \d+/' }) | Should -BeNullOrEmpty
    }

    AfterAll { Set-VodContext -Reset }
}
