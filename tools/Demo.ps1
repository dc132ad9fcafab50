#requires -Version 5.1
<#
.SYNOPSIS
    The seed workflow, end to end, on the local emulator: what `build.ps1 demo` runs.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

$emulator = Start-VodEmulator -InMemory -SeedSample -TranscodeSeconds 2
try {
    Write-Host "Emulator: $($emulator.Url) (process $($emulator.ProcessId))"
    $me = Get-VodCallerIdentity
    Write-Host "Signed in as $($me.Arn) — credentials from $($me.CredentialSource), region $($me.Region)"

    $objects = Get-OssObject -Bucket media-archive -Prefix films/ -Include *.mp4
    Write-Host "Found $($objects.Count) .mp4 files under oss://media-archive/films/"

    $media = $objects | Register-VodMedia
    $new = @($media | Where-Object NewRegister).Count
    Write-Host "Registered $($media.Count) files with VOD ($new new)"
    $media | Select-Object -First 5 | Format-Table MediaId, Title, NewRegister -AutoSize | Out-Host
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}
