# Reliability end to end: a migration under injected faults and the real QPS quota, a pipeline stopped half-way and
# run again, calls that run out of retries, dropped connections, a RamRoleArn profile, and the emulator killed with
# SIGKILL mid-run. Every check reads the emulator's own inventory (/_emulator/stats), not only what the cmdlets said.
# -Files sets the migration's size (Pester's -Data @{ Files = N }; 60 here, enough for every kind of fault to be drawn
# many times; bench/Invoke-FullSizeSuites.ps1 runs 2,000). The faults are drawn from a seed named in the Describe
# blocks (VODTOOLS_FAULT_SEED replays one). Each scenario prints one "[figures]" line: requests, faults injected,
# retries, errors, duplicates.
param([int] $Files = 60)

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:faultSeed = @{ FaultSeed = Get-TestFaultSeed }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:faults = '500:0.1,503:0.1,drop:0.05,delay:0.05:500,lost:0.05'
    $script:modulePath = (Get-Module VodTools).Path

    # A pipeline in its own runspace of this process (the session context is process-wide), started asynchronously.
    # The module is imported first by a call of its own: a batch of statements (AddStatement) stopped with .Stop()
    # can run on after .Dispose() and crash the process (PowerShell's BatchInvocationWorkItem).
    function Start-BackgroundPipeline([scriptblock] $Script, [object[]] $Arguments = @()) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$modulePath'").Invoke()
        $shell.Commands.Clear()
        $null = $shell.AddScript($Script)
        foreach ($a in $Arguments) { $null = $shell.AddArgument($a) }
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $inputs = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $inputs.Complete()
        [pscustomobject]@{ Shell = $shell; Output = $output; Async = $shell.BeginInvoke($inputs, $output) }
    }

    function Write-Figures([string] $Title, [hashtable] $Figures) {
        Write-Host ("  [figures] ${Title}: " + (($Figures.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ', '))
    }
}

