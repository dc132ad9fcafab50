<#
.SYNOPSIS
    Scenarios 1 and 2: migration throughput at the VOD quota, and the same registration with the official Node.js SDK.
.DESCRIPTION
    Seeds one bucket straight into a fresh emulator data folder (bench tool `seed`), starts the emulator with
    --quota real, then in one run:
      1a. Get-OssObject | Register-VodMedia                       over -Count files   (ceiling 50 calls/s x 10 = 500 files/s)
      1b. Get-OssObject | Register-VodMedia | Start-VodTranscode  over -TranscodeCount (ceiling SubmitTranscodeJobs 30/s)
      2.  bench/peer/register-loop.mjs (@alicloud/pop-core, one call per file, awaited) over -PeerCount files
    Working set and managed heap are sampled every 1,000 files of 1a to show whether memory stays flat.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Count = 10000,
    [int] $TranscodeCount = 900,
    [int] $PeerCount = 1500,
    [int] $PeerMaxSeconds = 60
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$bucket = 'bench-media'
$dir = New-BenchDataDir 'migration'
Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Count --prefix 'migrate/' | Out-Host
Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $TranscodeCount --prefix 'transcode/' | Out-Host
if ($PeerCount -gt 0) { Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $PeerCount --prefix 'peer/' | Out-Host }

$emulator = Start-VodEmulator -DataPath $dir -Quota real -TranscodeSeconds 1
try {
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $load = Get-LoadAverage

    # 1a. registration at the RegisterMedia ceiling
    [GC]::Collect()
    $memory = [System.Collections.Generic.List[object]]::new()
    $registered = 0
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Get-OssObject -Bucket $bucket -Prefix 'migrate/' | Register-VodMedia -ErrorVariable +registerErrors -ErrorAction SilentlyContinue | ForEach-Object {
        $registered++
        if ($registered % 1000 -eq 0) {
            $self.Refresh()
            $memory.Add([pscustomobject]@{ Files = $registered; WorkingSetMB = [math]::Round($self.WorkingSet64 / 1MB); HeapMB = [math]::Round([GC]::GetTotalMemory($false) / 1MB) })
        }
    }
    $registerSeconds = $watch.Elapsed.TotalSeconds
    $registerErrors = @($registerErrors)
    $registerRate = $registered / $registerSeconds

    # 1b. the whole pipeline: transcode submissions at the SubmitTranscodeJobs ceiling
    $group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Select-Object -First 1).TemplateGroupId
    if (-not $group) { $group = (Get-VodTranscodeTemplateGroup | Select-Object -First 1).TemplateGroupId }
    $watch.Restart()
    $submitted = 0
    Get-OssObject -Bucket $bucket -Prefix 'transcode/' | Register-VodMedia -ErrorVariable +pipelineErrors -ErrorAction SilentlyContinue |
        Start-VodTranscode -TemplateGroupId $group -ErrorVariable +pipelineErrors -ErrorAction SilentlyContinue | ForEach-Object { $submitted++ }
    $pipelineSeconds = $watch.Elapsed.TotalSeconds
    $pipelineErrors = @($pipelineErrors)
    $submitRate = $submitted / $pipelineSeconds

    # 2. the peer: official Node.js SDK, same emulator, same run
    $peer = $null
    if ($PeerCount -gt 0) {
        $peerDir = Join-Path $PSScriptRoot 'peer'
        if (-not (Test-Path (Join-Path $peerDir 'node_modules'))) { Push-Location $peerDir; try { & npm ci --no-audit --no-fund | Out-Host } finally { Pop-Location } }
        $peerJson = & node (Join-Path $peerDir 'register-loop.mjs') $emulator.Url $bucket 'peer/' $PeerCount $PeerMaxSeconds
        if ($LASTEXITCODE -ne 0) { throw "the Node.js peer failed: $peerJson" }
        $peer = $peerJson | ConvertFrom-Json
    }

    [pscustomobject]@{
        Scenario                = 'Migration'
        LoadAverageAtStart      = $load
        RegisterFiles           = $registered
        RegisterErrors          = $registerErrors.Count
        RegisterThrottlingErrors = @($registerErrors | Where-Object { "$_" -match 'Throttling' }).Count
        RegisterSeconds         = [math]::Round($registerSeconds, 2)
        RegisterFilesPerSecond  = [math]::Round($registerRate, 1)
        RegisterOfCeiling       = '{0:P1}' -f ($registerRate / 500)
        MemorySamples           = ($memory | ForEach-Object { "$($_.Files):$($_.WorkingSetMB)/$($_.HeapMB)" }) -join ' '
        TranscodeSubmitted      = $submitted
        PipelineErrors          = $pipelineErrors.Count
        PipelineThrottlingErrors = @($pipelineErrors | Where-Object { "$_" -match 'Throttling' }).Count
        PipelineSeconds         = [math]::Round($pipelineSeconds, 2)
        SubmitPerSecond         = [math]::Round($submitRate, 1)
        SubmitOfCeiling         = '{0:P1}' -f ($submitRate / 30)
        PeerFiles               = $peer.registered
        PeerThrottled           = $peer.throttled
        PeerErrors              = $peer.errors
        PeerSeconds             = $peer.seconds
        PeerFilesPerSecond      = $peer.filesPerSecond
        RatioToPeer             = if ($peer -and $peer.filesPerSecond) { [math]::Round($registerRate / $peer.filesPerSecond, 1) } else { $null }
        Targets                 = '>= 95 % of ceilings; 0 throttling errors; memory flat; >= 10x the peer'
    }
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}
