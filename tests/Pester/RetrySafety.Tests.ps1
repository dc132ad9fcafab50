# Retry safety end to end: answers lost after the emulator acted (--faults lost:P: the change is committed, then the
# connection is reset without an answer). Writes that are not safe to repeat are reconciled by reading back, never
# repeated blindly; every count comes from the emulator's own inventory (/_emulator/stats). The answers lost are drawn
# from a seed named in the Describe blocks (VODTOOLS_FAULT_SEED replays one). -Files sets the seed pipeline's size
# (Pester's -Data @{ Files = N }; bench/Invoke-FullSizeSuites.ps1 runs 300).
param([int] $Files = 60)

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:faultSeed = @{ FaultSeed = Get-TestFaultSeed }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
}

Describe 'The seed pipeline with 30 % of answers lost after the emulator acted (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        $script:files = $Files
        $script:dataPath = Join-Path $TestDrive 'lost-answers'
        $script:emulator = Start-TestEmulator -DataPath $dataPath -SeedSample -Faults 'lost:0.3' -FaultSeed $FaultSeed
        Add-TestOssObject -Prefix lost/ -Count $files
        $script:group = (Get-VodTranscodeTemplateGroup -MaxAttempts 10 | Where-Object IsDefault).TemplateGroupId
        $before = Get-EmulatorStats
        # ten attempts: a read lost ten times in a row (0.3^10) is not this test's subject
        $script:run = Invoke-Captured {
            Get-OssObject -Bucket media-archive -Prefix lost/ -MaxAttempts 10 |
                Register-VodMedia -MaxAttempts 10 | Start-VodTranscode -TemplateGroupId $group -MaxAttempts 10 | Wait-VodTranscode -MaxAttempts 10
        }
        $script:after = Get-EmulatorStats
        $script:lost = [long]$after.'faults.LostAnswer' - [long]$before.'faults.LostAnswer'
        $script:inventory = Measure-Inventory $after lost/
        $script:unknown = @($run.Attempts | Where-Object { $_ -match 'SubmitTranscodeJobs .*not repeated' }).Count
        Write-Host "  [figures] lost answers: files=$files lost=$lost submitsNotRepeated=$unknown errors=$($run.Errors.Count) completed=$($run.Output.Count) videos=$($inventory.Videos) tasks=$($inventory.Tasks)"
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'lost answers, submissions among them, and did not repeat those' {
        $lost | Should -BeGreaterThan ($files / 3)   # about one request in three of the several a file needs
        $unknown | Should -BeGreaterThan 0
    }

    It 'registered each file once and transcoded each media once, with no error' {
        $run.Terminating | Should -BeNullOrEmpty
        $run.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $inventory.Videos | Should -Be $files
        $inventory.DuplicateKeys | Should -Be 0
        $inventory.Tasks | Should -Be $files
        $inventory.ExtraTasks | Should -Be 0
        $run.Output.Count | Should -Be $files
    }

    Context 'the same pipeline again, without faults' {
        BeforeAll {
            Stop-VodEmulator -ProcessId $emulator.ProcessId
            $script:emulator = Start-TestEmulator -DataPath $dataPath
            $script:again = Invoke-Captured {
                Get-OssObject -Bucket media-archive -Prefix lost/ | Register-VodMedia | Start-VodTranscode -TemplateGroupId $group
            }
            $script:inventoryAgain = Measure-Inventory (Get-EmulatorStats) lost/
        }

        It 'creates nothing, shows no error and emits the existing tasks' {
            $again.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
            $inventoryAgain.Videos | Should -Be $files
            $inventoryAgain.Tasks | Should -Be $files
            @($again.Output).Count | Should -Be $files
            @($again.Output.TaskId | Sort-Object -Unique).Count | Should -Be $files
        }

        It 'answers a repeated SessionId by looking the task up: media ids alone submit again and get the existing task' {
            $ids = @($again.Output.MediaId | Select-Object -First 5)
            $third = Invoke-Captured { $ids | Start-VodTranscode -TemplateGroupId $group }
            $third.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
            @($third.Output.TaskId) | Should -Be @($again.Output | Where-Object { $ids -contains $_.MediaId } | ForEach-Object TaskId)
            (Measure-Inventory (Get-EmulatorStats) lost/).Tasks | Should -Be $files
        }
    }
}