Describe 'Under faults (500/503 10 % each, 5 % dropped, 5 % slow, 5 % answers lost after acting) and the real QPS quota (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Quota real -Faults $faults -FaultSeed $FaultSeed -TranscodeSeconds 1
        $script:group = (Get-VodTranscodeTemplateGroup -MaxAttempts 20 | Where-Object IsDefault).TemplateGroupId
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    Context 'a migration: Get-OssObject | Register-VodMedia | Start-VodTranscode | Wait-VodTranscode' {
        BeforeAll {
            $script:files = $Files
            Add-TestOssObject -Prefix migration/ -Count $files
            $before = Get-EmulatorStats
            $script:run = Invoke-Captured {
                Get-OssObject -Bucket media-archive -Prefix migration/ |
                    Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode
            }
            $script:after = Get-EmulatorStats
            $script:inventory = Measure-Inventory $after migration/
            $script:injected = @{}
            foreach ($kind in 'Error500', 'Error503', 'Drop', 'Delay', 'LostAnswer') { $injected[$kind] = [long]$after."faults.$kind" - [long]$before."faults.$kind" }
            $script:retries = @($run.Attempts | Where-Object { $_ -match '; retrying in ' }).Count
            # a call whose last attempt failed: "attempt 5/5: HTTP 503 ..." or "attempt 5/5: no answer ...", or a write
            # not safe to repeat whose answer was lost ("...; not repeated: it may have been done")
            $script:exhausted = @($run.Attempts | Where-Object { $_ -match ' attempt (\d+)/\1: (?!HTTP 2)' -or $_ -match '; not repeated' })
            Write-Figures 'migration' @{ files = $files; requests = $after.requests - $before.requests; injected500 = $injected.Error500
                injected503 = $injected.Error503; dropped = $injected.Drop; delayed = $injected.Delay; lost = $injected.LostAnswer; throttled = [long]$after.throttled - [long]$before.throttled
                retries = $retries; exhausted = $exhausted.Count; errors = $run.Errors.Count; completed = $run.Output.Count
                duplicateRegistrations = $inventory.DuplicateKeys; extraTasks = $inventory.ExtraTasks }
        }

        It 'really ran under faults, and the cmdlets retried them' {
            $injected.Error500 | Should -BeGreaterThan 0
            $injected.Error503 | Should -BeGreaterThan 0
            $injected.Drop | Should -BeGreaterThan 0
            $injected.LostAnswer | Should -BeGreaterThan 0
            $retries | Should -BeGreaterThan 0
        }

        It 'was not ended by a terminating error' {
            $run.Terminating | Should -BeNullOrEmpty
        }

        It 'registered every object exactly once, but those a failed registration names' {
            $notRegistered = @($run.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'VodRegisterFailed,*' }).Count
            $inventory.Videos | Should -Be ($files - $notRegistered)
            $inventory.DuplicateKeys | Should -Be 0
        }

        It 'left exactly one transcode task per media' {
            $inventory.VideosWithTasks | Should -Be $inventory.Videos
            $inventory.Tasks | Should -Be $inventory.Videos
            $inventory.ExtraTasks | Should -Be 0
        }

        It 'emitted every task completed, but for items whose retries were exhausted, each named by its error' {
            $run.Output | ForEach-Object { $_.Status | Should -Be 'CompleteAllSucc' }
            ($run.Output.MediaId | Sort-Object -Unique).Count | Should -Be $run.Output.Count
            Measure-FailedCall $run.Errors | Should -BeLessOrEqual $exhausted.Count
            foreach ($e in $run.Errors) {
                $e.TargetObject | Should -Not -BeNullOrEmpty
                $e.Exception | Should -BeOfType VodTools.Api.Http.CloudException
                [VodTools.Api.Http.RetryPolicy]::IsRetryable($e.Exception) | Should -BeTrue
            }
            $run.Output.Count + $run.Errors.Count | Should -Be $files
        }

        It 'completes the rest when run again (10 attempts per call), still creating nothing twice' {
            $again = Invoke-Captured {
                Get-OssObject -Bucket media-archive -Prefix migration/ -MaxAttempts 10 | Register-VodMedia -TemplateGroupId $group -MaxAttempts 10 |
                    Start-VodTranscode -TemplateGroupId $group -MaxAttempts 10 | Wait-VodTranscode -MaxAttempts 10
            }
            $again.Terminating | Should -BeNullOrEmpty
            $inventoryAgain = Measure-Inventory (Get-EmulatorStats) migration/
            $inventoryAgain.Videos | Should -Be $files
            $inventoryAgain.DuplicateKeys | Should -Be 0
            $inventoryAgain.Tasks | Should -Be $files
            $again.Output.Count + $again.Errors.Count | Should -Be $files
            foreach ($e in $again.Errors) { [VodTools.Api.Http.RetryPolicy]::IsRetryable($e.Exception) | Should -BeTrue }
        }
    }

    Context 'a pipeline stopped half-way (Ctrl+C: the runspace is stopped), then run again' {
        BeforeAll {
            $script:count = 80
            Add-TestOssObject -Prefix interrupt/ -Count $count
            $migrate = {
                param($group)
                Get-OssObject -Bucket media-archive -Prefix interrupt/ -MaxAttempts 10 | Register-VodMedia -TemplateGroupId $group -ThrottleLimit 2 -MaxAttempts 10 |
                    Start-VodTranscode -TemplateGroupId $group -MaxAttempts 10 | Wait-VodTranscode -MaxAttempts 10
            }
            $first = Start-BackgroundPipeline $migrate $group
            $script:reachedHalf = Wait-Until { (Measure-Inventory (Get-EmulatorStats) interrupt/).Videos -ge 20 }
            $first.Shell.Stop()
            $script:stoppedState = $first.Shell.InvocationStateInfo.State
            $first.Shell.Dispose()
            $script:atStop = Measure-Inventory (Get-EmulatorStats) interrupt/
            $second = Invoke-Captured { & $migrate $group }
            $script:resumed = $second
            $script:final = Measure-Inventory (Get-EmulatorStats) interrupt/
            Write-Figures 'interrupt' @{ files = $count; registeredAtStop = $atStop.Videos; tasksAtStop = $atStop.Tasks; emittedByFirstRun = $first.Output.Count
                completedBySecondRun = $second.Output.Count; errorsOfSecondRun = $second.Errors.Count; duplicateRegistrations = $final.DuplicateKeys; extraTasks = $final.ExtraTasks }
        }

        It 'stopped part-way through' {
            $reachedHalf | Should -BeTrue
            $stoppedState | Should -Be 'Stopped'
            $atStop.Videos | Should -BeLessThan $count
            $atStop.DuplicateKeys | Should -Be 0
        }

        It 'then registers and transcodes every object, each exactly once' {
            $resumed.Terminating | Should -BeNullOrEmpty
            $final.Videos | Should -Be $count
            $final.DuplicateKeys | Should -Be 0
            $final.Tasks | Should -Be $count
            $final.ExtraTasks | Should -Be 0
            # the media registered before the stop come back with their MediaId, not a new one
            foreach ($id in $atStop.VideoIds) { $final.VideoIds.Contains($id) | Should -BeTrue }
            $resumed.Output.Count + $resumed.Errors.Count | Should -Be $count
        }
    }
}

