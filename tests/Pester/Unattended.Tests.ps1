# Unattended runs, the way a scheduler runs them: the runbook of Invoke-VodMigration's help (Example 5), run as
# `pwsh -NonInteractive -File migrate.ps1` in child processes that import the module by name, against an emulator that
# refuses what the cloud refuses (not -Lenient). Each case asserts the exit code, the runbook's output and the
# emulator's own inventory (/_emulator/stats): set-up mistakes stop a run before its first write, two overlapping runs,
# a killed holder, snapshots reconciled, new files brought in, a time-boxed run, the failures a rerun takes up.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:moduleFolder = Split-Path (Split-Path (Get-Module VodTools).Path)

    # The runbook is the help's own, so what is documented is what is tested.
    $help = Get-Content -Raw (Join-Path $PSScriptRoot '../../docs/en-US/Invoke-VodMigration.md')
    $script:runbook = Join-Path $TestDrive 'migrate.ps1'
    Set-Content $runbook ([regex]::Match($help, '(?ms)^### Example 5: The recommended runbook[^\n]*\n```powershell\n(.*?)^```').Groups[1].Value)

    $script:pwsh = (Get-Process -Id $PID).Path
    $script:pwshFirst = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })

    # Starts `pwsh -NonInteractive -File $Script @Arguments` with the account's key in its environment (as a scheduler
    # would give it) and the module findable by name; Wait-Child collects its exit code and output.
    function Start-Child([string[]] $Arguments, [string] $Script = $runbook, [hashtable] $Environment = @{}) {
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        foreach ($a in $pwshFirst + @('-NoProfile', '-NonInteractive', '-File', $Script) + $Arguments) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['PSModulePath'] = $moduleFolder + [System.IO.Path]::PathSeparator + $env:PSModulePath
        $start.Environment['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'VODEMULATORKEYID'
        $start.Environment['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = 'VodEmulatorSecretKey'
        $start.Environment['ALIBABA_CLOUD_REGION_ID'] = 'cn-shanghai'
        $start.Environment['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true'
        foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
        $process = [System.Diagnostics.Process]::Start($start)
        [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
    }

    function Wait-Child($Child) {
        if (-not $Child.Process.WaitForExit(120000)) { $Child.Process.Kill(); throw 'the child ran for two minutes' }
        $out = $Child.Out.GetAwaiter().GetResult()
        $lines = @($out -split "`r?`n" | Where-Object { $_ })
        $json = $lines | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $Child.Process.ExitCode
            Output   = $out
            Text     = $out + $Child.Err.GetAwaiter().GetResult()
            Failed   = $lines | Where-Object { $_.StartsWith('FAILED ') } | Select-Object -First 1
            Report   = if ($json) { $json | ConvertFrom-Json }
            ProcessId = $Child.Process.Id
        }
    }

    function Invoke-Runbook([string[]] $Arguments) { Wait-Child (Start-Child ($Arguments + @('-Endpoint', $emulator.Url))) }

    # Per media under a prefix: the emulator's videos, manual transcode tasks and snapshot jobs.
    function Measure-Media([string] $Prefix) {
        $stats = Get-EmulatorStats
        $videos = @($stats.videos | Where-Object { $_.key.StartsWith($Prefix) })
        $ids = [System.Collections.Generic.HashSet[string]]::new([string[]]@($videos.videoId))
        $manual = @($stats.transcodeTasks | Where-Object { $ids.Contains($_.videoId) -and $_.trigger -eq 'Manual' })
        $snapshots = @($stats.snapshotJobs | Where-Object { $ids.Contains($_.videoId) })
        [pscustomobject]@{
            Videos            = $videos.Count
            ManualTasks       = $manual.Count
            MostTasksOfOne    = ($manual | Group-Object videoId | Measure-Object Count -Maximum).Maximum
            Snapshots         = $snapshots.Count
            MostSnapshotsOfOne = ($snapshots | Group-Object videoId | Measure-Object Count -Maximum).Maximum
        }
    }

    # Reads a journal with the SQLite provider the module ships (loaded by its first journal command); throws while the
    # journal is not there yet.
    # Every media under the prefix once, with one manual transcode task (and with -Snapshot one snapshot job): nothing made twice.
    function Assert-OnePerMedia([string] $Prefix, [int] $Count, [switch] $Snapshot) {
        $media = Measure-Media $Prefix
        $media.Videos | Should -Be $Count
        $media.ManualTasks | Should -Be $Count
        $media.MostTasksOfOne | Should -Be 1
        if ($Snapshot) {
            $media.Snapshots | Should -Be $Count
            $media.MostSnapshotsOfOne | Should -Be 1
        }
    }

    $script:noGroup = 'ffffffffffffffffffffffffffffffff'

    function New-TestGroup { (New-VodTranscodeTemplateGroup -Name web -TemplateList @{ TemplateName = 'sd'; Definition = 'SD'; Container = @{ Format = 'mp4' } }).TemplateGroupId }

    # The account as VOD's guide sets it up (tools/Demo.ps1 does the same): the transcoding role, the storage, a default group.
    function Initialize-TestAccount {
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        Add-VodStorage -Bucket media-archive | Out-Null
        $group = New-TestGroup
        Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $group
        $group
    }
}

Describe 'Set-up mistakes stop a run before its first write' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Strict -TranscodeSeconds 0.5
        Add-TestOssObject -Prefix setup/ -Count 12
        $script:group = New-TestGroup
        $script:journal = Join-Path $TestDrive 'setup.journal'
        $script:common = @('-Prefix', 'setup/', '-JournalPath', $journal, '-TemplateGroupId', $group)
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'a failed pre-flight check, <Case>: exit 1, <Id>, nothing registered' -ForEach @(
        @{ Case = 'a bucket that does not exist'; Settings = @{ Bucket = 'no-such-bucket' }; Id = 'VodPreflightBucketAccessFailed'
            Says = 'OSS has no bucket named no-such-bucket*'; Remedy = 'Check the name*' }
        @{ Case = 'the transcoding role not set up'; Settings = @{}; Id = 'VodPreflightServiceRoleFailed'
            Says = '*vod-pass-mps does not exist*'; Remedy = 'Initialize-VodBucketAccess -Bucket media-archive creates it*' }
        @{ Case = 'an unknown template group'; Settings = @{ TemplateGroupId = 'ffffffffffffffffffffffffffffffff' }; Id = 'VodPreflightTemplateGroupFailed'
            Says = '*VOD has no template group ffffffffffffffffffffffffffffffff*'; Remedy = 'Get-VodTranscodeTemplateGroup lists the groups*'; RoleSetUp = $true }
    ) {
        if ($RoleSetUp) { Initialize-VodBucketAccess -Bucket media-archive | Out-Null }
        $arguments = @{ Prefix = 'setup/'; JournalPath = $journal; TemplateGroupId = $group }
        foreach ($name in $Settings.Keys) { $arguments[$name] = $Settings[$name] }
        $run = Invoke-Runbook @($arguments.Keys | ForEach-Object { "-$_"; $arguments[$_] })
        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Failed | Should -BeLike "FAILED ${Id}: Nothing was done: $Says"
        $run.Output | Should -BeLike "*What to do: $Remedy"
        (Measure-Media setup/).Videos | Should -Be 0
    }

    It 'the bucket not added as storage: ten refusals alike stop the run, exit 1, the files left pending, the remedy named' {
        $run = Invoke-Runbook $common
        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Failed | Should -BeLike 'FAILED VodMigrationCircuitBroken: Stopped: 10 files in a row failed alike at the Register stage (VodRegisterRefused, FailedFileURL)*'
        $run.Output | Should -BeLike '*What to do: *Add-VodStorage -Bucket media-archive*'
        $report = Get-VodMigration -JournalPath $journal
        $report.Failed | Should -Be 0
        $report.Listed | Should -Be 12
        $report.State | Should -Be Pending
        $report.LastRun.Outcome | Should -Be CircuitBroken
        (Measure-Media setup/).Videos | Should -Be 0
    }

    It 'the same journal, once the storage is added, runs to the end: exit 0' {
        Add-VodStorage -Bucket media-archive | Out-Null
        $run = Invoke-Runbook $common
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Report.State | Should -Be Complete
        $run.Report.Done | Should -Be 12
        Assert-OnePerMedia setup/ 12
    }

    It 'a mistyped group in a journal can be corrected for the files not yet submitted' {
        # what a journal of an earlier version, or a group deleted since, leaves: files registered whose transcodes all failed
        Add-TestOssObject -Prefix typo/ -Count 12
        $typo = Join-Path $TestDrive 'typo.journal'
        $first = Invoke-Captured { Invoke-VodMigration -Bucket media-archive -Prefix typo/ -Include *.mp4 -TemplateGroupId $noGroup -JournalPath $typo -SkipPreflight }
        $first.Terminating.FullyQualifiedErrorId | Should -BeLike 'VodMigrationCircuitBroken,*'
        (Get-VodMigration -JournalPath $typo).Registered | Should -Be 12   # pending, not failed
        $run = Invoke-Runbook @('-Prefix', 'typo/', '-JournalPath', $typo, '-TemplateGroupId', $group)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Text | Should -BeLike "*From now on the files are transcoded with the template group $group (the journal had $noGroup)*"
        $run.Report.TemplateGroupId | Should -Be $group
        $taskIds = @(Invoke-TestJournalSql $typo 'SELECT task_id FROM files' | ForEach-Object { $_[0] })
        @(Get-VodTranscodeTask -TaskId $taskIds).TemplateGroupId | Sort-Object -Unique | Should -Be $group
        Assert-OnePerMedia typo/ 12
    }
}

Describe 'Scheduled runs of a set-up account' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Strict -TranscodeSeconds 1.5
        $script:group = Initialize-TestAccount
        Add-TestOssObject -Prefix sched/ -Count 12
        $script:journal = Join-Path $TestDrive 'sched.journal'
        $script:common = @('-Prefix', 'sched/', '-JournalPath', $journal, '-Snapshot')
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'two overlapping runs with -Snapshot: one works, the other is refused naming it; one snapshot job and one manual task per media' {
        $children = 1..2 | ForEach-Object { Start-Child ($common + @('-Endpoint', $emulator.Url)) }
        $runs = $children | ForEach-Object { Wait-Child $_ }
        $winner = $runs | Where-Object ExitCode -eq 0
        $loser = $runs | Where-Object ExitCode -eq 1
        @($winner).Count | Should -Be 1 -Because ($runs.Output -join "`n")
        @($loser).Count | Should -Be 1
        $loser.Failed | Should -BeLike "FAILED VodMigrationJournalInUse: The journal '$journal' is in use by the run of process $($winner.ProcessId) on $([Environment]::MachineName), started 20*"
        $winner.Report.Done | Should -Be 12
        Assert-OnePerMedia sched/ 12 -Snapshot
    }

    It 'a second journal over the same bucket takes each media''s snapshot and task instead of making new ones' {
        $run = Invoke-Runbook @('-Prefix', 'sched/', '-JournalPath', (Join-Path $TestDrive 'second.journal'), '-Snapshot')
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Report.Done | Should -Be 12
        Assert-OnePerMedia sched/ 12 -Snapshot
    }

    It 'files whose snapshot answer was lost are taken up by a plain rerun, which finds their jobs instead of submitting' {
        Invoke-TestJournalSql $journal "UPDATE files SET state = 5, failed_stage = 4, error_id = 'VodSnapshotOutcomeUnknown', error_code = 'Timeout', retryable = 1 WHERE id <= 5"
        (Get-VodMigration -JournalPath $journal).FailedRetryable | Should -Be 5
        $run = Invoke-Runbook $common
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Report.Done | Should -Be 12
        Assert-OnePerMedia sched/ 12 -Snapshot
    }

    It 'five files added after a finished run, in the middle of the keys, are registered by the next run' {
        Add-TestOssObject -Prefix sched/0005- -Count 5
        $run = Invoke-Runbook $common
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Report.LastRun.NewFiles | Should -Be 5
        $run.Report.Done | Should -Be 17
        Assert-OnePerMedia sched/ 17 -Snapshot
    }

    It 'a file that fails for its content is not retried by a plain rerun: exit 3, with the report for monitoring' {
        Add-TestOssObject -Prefix sched/zz-damaged- -Count 1 -Empty
        $first = Invoke-Runbook $common
        $first.ExitCode | Should -Be 3 -Because $first.Output
        $again = Invoke-Runbook $common
        $again.ExitCode | Should -Be 3
        $report = $again.Report
        $report.State | Should -Be Failed
        $report.Failures[0].ErrorId | Should -Be VodTranscodeFailed
        $report.Failures[0].ErrorCode | Should -Be InvalidVideo.Damaged
        $report.Failures[0].Retryable | Should -BeFalse
        $report.Failures[0].Examples | Should -Be 'sched/zz-damaged-0001.mp4'
        $report.Include | Should -Be '*.mp4'
        (Measure-Media sched/zz-).ManualTasks | Should -Be 1
    }

    It 'converts to JSON at the default depth without a warning, states and stages as words, durations in seconds' {
        foreach ($item in @(Get-VodMigration -JournalPath $journal) + @(Get-VodMigration -JournalPath $journal -Failed)) {
            $json = $item | ConvertTo-Json -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings | Should -BeNullOrEmpty
            $json | Should -Not -Match '"(State|FailedStage|Stage|Outcome)": \d'
            $json | Should -Not -Match '"Ticks"'
        }
        $report = Get-VodMigration -JournalPath $journal | ConvertTo-Json | ConvertFrom-Json
        $report.State | Should -Be Failed
        $report.ElapsedSeconds | Should -BeGreaterThan 0
        $report.Stages[0].Stage | Should -Be Register
        $report.Source | Should -Be 'oss://media-archive/sched/'
        (Get-VodMigration -JournalPath $journal -Failed | ConvertTo-Json | ConvertFrom-Json).FailedStage | Should -Be Wait
    }

    It 'shows in the default views of the migration''s objects only what the objects have (a name a script can read)' {
        $format = [xml](Get-Content -Raw (Join-Path (Split-Path (Get-Module VodTools).Path) 'VodTools.Format.ps1xml'))
        foreach ($view in $format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -in 'VodTools.Model.MigrationFile', 'VodTools.Model.MigrationReport', 'VodTools.Model.SnapshotJob', 'VodTools.Model.VodSnapshot' }) {
            $properties = ([type]$view.ViewSelectedBy.TypeName).GetProperties().Name
            $shown = if ($view.TableControl) { $view.TableControl.TableHeaders.TableColumnHeader.Label } else { $view.ListControl.ListEntries.ListEntry.ListItems.ListItem | ForEach-Object { if ($_.Label) { $_.Label } else { $_.PropertyName } } }
            $shown | Where-Object { $_ -notin $properties } | Should -BeNullOrEmpty -Because $view.Name
        }
        $report = Get-VodMigration -JournalPath $journal
        $text = $report | Format-List | Out-String -Width 120
        $text | Should -Match 'Include\s+: \*\.mp4'
        $text | Should -Match 'State\s+: Failed'
        $text | Should -Match "LastRun\s+: $([regex]::Escape($report.LastRun.Started.ToString('g'))), \d+ s, Finished: 0 new files" -Because 'a run starts at a local short date and time'
    }

    It '-MaxDuration ends a run in time: exit 2, the journal committed; the next run finishes' {
        Add-TestOssObject -Prefix slow/ -Count 12
        $slow = @('-Prefix', 'slow/', '-JournalPath', (Join-Path $TestDrive 'slow.journal'))
        $first = Invoke-Runbook ($slow + @('-MaxDuration', '00:00:01'))
        $first.ExitCode | Should -Be 2 -Because $first.Output
        $first.Text | Should -BeLike '*Stopped after -MaxDuration 00:00:01: the journal has every file; run the same command again to go on.*'
        $first.Report.LastRun.Outcome | Should -Be TimeLimit
        $first.Report.State | Should -Be Pending
        $first.Report.Done | Should -BeLessThan 12
        $again = Invoke-Runbook $slow
        $again.ExitCode | Should -Be 0 -Because $again.Output
        $again.Report.Done | Should -Be 12
        Assert-OnePerMedia slow/ 12
    }

    It 'Get-VodSnapshot -Job lists every snapshot job of a media, so one taken twice shows' {
        $ids = @((Get-EmulatorStats).videos | Where-Object { $_.key -like 'sched/00*' } | Select-Object -First 2).videoId
        $jobs = @(Get-VodSnapshot -MediaId $ids -Job)
        $jobs.Count | Should -Be 2
        $jobs.Status | Should -Be @('Success', 'Success')
        Start-VodSnapshot -MediaId $ids[0] | Out-Null   # Start-VodSnapshot always makes a new job
        $again = @(Get-VodSnapshot -MediaId $ids[0] -Job)
        $again.Count | Should -Be 2
        $again[1].Status | Should -BeIn 'Processing', 'Success'
        $again[0].CreationTime | Should -BeLessOrEqual $again[1].CreationTime
    }

    It 'an outage stops the run after ten calls failing alike, the files left pending; the next run finishes' {
        Add-TestOssObject -Prefix outage/ -Count 12
        $outage = @('-Prefix', 'outage/', '-JournalPath', (Join-Path $TestDrive 'outage.journal'))
        $rule = Set-VodEmulatorFault -Rule '503:1@SubmitTranscodeJobs'
        try { $first = Invoke-Runbook $outage }
        finally { Clear-VodEmulatorFault -Id $rule.Id }
        $first.ExitCode | Should -Be 1 -Because $first.Output
        $first.Failed | Should -BeLike 'FAILED VodMigrationCircuitBroken: Stopped: 10 files in a row failed alike at the Transcode stage (VodTranscodeNotSubmitted, ServiceUnavailable)*'
        $first.Output | Should -BeLike '*What to do: The service failed this way for every file: run again later*'
        $report = Get-VodMigration -JournalPath (Join-Path $TestDrive 'outage.journal')
        $report.Failed | Should -Be 0
        $report.Registered | Should -Be 12
        $again = Invoke-Runbook $outage
        $again.ExitCode | Should -Be 0 -Because $again.Output
        Assert-OnePerMedia outage/ 12
    }
}

