# Retry safety end to end: answers lost after the emulator acted (--faults lost:P: the change is committed, then the
# connection is reset without an answer). Writes that are not safe to repeat are reconciled by reading back, never
# repeated blindly; every count comes from the emulator's own inventory (/_emulator/stats).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
}

Describe 'The seed pipeline with 30 % of answers lost after the emulator acted' {
    BeforeAll {
        $script:files = 300
        $script:dataPath = Join-Path $TestDrive 'lost-answers'
        $script:emulator = Start-VodEmulator -DataPath $dataPath -SeedSample -TranscodeSeconds 1 -Faults 'lost:0.3'
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
        $lost | Should -BeGreaterThan 100
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
            $script:emulator = Start-VodEmulator -DataPath $dataPath -TranscodeSeconds 1
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