Describe 'When retries run out (500 on 40 % of requests, more of the polls, two attempts per call; fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        # the bad minutes, on a data folder; then the same state behind an emulator without faults
        $dataPath = Join-Path $TestDrive 'exhaust-state'
        # polls fail more often (about one attempt in two), so that polls failing in a row are sure to be met
        $emulator = Start-TestEmulator -DataPath $dataPath -SeedSample -Faults '500:0.4,500:0.3@GetTranscodeTask' -FaultSeed $FaultSeed
        $script:group = (Get-VodTranscodeTemplateGroup -MaxAttempts 20 | Where-Object IsDefault).TemplateGroupId
        $script:count = 40
        Add-TestOssObject -Prefix exhaust/ -Count $count
        $script:run = Invoke-Captured {
            Get-OssObject -Bucket media-archive -Prefix exhaust/ -MaxAttempts 20 | Register-VodMedia -TemplateGroupId $group -MaxAttempts 2 |
                Start-VodTranscode -TemplateGroupId $group -MaxAttempts 2 | Wait-VodTranscode -MaxAttempts 2
        }
        $script:exhausted = @($run.Attempts | Where-Object { $_ -match ' attempt 2/2: HTTP 500' })
        $script:afterFirst = Measure-Inventory (Get-EmulatorStats) exhaust/
        Stop-VodEmulator -ProcessId $emulator.ProcessId
        $script:emulator = Start-TestEmulator -DataPath $dataPath
        $script:again = Invoke-Captured {
            Get-OssObject -Bucket media-archive -Prefix exhaust/ | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode
        }
        $script:final = Measure-Inventory (Get-EmulatorStats) exhaust/
        Write-Figures 'exhausted retries' @{ files = $count; exhaustedCalls = $exhausted.Count; errors = $run.Errors.Count; completed = $run.Output.Count
            completedByRerun = $again.Output.Count; errorsOfRerun = $again.Errors.Count; duplicateRegistrations = $final.DuplicateKeys; extraTasks = $final.ExtraTasks }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'reports each item whose call ran out of attempts as a non-terminating error naming it, and goes on' {
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors.Count | Should -BeGreaterThan 0
        $run.Output.Count | Should -BeGreaterThan 0
        $run.Output.Count + $run.Errors.Count | Should -Be $count
        foreach ($e in $run.Errors) {
            $e.FullyQualifiedErrorId | Should -Match '^(VodRegisterFailed|VodTranscodeNotSubmitted|VodTranscodeTaskUnavailable),'
            "$($e.TargetObject)" | Should -Match '^(oss://media-archive/exhaust/\d{4}\.mp4|[0-9a-f]{32})$'
            $e.Exception.Code | Should -Be 'InternalError'
            $e.Exception.RequestId | Should -Not -BeNullOrEmpty
            if ($e.Exception.Attempts -gt 1) { $e.ToString() | Should -BeLike '*failed all 2 attempts*' }
            $e.ToString() | Should -BeLike "*$([VodTools.Commands.Common.VodCmdletBase]::ItemName($e.TargetObject))*"
        }
        # no error without an exhausted call behind it
        $exhausted.Count | Should -BeGreaterThan 0
        Measure-FailedCall $run.Errors | Should -BeLessOrEqual $exhausted.Count
    }

    It 'waits out failed polls of a task: only three in a row make it an error' {
        @($run.Verbose | Where-Object { $_ -match 'polls in a row\); polling again' }).Count | Should -BeGreaterThan 0
        # a failed call fails the polls of every task it carried (ten at a time), so polls are counted per task, not per call
        foreach ($failure in @($run.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'VodTranscodeTaskUnavailable,*' })) {
            foreach ($n in 1, 2) {
                @($run.Verbose | Where-Object { $_ -like "Task $($failure.TargetObject): * ($n of 3 polls in a row)*" }).Count | Should -BeGreaterThan 0 -Because "poll $n of $($failure.TargetObject) failed and was waited out"
            }
        }
    }

    It 'creates nothing twice, and a run once the faults are over completes the rest' {
        $afterFirst.DuplicateKeys | Should -Be 0
        $afterFirst.ExtraTasks | Should -Be 0
        $again.Terminating | Should -BeNullOrEmpty
        $final.Videos | Should -Be $count
        $final.DuplicateKeys | Should -Be 0
        $final.Tasks | Should -Be $count
        $final.ExtraTasks | Should -Be 0
        $again.Output.Count + $again.Errors.Count | Should -Be $count
    }
}

