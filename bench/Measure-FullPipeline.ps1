<#
.SYNOPSIS
    Scenario 1, extended to the design's whole pipeline: Get-OssObject | Register-VodMedia | Start-VodTranscode |
    Wait-VodTranscode, with transcodes that take -TranscodeSeconds, under --quota real (each action its own quota).
    Reports the seconds against the quota-bound ideal (Count / 30 SubmitTranscodeJobs a second + one transcode), the
    polls (GetTranscodeTask and GetTranscodeSummary calls, 15/s each) per task, and the throttling errors surfaced.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Count = 600,
    [double] $TranscodeSeconds = 10
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$dir = New-BenchDataDir 'pipeline'
Invoke-BenchTool seed --data-dir $dir --bucket bench-media --count $Count --prefix 'full/' | Out-Host
$emulator = Start-VodEmulator -DataPath $dir -Quota real -TranscodeSeconds $TranscodeSeconds -Lenient
try {
    $group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Select-Object -First 1).TemplateGroupId
    $load = Get-LoadAverage
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = Get-OssObject -Bucket bench-media -Prefix 'full/' | Register-VodMedia | Start-VodTranscode -TemplateGroupId $group |
        Wait-VodTranscode -Verbose -ErrorVariable waitErrors -ErrorAction SilentlyContinue 4>&1 2>&1
    $seconds = $watch.Elapsed.TotalSeconds
    $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
    $taskPolls = @($verbose | Where-Object { $_.Message -match '^VOD GetTranscodeTask attempt' }).Count
    $summaryPolls = @($verbose | Where-Object { $_.Message -match '^VOD GetTranscodeSummary attempt' }).Count
    $polls = $taskPolls + $summaryPolls
    $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $done = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] }).Count
    [pscustomobject]@{
        Scenario           = 'FullPipeline'
        LoadAverageAtStart = $load
        Files              = $Count
        TranscodeSeconds   = $TranscodeSeconds
        Transcoded         = $done
        Errors             = $errors.Count
        ThrottlingErrors   = @($errors | Where-Object { "$($_.Exception.Code)" -match 'Throttling' }).Count
        Seconds            = [math]::Round($seconds, 1)
        IdealSeconds       = [math]::Round($Count / 30 + $TranscodeSeconds, 1)
        Polls              = $polls
        TaskPolls          = $taskPolls
        SummaryPolls       = $summaryPolls
        PollsPerTask       = if ($done) { [math]::Round($polls / $done, 2) } else { $null }
    }
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}
