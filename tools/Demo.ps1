#requires -Version 5.1
<#
.SYNOPSIS
    The seed workflow, end to end, on the local emulator: what `build.ps1 demo` runs.
.DESCRIPTION
    Authorise the transcoding service for the bucket, configure VOD (storage and a default template
    group), then list, register, transcode and wait in one pipeline, take snapshots, and summarise.
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
        Register-VodMedia -TemplateGroupId $group.TemplateGroupId |
        Start-VodTranscode -TemplateGroupId $group.TemplateGroupId |
        Wait-VodTranscode -Timeout 300
    Write-Host ("{0} media transcoded in {1:0.0} s" -f @($tasks).Count, $watch.Elapsed.TotalSeconds)
    $tasks | Group-Object Status | Format-Table Name, Count -AutoSize | Out-Host

    Write-Step 'Snapshot the first film'
    $first = @($tasks)[0]
    Start-VodSnapshot -MediaId $first.MediaId -Count 3 -Interval 0 | Format-Table JobId, MediaId -AutoSize | Out-Host

    Write-Step 'Summary'
    Get-VodMedia -MediaId (@($tasks) | Select-Object -First 5).MediaId | Format-Table MediaId, Title, Status -AutoSize | Out-Host
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}