Describe 'Connections dropped on every attempt' {
    # A dropped connection means this call failed, not that the endpoint is gone: the item fails, the rest go on.
    # (Found by the 2,000-file run: one GetTranscodeTask whose last attempt was dropped ended the whole migration.)
    BeforeAll {
        $script:emulator = Start-TestEmulator -Faults 'drop:1'
        $script:run = Invoke-Captured {
            '0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210' | Start-VodTranscode -TemplateGroupId group-1 -MaxAttempts 2
        }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'fails each item with a connection error and goes on to the next' {
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 2
        $run.Errors.TargetObject | Should -Be '0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'
        foreach ($e in $run.Errors) {
            $e.FullyQualifiedErrorId | Should -BeLike 'VodTranscodeNotSubmitted,*'
            $e.CategoryInfo.Category | Should -Be 'ConnectionError'
            $e.Exception.Message | Should -Match 'closed before the answer'
        }
        @($run.Attempts | Where-Object { $_ -match 'attempt 2/2: no answer' }).Count | Should -Be 2
    }

    It 'still ends the cmdlet when nothing listens (EndpointUnreachable)' {
        { '0123456789abcdef0123456789abcdef' | Start-VodTranscode -TemplateGroupId group-1 -Endpoint 'http://127.0.0.1:9' -MaxAttempts 1 } |
            Should -Throw -ErrorId 'EndpointUnreachable,VodTools.Commands.StartVodTranscodeCommand'
    }
}

Describe 'A run on a RamRoleArn aliyun CLI profile, under faults (fault seed <FaultSeed>)' -ForEach $faultSeed {
    # The module assumes the role itself (STS AssumeRole on the emulator) and signs every call with the temporary key.
    # Refreshing before expiry is proven on a test clock by RamRoleArnCredentialProviderTests: the emulator's STS
    # issues at least 900 s, and the refresh comes 180 s before expiry, too long to wait for here.
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
        $script:emulator = Start-TestEmulator -SeedSample -Faults $faults -FaultSeed $FaultSeed
        $trust = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}'
        # set up under the same faults: a create whose answer was lost is found by reading the role back
        $role = try { (Invoke-TestVod CreateRole @{ RoleName = 'migration-runner'; AssumeRolePolicyDocument = $trust } -Service Ram -MaxAttempts 10).Role }
        catch { (Invoke-TestVod GetRole @{ RoleName = 'migration-runner' } -Service Ram -MaxAttempts 10).Role }
        $config = Join-Path $TestDrive 'aliyun-config.json'
        @{ current = 'runbook'; profiles = @(@{ name = 'runbook'; mode = 'RamRoleArn'; access_key_id = 'VODEMULATORKEYID'; access_key_secret = 'VodEmulatorSecretKey'
                    ram_role_arn = $role.Arn; ram_session_name = 'runbook'; expired_seconds = 900; region_id = 'cn-shanghai' }) } | ConvertTo-Json -Depth 4 | Set-Content $config
        $script:savedConfig = $env:ALIBABA_CLOUD_CONFIG_FILE
        $env:ALIBABA_CLOUD_CONFIG_FILE = $config
        Add-TestOssObject -Prefix profile/ -Count 30
        Set-VodContext -Endpoint $emulator.Url -ProfileName runbook -Region cn-shanghai
        $script:identity = Get-VodCallerIdentity -MaxAttempts 10
        $script:run = Invoke-Captured {
            Get-OssObject -Bucket media-archive -Prefix profile/ -MaxAttempts 10 | Register-VodMedia -MaxAttempts 10 | Get-VodMedia -MaxAttempts 10
        }
    }

    AfterAll {
        $env:ALIBABA_CLOUD_CONFIG_FILE = $savedConfig
        Stop-VodEmulator -ProcessId $emulator.ProcessId
        Set-VodContext -Reset
    }

    It 'signs with the role''s temporary key' {
        $identity.IdentityType | Should -Be 'AssumedRoleUser'
        $identity.Arn | Should -Be 'acs:ram::1234567890123456:assumed-role/migration-runner/runbook'
        $identity.CredentialSource | Should -Match 'RamRoleArn'
        @($run.Attempts | Where-Object { $_ -match '^STS AssumeRole attempt \d+/\d+: HTTP 200' }).Count | Should -BeGreaterThan 0
    }

    It 'completes the run' {
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 30
    }
}

