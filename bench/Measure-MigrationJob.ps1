<#
.SYNOPSIS
    Issue 15: Invoke-VodMigration at the per-action quota against its quota-bound ideal, the cost of resuming, the
    memory of resuming a 1,000,000-file journal, and the SIGKILL test with more files.
.DESCRIPTION
    Seeds -Count files straight into a fresh emulator data folder (bench tool `seed`), starts the emulator with
    --quota real, then in one run:
      A. Invoke-VodMigration over the -Count files, timed against the ideal: every file needs one
         SubmitTranscodeJobs call (30/s), which bounds the job (RegisterMedia, 50/s of 10 files, and GetTranscodeTask,
         15/s of 10 jobs, go faster and overlap), plus one transcode and the first look at it:
         ideal = Count / 30 + TranscodeSeconds + 1 s.
      B. The same command again over the finished journal: calls and seconds to skip every file.
      C. A copy of the journal with the last 1,000 files put back to Listed (9,000 done): calls and seconds.
      D. That copy grown to -JournalFiles rows (synthetic done rows), resumed in a fresh pwsh: its peak working set.
      E. tests/Pester/Migration.Tests.ps1's SIGKILL test with -KillFiles files.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Count = 10000,
    [int] $JournalFiles = 1000000,
    [int] $KillFiles = 2000,
    [int] $ThrottleLimit = 16,
    [double] $TranscodeSeconds = 1
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force
$ModulePath = (Get-Module VodTools).Path -replace '\.dll$', '.psd1'

function Measure-Calls([object[]] $Verbose) {
    $calls = @($Verbose | Where-Object { "$_" -match '^VOD (\w+) attempt 1/' } | ForEach-Object { ([regex]::Match("$_", '^VOD (\w+)')).Groups[1].Value })
    ($calls | Group-Object | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '
}

function Invoke-Sql([string] $Journal, [string] $Sql) {
    # the module's SQLite is private to it (its own AssemblyLoadContext, not resolvable by name in a script): take it from there
    $sqlite = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-VodMigration).ImplementingType.Assembly).LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
    $connection = $sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection', $true)::new("Data Source=$Journal;Pooling=False")
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $command.ExecuteNonQuery() | Out-Null
    }
    finally { $connection.Dispose() }
}

$bucket = 'bench-media'
$dir = New-BenchDataDir 'migration-job'
Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Count --prefix 'job/' | Out-Host
$emulator = Start-VodEmulator -DataPath $dir -Quota real -TranscodeSeconds $TranscodeSeconds -Lenient
Initialize-VodBucketAccess -Bucket $bucket | Out-Null   # what the migration's pre-flight checks
$journal = Join-Path $dir 'job.journal'
try {
    $load = Get-LoadAverage
    $group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Select-Object -First 1).TemplateGroupId
    $templates = @((Get-VodTranscodeTemplateGroup -TemplateGroupId $group).Templates).Count

    # A. the whole job
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $verbose = [System.Collections.Generic.List[object]]::new()
    $done = 0
    Invoke-VodMigration -Bucket $bucket -Prefix 'job/' -TemplateGroupId $group -JournalPath $journal -ThrottleLimit $ThrottleLimit -Verbose -ErrorVariable jobErrors -ErrorAction SilentlyContinue 4>&1 |
        ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose.Add($_.Message) } else { $done++ } }
    $jobSeconds = $watch.Elapsed.TotalSeconds
    $ideal = $Count / 30 + $TranscodeSeconds + 1
    $report = Get-VodMigration -JournalPath $journal

    # B. the same command again: every file done
    $watch.Restart()
    $again = Invoke-VodMigration -Bucket $bucket -Prefix 'job/' -JournalPath $journal -Verbose 4>&1
    $skipAllSeconds = $watch.Elapsed.TotalSeconds
    $skipAllCalls = Measure-Calls @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

    # C. 9,000 done, 1,000 put back to Listed (their media exist: VOD answers with them, and their tasks are found)
    $resumeJournal = Join-Path $dir 'resume.journal'
    Copy-Item $journal $resumeJournal
    $back = [math]::Min(1000, $Count)
    Invoke-Sql $resumeJournal "UPDATE files SET state = 0, media_id = NULL, new_register = 0, task_id = NULL, job_ids = NULL, status = NULL, registered = NULL, submitted = NULL, transcoded = NULL, finished = NULL WHERE id > (SELECT MAX(id) FROM files) - $back"
    $copy = Join-Path $dir 'resume-large.journal'
    Copy-Item $resumeJournal $copy
    $watch.Restart()
    $resumed = Invoke-VodMigration -Bucket $bucket -Prefix 'job/' -JournalPath $resumeJournal -Verbose 4>&1
    $resumeSeconds = $watch.Elapsed.TotalSeconds
    $resumeCalls = Measure-Calls @($resumed | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
    $resumedFiles = @($resumed | Where-Object { $_ -is [VodTools.Model.MigrationFile] }).Count

    # D. the same resume over a journal of -JournalFiles rows, in a fresh pwsh: peak working set
    $synthetic = $JournalFiles - $Count
    if ($synthetic -gt 0) {
        Invoke-Sql $copy @"
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $synthetic)
INSERT INTO files (key, size, state, media_id, task_id, status, listed, registered, submitted, transcoded, finished, updated)
SELECT printf('job/synthetic/%08d.mp4', i), 1, 4, printf('m%031d', i), printf('t%031d', i), 'CompleteAllSucc',
       (SELECT MIN(listed) FROM files), 0, 0, 0, 0, 0 FROM n
"@
    }
    $child = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
