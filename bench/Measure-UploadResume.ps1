<#
.SYNOPSIS
    Issue 23: what a SIGKILL costs Send-VodMedia. One -SizeMB file in parts of -PartSize (200 MiB in 5 MiB parts: 40
    parts, the issue's case) sent by a child pwsh that is killed (SIGKILL) once -KillAfter parts have reached OSS, then
    sent again by the same command; at 0 and 250 ms added per round trip (Start-VodEmulator -LatencyMs).
.DESCRIPTION
    Every count is the emulator's (oss.UploadPart: parts that reached OSS's operation, whether or not their bytes all
    arrived). For each kill it reports the parts that had reached OSS when the child died, the parts its checkpoint
    recorded, the parts the rerun sent, and of those the parts that had reached OSS but were cut off by the kill (sent
    = the parts that never reached OSS + these): only parts in flight at the kill. Each part waits 100 ms at the
    emulator before it is served, so the kill lands among parts as on a slower link. Then the same again with the checkpoint cut to its first line after the kill (a
    checkpoint that recorded no part, as one written at most once a second could be): the rerun keeps what OSS lists.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int[]] $LatencyMs = @(0, 250),
    [int[]] $KillAfter = @(5, 20, 35),
    [int] $SizeMB = 200,
    [long] $PartSize = 5MB
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$dir = New-BenchDataDir 'resume'
$file = Join-Path $dir 'film.mp4'
New-BenchRandomFile $file $SizeMB 23
$parts = [int][math]::Ceiling($SizeMB * 1MB / $PartSize)
$checkpoint = "$file.vodupload"
$pwsh = (Get-Process -Id $PID).Path
$prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })

function Get-UploadParts { [int](Invoke-RestMethod "$($emulator.Url)/_emulator/stats").'oss.UploadPart' }

# The parts a checkpoint names: its first line's, then one line per part (a line the kill cut short does not read).
function Get-RecordedParts {
    $lines = @(Get-Content $checkpoint)
    @(@(($lines[0] | ConvertFrom-Json).Parts) + @($lines | Select-Object -Skip 1 | ForEach-Object { try { $_ | ConvertFrom-Json } catch { } }) |
        Where-Object { $_ } | ForEach-Object Number | Sort-Object -Unique).Count
}

$rows = [System.Collections.Generic.List[object]]::new()
$load = Get-LoadAverage
$emulator = $null
try {
    foreach ($latency in $LatencyMs) {
        if ($emulator) { Stop-VodEmulator -ProcessId $emulator.ProcessId }
        $emulator = Start-VodEmulator -InMemory -Lenient -LatencyMs $latency -Faults 'delay:1:100@UploadPart'
        $command = "Send-VodMedia -Path '$file' -PartSize $PartSize -TemplateGroupId VOD_NO_TRANSCODE"
        $child = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
Set-VodContext -Endpoint '$($emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
$command
"@
        foreach ($stale in $false, $true) {
            foreach ($after in $KillAfter) {
                (Get-Item $file).LastWriteTimeUtc = [DateTime]::UtcNow.AddMinutes(-$rows.Count - 1)   # a new file to VOD
                $before = Get-UploadParts
                $process = Start-Process $pwsh -ArgumentList ($prefix + @('-NoProfile', '-NonInteractive', '-Command', $child)) -PassThru
                while (-not $process.HasExited -and (Get-UploadParts) - $before -lt $after) { Start-Sleep -Milliseconds 20 }
                if ($process.HasExited) { throw "the upload ended before $after parts reached OSS" }
                $process.Kill()   # SIGKILL: no finally block, no flush
                $process.WaitForExit()
                Start-Sleep -Milliseconds 500   # a part the kill caught in its 100 ms wait is counted by now, or gone
                $held = (Get-UploadParts) - $before
                $recorded = Get-RecordedParts
                if ($stale) { Set-Content $checkpoint (Get-Content $checkpoint -TotalCount 1) }
                $rerunFrom = Get-UploadParts
                $media = Invoke-Expression $command
                if (-not $media.MediaId) { throw 'the rerun emitted no media' }
                $sent = (Get-UploadParts) - $rerunFrom
                $rows.Add([pscustomobject]@{
                    RoundTripMs = $latency
                    Checkpoint  = if ($stale) { 'no part recorded' } else { 'as the kill left it' }
                    Parts       = $parts
                    ReachedOss  = $held
                    Recorded    = $recorded
                    RerunSent   = $sent
                    CutAtKill   = $sent - ($parts - $held)
                })
            }
        }
    }
}
finally {
    if ($emulator) { Stop-VodEmulator -ProcessId $emulator.ProcessId -ErrorAction Ignore }
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}
Write-Host "UploadResume: $SizeMB MiB in parts of $($PartSize / 1MB) MiB; load average at start $load"
$rows | Format-Table -AutoSize | Out-String