Describe 'Temporary credentials that expire during a run (RamRoleArn profile)' {
    # The emulator's STS issues 3-second tokens here (-StsTokenSeconds; the cloud issues at least 900 s) and refuses
    # them once expired (RamStsTests). The module refreshes a token once 180 s or less remain, so over a 7-second run
    # that outlives two tokens every call must succeed, on fresh tokens.
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
        $script:emulator = Start-VodEmulator -Lenient -InMemory -SeedSample -StsTokenSeconds 3
        $trust = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}'
        $role = (Invoke-TestVod CreateRole @{ RoleName = 'short-lived'; AssumeRolePolicyDocument = $trust } -Service Ram).Role
        $config = Join-Path $TestDrive 'aliyun-short.json'
        @{ current = 'short'; profiles = @(@{ name = 'short'; mode = 'RamRoleArn'; access_key_id = 'VODEMULATORKEYID'; access_key_secret = 'VodEmulatorSecretKey'
                    ram_role_arn = $role.Arn; ram_session_name = 'short'; expired_seconds = 900; region_id = 'cn-shanghai' }) } | ConvertTo-Json -Depth 4 | Set-Content $config
        $script:savedConfig = $env:ALIBABA_CLOUD_CONFIG_FILE
        $env:ALIBABA_CLOUD_CONFIG_FILE = $config
        Set-VodContext -Endpoint $emulator.Url -ProfileName short -Region cn-shanghai
        $script:records = [System.Collections.Generic.List[object]]::new()
        $script:calls = 0
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        while ($watch.Elapsed.TotalSeconds -lt 7) {
            Get-OssBucket -Verbose -ErrorAction Continue 4>&1 2>&1 | ForEach-Object { $records.Add($_) }
            $script:calls++
            Start-Sleep -Milliseconds 200
        }
        $script:elapsed = $watch.Elapsed.TotalSeconds
        $script:assumed = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^STS AssumeRole attempt \d+/\d+: HTTP 200' }).Count
        Write-Figures 'token refresh' @{ seconds = [math]::Round($elapsed, 1); calls = $calls; assumeRole = $assumed; tokenSeconds = 3 }
    }

    AfterAll {
        $env:ALIBABA_CLOUD_CONFIG_FILE = $savedConfig
        Stop-VodEmulator -ProcessId $emulator.ProcessId
        Set-VodContext -Reset
    }

    It 'refreshes the token before it runs out and fails no call across several lifetimes' {
        $elapsed | Should -BeGreaterThan 6
        $calls | Should -BeGreaterThan 10
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        @($records | Where-Object { $_ -is [VodTools.Model.OssBucket] }).Count | Should -Be $calls
        $assumed | Should -BeGreaterOrEqual 3 -Because 'a 3-second token is renewed at least twice in 7 seconds'
    }
}