Set-VodContext -Endpoint '$($emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
`$self = [System.Diagnostics.Process]::GetCurrentProcess()
`$before = `$self.WorkingSet64
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
`$files = @(Invoke-VodMigration -Bucket $bucket -Prefix 'job/' -JournalPath '$copy').Count
`$seconds = `$watch.Elapsed.TotalSeconds
`$self.Refresh()
[pscustomobject]@{ Files = `$files; Seconds = `$seconds; BeforeMB = [math]::Round(`$before / 1MB); PeakMB = [math]::Round(`$self.PeakWorkingSet64 / 1MB) } | ConvertTo-Json -Compress
"@
    $pwsh = (Get-Process -Id $PID).Path
    $pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })
    $large = (& $pwsh @pwshArgs -NoProfile -NonInteractive -Command $child | Select-Object -Last 1) | ConvertFrom-Json
    $journalMB = [math]::Round((Get-Item $copy).Length / 1MB)
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}

# E. the SIGKILL test with more files, as the suite runs it with 300
$kill = $null
if ($KillFiles -gt 0) {
    $pester = Get-ChildItem (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages/pester') -Directory | Sort-Object Name | Select-Object -Last 1
    Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1')
    $env:VODTOOLS_MODULE = $ModulePath
    $config = New-PesterConfiguration
    $config.Run.Container = New-PesterContainer -Path (Join-Path $PSScriptRoot '../tests/Pester/Migration.Tests.ps1') -Data @{ Files = $KillFiles }
    $config.Filter.FullName = 'A migration killed*'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Normal'
    $kill = & { Set-StrictMode -Off; Invoke-Pester -Configuration $config }
}
Remove-Item $dir -Recurse -Force -ErrorAction Ignore

[pscustomobject]@{
    Scenario             = 'MigrationJob'
    LoadAverageAtStart   = $load
    Files                = $Count
    ThrottleLimit        = $ThrottleLimit
    TemplatesInGroup     = $templates
    Done                 = $report.Done
    Failed               = $report.Failed
    Errors               = @($jobErrors).Count
    JobSeconds           = [math]::Round($jobSeconds, 1)
    IdealSeconds         = [math]::Round($ideal, 1)
    OverIdeal            = '{0:P1}' -f ($jobSeconds / $ideal - 1)
    JobCalls             = Measure-Calls $verbose
    StageRates           = ($report.Stages | ForEach-Object { "$($_.Stage)=$($_.FilesPerSecond)/s" }) -join ' '
    SkipAllSeconds       = [math]::Round($skipAllSeconds, 2)
    SkipAllCalls         = if ($skipAllCalls) { $skipAllCalls } else { 'none' }
    Resume9000Seconds    = [math]::Round($resumeSeconds, 1)
    Resume9000Files      = $resumedFiles
    Resume9000Calls      = $resumeCalls
    LargeJournalRows     = $JournalFiles
    LargeJournalMB       = $journalMB
    LargeResumeFiles     = $large.Files
    LargeResumeSeconds   = [math]::Round($large.Seconds, 1)
    LargeWorkingSetMB    = "$($large.BeforeMB) after import, peak $($large.PeakMB)"
    KillTest             = if ($kill) { "$KillFiles files: $($kill.PassedCount) passed, $($kill.FailedCount) failed" } else { 'not run' }
    Targets              = 'within 5 % of the ideal; resume skips done files without calls; peak <= 500 MB'
}