Describe 'Other writes with 30 % of answers lost after the emulator acted (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Faults 'lost:0.3' -FaultSeed $FaultSeed
        Add-TestOssObject -Prefix other/ -Count 50
        $media = Invoke-Captured { Get-OssObject -Bucket media-archive -Prefix other/ -MaxAttempts 10 | Register-VodMedia -TemplateGroupId VOD_NO_TRANSCODE -MaxAttempts 10 }
        $script:mediaIds = @($media.Output.MediaId)
        # the RAM, VOD and OSS writes whose first attempt lost its answer: "<service> <action> attempt 1/10: no answer"
        function Measure-LostFirstAttempt($Run, [string] $Pattern) { @($Run.Attempts | Where-Object { $_ -match "^$Pattern attempt 1/10: no answer" }).Count }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'Initialize-VodBucketAccess makes one role, one policy with at most one new version, one attachment' {
        $run = Invoke-Captured {
            foreach ($n in 1..8) {
                Initialize-VodBucketAccess -Bucket media-archive -RoleName "lost-role-$n" -PolicyName "lost-policy-$n" -MaxAttempts 10
                Initialize-VodBucketAccess -Bucket "second-$n" -SkipBucketCheck -RoleName "lost-role-$n" -PolicyName "lost-policy-$n" -MaxAttempts 10
            }
        }
        Write-Host "  [figures] RAM writes whose first answer was lost: $(Measure-LostFirstAttempt $run 'RAM (CreateRole|CreatePolicy|CreatePolicyVersion|AttachPolicyToRole)')"
        Measure-LostFirstAttempt $run 'RAM (CreateRole|CreatePolicy|AttachPolicyToRole)' | Should -BeGreaterThan 0
        # a version created twice without an answer is the only error allowed: it says the outcome is unknown
        $run.Errors | Where-Object { -not ($_.Exception.Operation -eq 'CreatePolicyVersion' -and $_.Exception.OutcomeUnknown) } |
            ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        @(Get-RamRole -MaxAttempts 10 | Where-Object RoleName -like 'lost-role-*').Count | Should -Be 8
        foreach ($n in 1..8) {
            @(Get-RamPolicy -RoleName "lost-role-$n" -MaxAttempts 10).PolicyName | Should -Be @("lost-policy-$n")
            $versions = @((Invoke-TestVod ListPolicyVersions @{ PolicyName = "lost-policy-$n"; PolicyType = 'Custom' } -Service Ram -MaxAttempts 10).PolicyVersions.PolicyVersion)
            $versions.Count | Should -BeIn 1, 2
        }
    }

    It 'New-VodTranscodeTemplateGroup makes one group per name' {
        $run = Invoke-Captured {
            foreach ($n in 1..6) {
                New-VodTranscodeTemplateGroup -Name "lost-group-$n" -MaxAttempts 10 -TemplateList @{
                    TemplateName = 'sd'; Definition = 'SD'; Container = @{ Format = 'mp4' }; Video = @{ Codec = 'H.264'; Bitrate = '800' } }
            }
        }
        $run.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $groups = @((Get-EmulatorStats).templateGroups | Where-Object name -like 'lost-group-*')
        $groups.Count | Should -Be 6
        @($groups.name | Sort-Object -Unique).Count | Should -Be 6
    }

    It 'Start-VodSnapshot makes at most one job per media, and says which media may have one' {
        $ids = $mediaIds[0..29]
        $run = Invoke-Captured { $ids | Start-VodSnapshot -Count 2 -MaxAttempts 10 }
        $lost = Measure-LostFirstAttempt $run 'VOD SubmitSnapshotJob'
        Write-Host "  [figures] snapshots: media=$($ids.Count) lost=$lost emitted=$(@($run.Output).Count) errors=$($run.Errors.Count)"
        $lost | Should -BeGreaterThan 0
        $jobs = @((Get-EmulatorStats).snapshotJobs | Where-Object { $ids -contains $_.videoId })
        @($jobs | Group-Object videoId | Where-Object Count -gt 1).Count | Should -Be 0
        @($run.Output).Count + $run.Errors.Count | Should -Be $ids.Count
        foreach ($e in $run.Errors) {
            $e.FullyQualifiedErrorId | Should -BeLike 'VodSnapshotOutcomeUnknown,*'
            $e.TargetObject | Should -BeIn $ids
            $e.Exception.Message | Should -BeLike "*media $($e.TargetObject) may have been accepted*"
            $e.ErrorDetails.RecommendedAction | Should -BeLike "*Get-VodSnapshot -MediaId $($e.TargetObject)*"
        }
        foreach ($job in $run.Output) { $jobs.jobId | Should -Contain $job.JobId }
    }

    It 'Remove-VodMedia deletes every media with no error, a lost answer being taken as done' {
        $ids = $mediaIds[30..49]
        $run = Invoke-Captured { $ids | Remove-VodMedia -Confirm:$false -MaxAttempts 10 }
        $run.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $left = @((Get-EmulatorStats).videos | Where-Object { $ids -contains $_.videoId })
        $left.Count | Should -Be 0
    }
}
