# Invoke-VodMigration and Get-VodMigration end to end: a migration killed with SIGKILL part-way and run again, under the
# per-action quota and injected faults, counted in the emulator's own inventory (/_emulator/stats) and in the -Verbose
# attempt lines; failures recorded, retried and reported (also as HTML). bench/Measure-MigrationJob.ps1 runs the kill
# with more files (-Data @{ Files = 2000 }). The faults are drawn from a seed named in the Describe block
# (VODTOOLS_FAULT_SEED replays one).
param([int] $Files = 150)

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:faultSeed = @{ FaultSeed = Get-TestFaultSeed }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:module = (Get-Module VodTools).Path -replace '\.dll$', '.psd1'
    # RegisterMedia calls (each attempt's first try) in -Verbose lines: "VOD RegisterMedia attempt 1/10: ..."
    function Measure-Call($Lines, [string] $Action) { @($Lines | Where-Object { "$_" -match "^VOD $Action attempt 1/" }).Count }
    # Key -> task id of the journal's files with a task
    function Read-JournalTask([string] $Path) {
        $tasks = @{}
        foreach ($row in Invoke-TestJournalSql $Path 'SELECT key, task_id FROM files WHERE task_id IS NOT NULL') { $tasks[$row[0]] = $row[1] }
        $tasks
    }
}

Describe 'A migration killed with SIGKILL part-way, then run again (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        $script:files = $Files
        # Slow registrations (300 ms each, two at a time) so the kill lands while files are still being registered; answers
        # lost after acting everywhere; 500s where a retry is safe (a 500 to a submission is an error by design).
        $script:emulator = Start-TestEmulator -SeedSample -Quota real -Faults 'lost:0.05,delay:1:300@RegisterMedia,500:0.05@RegisterMedia,500:0.05@GetTranscodeTask,500:0.05@GET' -FaultSeed $FaultSeed
        Add-TestOssObject -Prefix kill/ -Count $files
        $script:journal = Join-Path $TestDrive 'kill.journal'
        $log = Join-Path $TestDrive 'first-run.log'
        $command = "Invoke-VodMigration -Bucket media-archive -Prefix kill/ -JournalPath '$journal' -ThrottleLimit 2 -MaxAttempts 10 -SkipPreflight"

        # the first run in a child pwsh, killed (SIGKILL) once a third of the files are registered and before all are
        $child = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$module'
Set-VodContext -Endpoint '$($emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
$command -Verbose *> '$log'
"@
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-Command', $child)
        $script:process = Start-Process $pwsh -ArgumentList $arguments -PassThru
        $script:caught = Wait-Until -Seconds 120 {
            (Test-Path $journal) -and $(try { $r = Get-VodMigration -JournalPath $journal; $r.ListingComplete -and $r.Listed -le $files * 2 / 3 } catch { $false })
        }
        $script:exitedBeforeKill = $process.HasExited
        $process.Kill()   # SIGKILL on Linux and macOS: no finally block, no flush
        $process.WaitForExit()
        $script:atKill = Get-VodMigration -JournalPath $journal
        $script:videosAtKill = (Measure-Inventory (Get-EmulatorStats) kill/).Videos
        $script:tasksAtKill = Read-JournalTask $journal
        $script:firstLog = Get-Content $log -ErrorAction SilentlyContinue

        # the same command again, in this process
        $script:second = Invoke-Captured { Invoke-Expression $command }
        $script:report = Get-VodMigration -JournalPath $journal
        $script:inventory = Measure-Inventory (Get-EmulatorStats) kill/
        $script:registerCalls = Measure-Call $second.Verbose RegisterMedia
        $script:submitCalls = Measure-Call $second.Verbose SubmitTranscodeJobs
        $script:tasksAfter = Read-JournalTask $journal
        $unregistered = $atKill.Listed
        Write-Host "  [figures] kill: files=$files journal-unregistered=$unregistered videos=$videosAtKill transcoding=$($atKill.Transcoding) done=$($atKill.Done); second run: RegisterMedia calls=$registerCalls SubmitTranscodeJobs calls=$submitCalls output=$($second.Output.Count) errors=$($second.Errors.Count)"
    }

    AfterAll {
        if ($process -and -not $process.HasExited) { $process.Kill() }
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'killed the first run while files were still to register' {
        $caught | Should -BeTrue -Because ($firstLog -join "`n")
        $exitedBeforeKill | Should -BeFalse
        $atKill.Listed | Should -BeGreaterThan 0
        $atKill.Done | Should -BeLessThan $files
    }

    It 'lost at most the calls in flight: two RegisterMedia calls of ten files' {
        $journaled = $files - $atKill.Listed - $atKill.Failed
        $videosAtKill - $journaled | Should -BeIn (0..20)
    }

    It 'completed the job on the second run, with no error' {
        $second.Terminating | Should -BeNullOrEmpty
        $second.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $report.Done | Should -Be $files
        $report.Failed | Should -Be 0
        $report.Runs | Should -Be 2
        $second.Output.Count | Should -Be ($files - $atKill.Done)
        $second.Output | ForEach-Object { $_.State | Should -Be 'Done'; $_.Status | Should -Be 'CompleteAllSucc' }
    }

    It 'holds one video per file and one transcode task per video' {
        $inventory.Videos | Should -Be $files
        $inventory.DuplicateKeys | Should -Be 0
        $inventory.Tasks | Should -Be $files
        $inventory.ExtraTasks | Should -Be 0
    }

    It 'sent RegisterMedia only the files the journal had not registered, ten to a call' {
        $unregistered = $atKill.Listed
        $registerCalls | Should -BeGreaterOrEqual ([math]::Ceiling($unregistered / 10))
        # files registered in order, ten to a call; the two calls lost in flight may leave a gap each
        $registerCalls | Should -BeLessOrEqual ([math]::Ceiling($unregistered / 10) + 2)
    }

    It 'waited for the tasks in flight instead of submitting them again' {
        $tasksAtKill.Count | Should -BeGreaterThan 0
        foreach ($key in $tasksAtKill.Keys) { $tasksAfter[$key] | Should -Be $tasksAtKill[$key] }
        # a submission whose answer was lost is sent once more (its SessionId makes that safe): hence the slack
        $submitCalls | Should -BeLessOrEqual (($files - $atKill.Transcoding - $atKill.Done) * 1.2)
    }
}

