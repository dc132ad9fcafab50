<#
.SYNOPSIS
    Scenarios 1 and 2: migration throughput at the VOD quota, and the same registration with the official Node.js SDK.
.DESCRIPTION
    Seeds one bucket straight into a fresh emulator data folder (bench tool `seed`), starts the emulator with
    --quota real, then in one run:
      1a. Get-OssObject | Register-VodMedia                       over -Count files   (ceiling 50 calls/s x 10 = 500 files/s)
      1b. Get-OssObject | Register-VodMedia | Start-VodTranscode  over -TranscodeCount (ceiling SubmitTranscodeJobs 30/s)
      1c. ... | Wait-VodTranscode on the tasks of 1b: seconds and GetTranscodeTask calls per task (same 30/s group)
      2.  bench/peer/register-loop.mjs (@alicloud/pop-core, one call per file, awaited) over -PeerCount files
    Working set and managed heap are sampled every 1,000 files of 1a to show whether memory stays flat.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Count = 10000,
    [int] $TranscodeCount = 900,
    [int] $PeerCount = 1500,
    [int] $PeerMaxSeconds = 60,
    # how long the emulator's transcodes take; longer ones show how often Wait-VodTranscode polls each task
    [double] $TranscodeSeconds = 1
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

$emulator = Start-VodEmulator -DataPath $dir -Quota real -TranscodeSeconds $TranscodeSeconds -Lenient
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
    $tasks = [System.Collections.Generic.List[object]]::new()
    Get-OssObject -Bucket $bucket -Prefix 'transcode/' | Register-VodMedia -ErrorVariable +pipelineErrors -ErrorAction SilentlyContinue |
        Start-VodTranscode -TemplateGroupId $group -ErrorVariable +pipelineErrors -ErrorAction SilentlyContinue | ForEach-Object { $tasks.Add($_) }
    $pipelineSeconds = $watch.Elapsed.TotalSeconds
    $pipelineErrors = @($pipelineErrors)
    $submitted = $tasks.Count
    $submitRate = $submitted / $pipelineSeconds

    # 1c. waiting for those tasks (transcoding takes -TranscodeSeconds on the emulator): the polls share the 30/s group
    $watch.Restart()
    $waitOutput = $tasks | Wait-VodTranscode -Verbose -ErrorVariable +waitErrors -ErrorAction SilentlyContinue 4>&1
    $waitSeconds = $watch.Elapsed.TotalSeconds
    $waitCalls = @($waitOutput | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'GetTranscodeTask' }).Count
    $waited = @($waitOutput | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count

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
        WaitedTasks             = $waited
        WaitErrors              = @($waitErrors).Count
        WaitSeconds             = [math]::Round($waitSeconds, 2)
        WaitCallsPerTask        = if ($waited) { [math]::Round($waitCalls / $waited, 2) } else { $null }
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
