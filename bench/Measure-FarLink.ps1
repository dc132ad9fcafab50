<#
.SYNOPSIS
    Issue 23: the quota reached from a far link. The fan-out cmdlets, with their default parameters, against an emulator
    that adds 0, 100, 250 and 500 ms to every round trip (Start-VodEmulator -LatencyMs) under the real quotas.
.DESCRIPTION
    A fresh emulator for each step (-Quota real -Lenient), all on one data folder seeded once, in one run:
      Register   Get-OssObject | Register-VodMedia over -Count files                (ceiling RegisterMedia 50/s x 10 = 500 files/s)
      Transcode  Get-OssObject | Register-VodMedia | Start-VodTranscode over -TranscodeCount files (ceiling SubmitTranscodeJobs 30/s)
      Find       Find-VodMedia over the first -FindCount media Register made, a page of 50 per SearchMedia call (one call at
                 a time: a scroll; the next page asked for while this one is written)
      Upload     Send-VodMedia of one -UploadMB file in parts of 8 MB (MB/s; the emulator's delay is a round trip, not a
                 narrower link, so this shows how far parts in flight hide the round trip)
    For each it reports the rate over the whole run and its share of the ceiling, the rate from the first result to the
    last ("steady": without the round trips before the first result comes back, the listing's and the first calls', which
    no concurrency can save), the Throttling.User answers the emulator gave (its "throttled" count) and the most requests
    it served at once (peakConcurrentRequests: calls in flight, less those still in their connection's handshake). Ratios,
    one run.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int[]] $LatencyMs = @(0, 100, 250, 500),
    [int] $Count = 15000,
    [int] $TranscodeCount = 1500,
    [int] $FindCount = 2000,
    [int] $UploadMB = 128,
    # extra Register-VodMedia / Start-VodTranscode parameters, e.g. @{ ThrottleLimit = 8 } to measure a fixed count
    [hashtable] $Parameters = @{}
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$bucket = 'bench-media'
$dir = New-BenchDataDir 'farlink'
foreach ($latency in $LatencyMs) {
    Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Count --prefix "register-$latency/" | Out-Host
    Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $TranscodeCount --prefix "transcode-$latency/" | Out-Host
}
$film = Join-Path $dir 'film.mp4'
New-BenchRandomFile $film $UploadMB 23

# A fresh emulator on the data folder for each step, so its peak of requests at once is the step's own.
function Start-Emulator([int] $Latency) {
    if ($script:emulator) { Stop-VodEmulator -ProcessId $script:emulator.ProcessId }
    $script:emulator = Start-VodEmulator -DataPath $dir -Quota real -Lenient -TranscodeSeconds 1 -LatencyMs $Latency
}

# Runs $Script against the emulator and returns its seconds, when its first and last results came, with what the
# emulator counted meanwhile.
function Measure-Step([scriptblock] $Script) {
    $before = Invoke-RestMethod "$($emulator.Url)/_emulator/stats"
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $first = $null
    $output = @(& $Script | ForEach-Object { if ($null -eq $first) { $first = $watch.Elapsed.TotalSeconds }; $_ })
    $seconds = $watch.Elapsed.TotalSeconds
    $after = Invoke-RestMethod "$($emulator.Url)/_emulator/stats"
    [pscustomobject]@{
        Seconds = $seconds; Output = $output; Throttled = [int]$after.throttled - [int]$before.throttled; Peak = [int]$after.peakConcurrentRequests
        Steady  = if ($output.Count -gt 1) { ($output.Count - 1) / ($seconds - $first) } else { 0 }
    }
}

$emulator = $null
$rows = [System.Collections.Generic.List[object]]::new()
$load = Get-LoadAverage
try {
    foreach ($latency in $LatencyMs) {
        Start-Emulator $latency
        $started = [DateTime]::UtcNow.AddSeconds(-1)
        $register = Measure-Step { Get-OssObject -Bucket $bucket -Prefix "register-$latency/" | Register-VodMedia @Parameters -ErrorAction SilentlyContinue }
        $registered = [DateTime]::UtcNow.AddSeconds(1)
        Start-Emulator $latency
        $group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Select-Object -First 1).TemplateGroupId
        $transcode = Measure-Step {
            Get-OssObject -Bucket $bucket -Prefix "transcode-$latency/" | Register-VodMedia @Parameters -ErrorAction SilentlyContinue |
                Start-VodTranscode -TemplateGroupId $group @Parameters -ErrorAction SilentlyContinue
        }
        Start-Emulator $latency
        $find = Measure-Step { Find-VodMedia -MediaType video -CreatedAfter $started -CreatedBefore $registered | Select-Object -First $FindCount }
        (Get-Item $film).LastWriteTimeUtc = [DateTime]::UtcNow.AddMinutes(-1 - $latency)   # a new file to VOD: sent again
        Start-Emulator $latency
        $upload = Measure-Step { Send-VodMedia -Path $film -TemplateGroupId VOD_NO_TRANSCODE -CheckpointPath (Join-Path $dir 'checkpoints') }

        $registerRate = $register.Output.Count / $register.Seconds
        $submitRate = $transcode.Output.Count / $transcode.Seconds
        $rows.Add([pscustomobject]@{
            RoundTripMs    = $latency
            RegisterFiles  = $register.Output.Count
            'Files/s'      = [math]::Round($registerRate, 1)
            OfQuota        = '{0:P0}' -f ($registerRate / 500)
            SteadyOfQuota  = '{0:P0}' -f ($register.Steady / 500)
            Throttled      = $register.Throttled
            Peak           = $register.Peak
            Submitted      = $transcode.Output.Count
            'Submits/s'    = [math]::Round($submitRate, 1)
            SubmitOfQuota  = '{0:P0}' -f ($submitRate / 30)
            SubmitSteady   = '{0:P0}' -f ($transcode.Steady / 30)
            SubmitThrottled = $transcode.Throttled
            SubmitPeak     = $transcode.Peak
            'Found/s'      = [math]::Round($find.Output.Count / $find.Seconds, 1)
            'UploadMB/s'   = [math]::Round($UploadMB / $upload.Seconds, 1)
            UploadPeak     = $upload.Peak
        })
    }
}
finally {
    if ($emulator) { Stop-VodEmulator -ProcessId $emulator.ProcessId -ErrorAction Ignore }
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}
Write-Host "FarLink: load average at start $load; parameters: $(if ($Parameters.Count) { ($Parameters.GetEnumerator() | ForEach-Object { "-$($_.Key) $($_.Value)" }) -join ' ' } else { 'defaults' })"
$rows | Format-Table RoundTripMs, RegisterFiles, 'Files/s', OfQuota, SteadyOfQuota, Throttled, Peak -AutoSize | Out-String
$rows | Format-Table RoundTripMs, Submitted, 'Submits/s', SubmitOfQuota, SubmitSteady, SubmitThrottled, SubmitPeak -AutoSize | Out-String
$rows | Format-Table RoundTripMs, 'Found/s', 'UploadMB/s', UploadPeak -AutoSize | Out-String