Describe 'Failures: recorded, reported, retried' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null   # what the migration's pre-flight checks
        Add-TestOssObject -Prefix report/ -Count 8
        Add-TestOssObject -Prefix report/ -Count 2 -Extension txt          # VOD refuses them (FailedFileURLs)
        Add-TestOssObject -Prefix report/empty- -Count 2 -Empty             # zero bytes: the transcode fails
        $script:journal = Join-Path $TestDrive 'report.journal'
        $script:first = Invoke-Captured { Invoke-VodMigration -Bucket media-archive -Prefix report/ -JournalPath $journal }
        $script:report = Get-VodMigration -JournalPath $journal
        $script:failed = @(Get-VodMigration -JournalPath $journal -Failed)
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'emits the finished files and reports each failure once, with a stable ErrorId and the file as target' {
        $first.Terminating | Should -BeNullOrEmpty
        @($first.Output).Count | Should -Be 8
        @($first.Errors).Count | Should -Be 4
        @($first.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'VodRegisterRefused,*' }).TargetObject.Key | Should -Be @('report/0001.txt', 'report/0002.txt')
        $transcode = @($first.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'VodTranscodeFailed,*' })
        $transcode.TargetObject.Key | Sort-Object | Should -Be @('report/empty-0001.mp4', 'report/empty-0002.mp4')   # in the order the transcodes end
        $transcode.TargetObject.ErrorCode | Should -Be @('InvalidVideo.Damaged', 'InvalidVideo.Damaged')
    }

    It 'reports counts by state and the failures grouped by ErrorId with examples' {
        $report.Total | Should -Be 12
        $report.Done | Should -Be 8
        $report.Failed | Should -Be 4
        $report.Remaining | Should -BeNullOrEmpty
        ($report.Stages | Where-Object Stage -eq Register).Files | Should -Be 10
        ($report.Stages | Where-Object Stage -eq Register).Failed | Should -Be 2
        $refused = $report.Failures | Where-Object ErrorId -eq VodRegisterRefused
        $refused.Count | Should -Be 2
        $refused.ErrorCode | Should -Be FailedFileURL
        $refused.Examples -split "`n" | Should -Be @('report/0001.txt', 'report/0002.txt')
        ($report.Failures | Where-Object ErrorId -eq VodTranscodeFailed).ErrorCode | Should -Be 'InvalidVideo.Damaged'
    }

    It '-Failed emits the failed files, which Register-VodMedia takes from the pipeline' {
        $failed.Key | Should -Be @('report/0001.txt', 'report/0002.txt', 'report/empty-0001.mp4', 'report/empty-0002.mp4')
        $failed[0].RequestId | Should -Not -BeNullOrEmpty
        $again = Invoke-Captured { $failed | Register-VodMedia }
        @($again.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'VodRegisterRefused,*' }).Count | Should -Be 2
        @($again.Output.MediaId) | Should -Be @($failed[2..3].MediaId)   # already registered: the same media
    }

    It 'refuses a rerun with other parameters and leaves the journal as it was' {
        { Invoke-VodMigration -Bucket media-archive -Prefix other/ -JournalPath $journal -ErrorAction Stop } |
            Should -Throw -ErrorId 'VodMigrationParametersDiffer,VodTools.Commands.InvokeVodMigrationCommand' -ExpectedMessage "*-Prefix 'report/' (this command: 'other/')*"
        (Get-VodMigration -JournalPath $journal).Runs | Should -Be 1
    }

    It 'writes a self-contained HTML report with the counts, a throughput chart and the failure table' {
        $path = Join-Path $TestDrive 'report.html'
        $file = Get-VodMigration -JournalPath $journal | Export-VodMigrationReport -Path $path -PassThru
        $file.FullName | Should -Be $path
        $html = Get-Content $path -Raw
        $html | Should -Match '<svg[^>]*>[\s\S]*<polyline'
        $html | Should -Match '<b>12</b>Files'
        $html | Should -Match '<b>8</b>Done'
        $html | Should -Match '<code>VodRegisterRefused</code></td><td>Register</td><td class="n">2</td><td><code>FailedFileURL</code></td><td class="k">report/0001\.txt<br>report/0002\.txt'
        $html | Should -Match 'InvalidVideo\.Damaged'
        $html | Should -Not -Match '<script|<link|@import|url\(|\bsrc='
    }

    It 'asks before it writes the report file and replaces one only with -Force; Get-VodMigration -AsHtml still writes it' {
        $path = Join-Path $TestDrive 'again.html'
        Export-VodMigrationReport -JournalPath $journal -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        Export-VodMigrationReport -JournalPath $journal -Path $path | Should -BeNullOrEmpty
        Set-Content $path 'kept'
        { Export-VodMigrationReport -JournalPath $journal -Path $path } | Should -Throw -ErrorId 'VodMigrationReportFileExists,VodTools.Commands.ExportVodMigrationReportCommand'
        Get-Content $path -Raw | Should -BeLike 'kept*'
        Export-VodMigrationReport -JournalPath $journal -LiteralPath $path -Force
        Get-Content $path -Raw | Should -Match '<b>8</b>Done'
        $old = Join-Path $TestDrive 'old.html'
        (Get-VodMigration -JournalPath $journal -AsHtml $old).Done | Should -Be 8   # the deprecated spelling keeps working
        Get-Content $old -Raw | Should -Match '<b>8</b>Done'
    }

    It 'retries only the failed files piped back in, from the stage that failed' {
        Add-TestOssObject -Prefix report/empty- -Count 2                    # the sources mended
        $retry = Invoke-Captured { Get-VodMigration -JournalPath $journal -Failed | Where-Object ErrorId -eq VodTranscodeFailed | Invoke-VodMigration }
        $retry.Errors | ForEach-Object { $_.ToString() } | Should -BeNullOrEmpty
        $retry.Output.Key | Should -Be @('report/empty-0001.mp4', 'report/empty-0002.mp4')
        $retry.Output.MediaId | Should -Be @($failed[2..3].MediaId)
        $retry.Output.TaskId | Should -Not -BeIn @($failed[2..3].TaskId)
        $after = Get-VodMigration -JournalPath $journal
        $after.Done | Should -Be 10
        $after.Failed | Should -Be 2
        (Get-VodMigration -JournalPath $journal -Failed).Key | Should -Be @('report/0001.txt', 'report/0002.txt')
    }

    It 'names a missing journal' {
        $missing = Join-Path $TestDrive 'none.journal'
        { Get-VodMigration -JournalPath $missing -ErrorAction Stop } | Should -Throw -ErrorId 'VodMigrationJournalNotFound,VodTools.Commands.GetVodMigrationCommand'
        Test-Path $missing | Should -BeFalse
    }
}