Describe 'The emulator killed with SIGKILL while registrations are being written' {
    BeforeAll {
        $script:dataPath = Join-Path $TestDrive 'emulator-state'
        $script:count = 400
        $start = @{ DataPath = $dataPath; TranscodeSeconds = 1; Lenient = $true }
        $emulator = Start-VodEmulator @start -SeedSample
        Add-TestOssObject -Prefix durable/ -Count $count
        Stop-VodEmulator -ProcessId $emulator.ProcessId
        # every request is slowed so that the kill lands in the middle of the run
        $emulator = Start-VodEmulator @start -Faults 'delay:1:100'
        $run = Start-BackgroundPipeline { Get-OssObject -Bucket media-archive -Prefix durable/ | Register-VodMedia -ThrottleLimit 4 }
        $script:reachedKillPoint = Wait-Until { $run.Output.Count -ge 60 }
        Stop-Process -Id $emulator.ProcessId -Force # .NET's Process.Kill: SIGKILL on Linux and macOS
        $script:pipelineEnded = Wait-Until { $run.Async.IsCompleted } 120
        $script:acknowledged = @($run.Output | Where-Object MediaId)
        $script:pipelineErrors = @($run.Shell.Streams.Error) + @($run.Shell.InvocationStateInfo.Reason | Where-Object { $_ })
        $run.Shell.Dispose()

        $script:restarted = Start-VodEmulator @start
        $script:afterRestart = Get-EmulatorStats
        Write-Figures 'kill -9' @{ objects = $count; acknowledgedBeforeKill = $acknowledged.Count; videosAfterRestart = @($afterRestart.videos | Where-Object { $_.key.StartsWith('durable/') }).Count }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $restarted.ProcessId
    }

    It 'was killed in the middle of the run' {
        $reachedKillPoint | Should -BeTrue
        $pipelineEnded | Should -BeTrue
        $acknowledged.Count | Should -BeLessThan $count
        $pipelineErrors.Count | Should -BeGreaterThan 0
    }

    It 'opens cleanly on the same data folder' {
        Invoke-RestMethod "$($restarted.Url)/_emulator/health" | ForEach-Object status | Should -Be 'ok'
        (Invoke-RestMethod "$($restarted.Url)/_emulator/info").persistent | Should -BeTrue
        @(Get-OssObject -Bucket media-archive -Prefix durable/).Count | Should -Be $count
    }

    It 'kept every registration it acknowledged' {
        $byId = @{}
        foreach ($v in $afterRestart.videos) { $byId[$v.videoId] = $v.key }
        foreach ($m in $acknowledged) { $byId[$m.MediaId] | Should -Be ([uri]$m.FileUrl).AbsolutePath.TrimStart('/') }
        $media = @(Get-VodMedia -MediaId $acknowledged.MediaId)
        $media.Count | Should -Be $acknowledged.Count
    }

    It 'registers the rest when run again, giving the acknowledged ones back their MediaId' {
        $all = @(Get-OssObject -Bucket media-archive -Prefix durable/ | Register-VodMedia)
        $all.Count | Should -Be $count
        $byUrl = @{}
        foreach ($m in $all) { $byUrl[$m.FileUrl] = $m }
        foreach ($m in $acknowledged) {
            $byUrl[$m.FileUrl].MediaId | Should -Be $m.MediaId
            $byUrl[$m.FileUrl].NewRegister | Should -BeFalse
        }
        $inventory = Measure-Inventory (Get-EmulatorStats) durable/
        $inventory.Videos | Should -Be $count
        $inventory.DuplicateKeys | Should -Be 0
    }
}