Describe 'The connection of a runbook, refused in words' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Strict
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It '<Case>: exit 1, <Id>' -ForEach @(
        @{ Case = 'a wrong secret'; Id = 'AuthenticationFailed'; Environment = @{ ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'NotTheSecret' } }
        @{ Case = 'an unknown key id'; Id = 'AuthenticationFailed'; Environment = @{ ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAINOSUCHKEY0000' } }
        @{ Case = 'a key id with a non-ASCII letter'; Id = 'CredentialsMalformed'; Environment = @{ ALIBABA_CLOUD_ACCESS_KEY_ID = 'VÖDEMULATORKEYID' } }
        @{ Case = 'a secret ending in a carriage return'; Id = 'CredentialsMalformed'; Environment = @{ ALIBABA_CLOUD_ACCESS_KEY_SECRET = "VodEmulatorSecretKey`r" } }
        @{ Case = 'an endpoint nobody answers'; Id = 'EndpointUnreachable'; Endpoint = 'http://127.0.0.1:9' }
    ) {
        $journal = Join-Path $TestDrive "$([guid]::NewGuid()).journal"
        $endpoint = if ($Endpoint) { $Endpoint } else { $emulator.Url }
        $run = Wait-Child (Start-Child @('-JournalPath', $journal, '-TemplateGroupId', $noGroup, '-Endpoint', $endpoint) -Environment $(if ($Environment) { $Environment } else { @{} }))
        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Failed | Should -BeLike "FAILED ${Id}: *"
        $run.Output | Should -Not -Match 'VodEmulatorSecretKey|NotTheSecret'
    }

    It 'an endpoint without a scheme: exit 1, named in words' {
        $authority = ([uri]$emulator.Url).Authority
        $run = Wait-Child (Start-Child @('-JournalPath', (Join-Path $TestDrive 'scheme.journal'), '-Endpoint', $authority))
        $run.ExitCode | Should -Be 1
        ($run.Text -replace '\s*\n\s*\|\s*', ' ') | Should -BeLike "*'$authority' does not start with http:// or https://, so it names no protocol*"
    }
}

Describe 'One run per journal, and what a killed run loses' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample -Strict -TranscodeSeconds 1
        $script:group = Initialize-TestAccount

        # A run in a child pwsh, its command given whole (the runbook's parameters do not reach -ThrottleLimit).
        function Start-Job([string] $Command) {
            $script = Join-Path $TestDrive "$([guid]::NewGuid()).ps1"
            Set-Content $script "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`nImport-Module VodTools`nSet-VodContext -Endpoint '$($emulator.Url)'`n$Command"
            Start-Child @() -Script $script
        }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'refuses a second run at once naming the holder, in another process and another runspace; a holder killed with SIGKILL frees the journal for the run waiting with -Wait' {
        Add-TestOssObject -Prefix hold/ -Count 20
        $journal = Join-Path $TestDrive 'hold.journal'
        $rule = Set-VodEmulatorFault -Rule 'delay:1:3000@SubmitTranscodeJobs'   # so the holder holds for a while
        try {
            $holder = Start-Job "Invoke-VodMigration -Bucket media-archive -Prefix hold/ -JournalPath '$journal' -ThrottleLimit 1"
            Wait-Until { (Test-Path "$journal.run") -and (Get-Content "$journal.run")[1] -eq "$($holder.Process.Id)" } | Should -BeTrue

            $second = Invoke-Runbook @('-Prefix', 'hold/', '-JournalPath', $journal)
            $second.ExitCode | Should -Be 1
            $second.Failed | Should -BeLike "FAILED VodMigrationJournalInUse: The journal '$journal' is in use by the run of process $($holder.Process.Id) on $([Environment]::MachineName), started *"

            $waiting = Start-ThreadJob -ArgumentList (Get-Module VodTools).Path, $emulator.Url, $journal {
                param($module, $url, $journal)
                Import-Module $module
                Invoke-VodMigration -Bucket media-archive -Prefix hold/ -JournalPath $journal -Wait -MaxDuration 00:02:00 -Endpoint $url -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Verbose
            }
            Wait-Until { $waiting.Verbose.Message -like 'Waiting for the run of process*' } | Should -BeTrue -Because ($waiting.Error | Out-String)
            $holder.Process.Kill()   # SIGKILL on Linux and macOS: no finally block, no clean-up
            $holder.Process.WaitForExit()
            Wait-Until { (Get-Content "$journal.run")[1] -eq "$PID" } | Should -BeTrue   # the waiting runspace took the journal

            { Invoke-VodMigration -Bucket media-archive -Prefix hold/ -JournalPath $journal -ErrorAction Stop } |
                Should -Throw -ErrorId 'VodMigrationJournalInUse,*' -ExpectedMessage "*in use by the run of process $PID on*"
        }
        finally { Clear-VodEmulatorFault -Id $rule.Id }
        $done = @($waiting | Wait-Job -Timeout 120 | Receive-Job)
        $waiting.State | Should -Be Completed -Because ($waiting.Error | Out-String)
        $report = Get-VodMigration -JournalPath $journal
        $report.Done | Should -Be 20
        $report.Runs | Should -Be 2
        Assert-OnePerMedia hold/ 20
    }

    It 'a run killed with SIGKILL had sent, uncommitted, at most the calls in flight; the rerun makes nothing twice' {
        Add-TestOssObject -Prefix kill/ -Count 24
        $journal = Join-Path $TestDrive 'kill.journal'
        $rule = Set-VodEmulatorFault -Rule 'delay:1:400@SubmitTranscodeJobs'   # each submission waits, then acts
        try {
            $child = Start-Job "Invoke-VodMigration -Bucket media-archive -Prefix kill/ -JournalPath '$journal' -ThrottleLimit 2"
            Wait-Until { try { @(Invoke-TestJournalSql $journal 'SELECT COUNT(*) FROM files WHERE task_id IS NOT NULL')[0][0] -ge 6 } catch { $false } } | Should -BeTrue
            $child.Process.Kill()
            $child.Process.WaitForExit()
        }
        finally { Clear-VodEmulatorFault -Id $rule.Id }
        $journaled = @(Invoke-TestJournalSql $journal 'SELECT task_id FROM files WHERE task_id IS NOT NULL' | ForEach-Object { $_[0] })
        $acted = @((Get-EmulatorStats).transcodeTasks | Where-Object trigger -eq Manual | Where-Object { (Get-EmulatorStats).videos.Where({ $_.key -like 'kill/*' }).videoId -contains $_.videoId })
        $uncommitted = @($acted | Where-Object { $journaled -notcontains $_.taskId }).Count
        $uncommitted | Should -BeLessOrEqual 2 -Because 'two submissions were in flight at most (-ThrottleLimit 2)'
        $journaled.Count | Should -BeLessThan 24

        $rerun = Invoke-Captured { Invoke-VodMigration -Bucket media-archive -Prefix kill/ -JournalPath $journal }
        $rerun.Terminating | Should -BeNullOrEmpty
        (Get-VodMigration -JournalPath $journal).Done | Should -Be 24
        Assert-OnePerMedia kill/ 24
    }

    It 'an interrupted listing resumed without -Include keeps the journal''s -Include (it added the files the first run excluded)' {
        Add-TestOssObject -Prefix inc/a- -Count 990
        Add-TestOssObject -Prefix inc/z- -Count 20 -Extension txt   # ten on the listing's first page, ten on the second
        $journal = Join-Path $TestDrive 'include.journal'
        $rule = Set-VodEmulatorFault -Rule 'delay:1:2500@ListObjectsV2'
        try {
            $child = Start-Job "Invoke-VodMigration -Bucket media-archive -Prefix inc/ -Include *.mp4 -JournalPath '$journal'"
            Wait-Until -Seconds 90 { try { @(Invoke-TestJournalSql $journal "SELECT COUNT(*) FROM job WHERE name = 'listingToken' AND value <> ''")[0][0] -eq 1 } catch { $false } } |
                Should -BeTrue -Because "the run lists its first page (it printed: $(if ($child.Process.HasExited) { $child.Out.Result + $child.Err.Result }))"
            $child.Process.Kill()
            $child.Process.WaitForExit()
        }
        finally { Clear-VodEmulatorFault -Id $rule.Id }
        (Get-VodMigration -JournalPath $journal).ListingComplete | Should -BeFalse

        $rerun = Invoke-Captured { Invoke-VodMigration -Bucket media-archive -Prefix inc/ -JournalPath $journal }
        $rerun.Terminating | Should -BeNullOrEmpty
        $report = Get-VodMigration -JournalPath $journal
        $report.Include | Should -Be '*.mp4'
        $report.Total | Should -Be 990
        @(Invoke-TestJournalSql $journal "SELECT COUNT(*) FROM files WHERE key LIKE '%.txt'")[0][0] | Should -Be 0
    }
}
