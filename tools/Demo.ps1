#requires -Version 5.1
<#
.SYNOPSIS
    The seed workflow, end to end, on the local emulator: what `build.ps1 demo` runs.
.DESCRIPTION
    Authorise the transcoding service for the bucket, configure VOD (storage and a default template
    group), then list, register, transcode and wait in one pipeline, take snapshots, and summarise;
    then migrate the whole bucket as one resumable job and report on it.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

$emulator = Start-VodEmulator -InMemory -SeedSample -TranscodeSeconds 3
try {
    Write-Host "Emulator: $($emulator.Url) (process $($emulator.ProcessId))"
    $me = Get-VodCallerIdentity
    Write-Host "Signed in as $($me.Arn), credentials from $($me.CredentialSource), region $($me.Region)"

    Write-Step 'Authorise the transcoding service (RAM role vod-pass-mps, its trust policy, its OSS policy)'
    Initialize-VodBucketAccess -Bucket media-archive | Format-Table Resource, Name, Action, Detail -AutoSize | Out-Host
    Write-Host 'Run again, nothing changes:'
    Initialize-VodBucketAccess -Bucket media-archive | Format-Table Resource, Name, Action -AutoSize | Out-Host

    Write-Step 'Configure ApsaraVideo VOD: storage and a default transcode template group'
    Add-VodStorage -Bucket media-archive | Out-Null
    $group = New-VodTranscodeTemplateGroup -Name demo-web -TemplateList @{
        TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' }
        Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' }
    }
    Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $group.TemplateGroupId
    Write-Host "Template group $($group.TemplateGroupId) ($($group.Name)) is the default"

    Write-Step 'Register and transcode: Get-OssObject | Register-VodMedia | Start-VodTranscode | Wait-VodTranscode'
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $tasks = Get-OssObject -Bucket media-archive -Prefix films/ -Include *.mp4 |
        Register-VodMedia | Start-VodTranscode | Wait-VodTranscode -TimeoutSec 300   # the default group above: no -TemplateGroupId
    Write-Host ("{0} media transcoded in {1:0.0} s" -f @($tasks).Count, $watch.Elapsed.TotalSeconds)
    $tasks | Group-Object Status | Format-Table Name, Count -AutoSize | Out-Host

    Write-Step 'Snapshot the first film'
    $first = @($tasks)[0]
    Start-VodSnapshot -MediaId $first.MediaId -Count 3 -Interval 0 | Format-Table JobId, MediaId -AutoSize | Out-Host

    Write-Step 'Summary'
    Get-VodMedia -MediaId (@($tasks) | Select-Object -First 5).MediaId | Format-Table MediaId, Title, Status -AutoSize | Out-Host

    Write-Step 'Pre-flight checks: Test-VodBucket'
    Test-VodBucket -Bucket media-archive | Format-Table Check, Status, Detail -AutoSize -Wrap | Out-Host

    Write-Step 'The whole bucket as one resumable job: Invoke-VodMigration -JournalPath'
    $journal = Join-Path ([System.IO.Path]::GetTempPath()) "vodtools-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8)).journal"
    $watch.Restart()
    $migrated = Invoke-VodMigration -Bucket media-archive -Include *.mp4 -Snapshot -JournalPath $journal -ErrorVariable failures -ErrorAction SilentlyContinue
    Write-Host ("{0} files migrated (the films of the pipeline above included: nothing is made twice), {1} failed, in {2:0.0} s" -f @($migrated).Count, $failures.Count, $watch.Elapsed.TotalSeconds)
    $failures | ForEach-Object { Write-Host "  $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.TargetObject.Key): $($_.Exception.Message)" }
    Write-Host 'Run again, as a schedule would: it lists the bucket for new files, and the journal has the rest done:'
    Invoke-VodMigration -Bucket media-archive -Include *.mp4 -Snapshot -JournalPath $journal | Measure-Object | ForEach-Object { Write-Host "  $($_.Count) files migrated" }

    Write-Step 'The report: Get-VodMigration'
    Get-VodMigration -JournalPath $journal | Out-Host
    Export-VodMigrationReport -JournalPath $journal -Path ($journal -replace '\.journal$', '.html') -Force
    Write-Host "HTML report: $($journal -replace '\.journal$', '.html')"

    Write-Step 'The last mile: do they play? Test-VodPlayback'
    $checks = $tasks | Test-VodPlayback
    Write-Host ('{0} of {1} media play' -f @($checks | Group-Object MediaId | Where-Object { $_.Group.Playable -notcontains $false }).Count, @($tasks).Count)
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}
