<#
.SYNOPSIS
    Send-VodMedia throughput on loopback (issue 18): one -SizeMB file sent as parts of -PartSize with 1, 4 and 8 parts
    in flight (-ThrottleLimit), and as one plain single-stream PutObject (a part size larger than the file), each run
    in a fresh pwsh against one emulator, reporting MB/s (also without the CompleteMultipartUpload call, in which the
    emulator copies the parts into one file) and the pwsh's peak working set growth.
.DESCRIPTION
    The file is random data. Before each run its last write time moves on a second, so Send-VodMedia sees a new file
    and makes a new media (a file sent before would not be sent again). Each configuration runs -Repeat times in turn
    (1, 4, 8, single, 1, 4, 8, single, ...) so a change in the machine's load touches all of them alike; the best and
    the median are reported. Loopback has no latency and no loss: parts in flight help here only as far as the client,
    the emulator and the disk work in parallel; on a real link with tens of milliseconds to OSS they also hide latency.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $SizeMB = 512,
    [long] $PartSize = 8MB,
    [int] $Repeat = 3
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')

Import-Module $ModulePath
$dir = New-BenchDataDir 'upload'
$emulator = Start-VodEmulator -DataPath (Join-Path $dir 'emulator') -TranscodeSeconds 1
try {
    $file = Join-Path $dir 'film.mp4'
    New-BenchRandomFile $file $SizeMB 18

    # One run in a fresh pwsh: imports the module, points it at the emulator, sends the file once.
    $child = {
        param($ModulePath, $Url, $File, $PartSize, $ThrottleLimit)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module $ModulePath
        Set-VodContext -Endpoint $Url -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
        [GC]::Collect()
        $self = [System.Diagnostics.Process]::GetCurrentProcess()
        $baseline = $self.WorkingSet64
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $all = Send-VodMedia -Path $File -PartSize $PartSize -ThrottleLimit $ThrottleLimit -Verbose 4>&1
        $seconds = $watch.Elapsed.TotalSeconds
        $media = $all | Where-Object { $_ -is [VodTools.Model.VodMedia] }
        # the emulator assembles the parts into one file at CompleteMultipartUpload (another full write)
        $complete = $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^OSS CompleteMultipartUpload .*, (\d+) ms$' } |
            ForEach-Object { [int]$Matches[1] / 1000 } | Select-Object -First 1
        $self.Refresh()
        if (-not $media.NewRegister) { throw 'the file was not sent: it was found uploaded before' }
        [pscustomobject]@{ Seconds = $seconds; CompleteSeconds = [double]$complete; BaselineMB = $baseline / 1MB; PeakMB = $self.PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
    }
    $script = Join-Path $dir 'run.ps1'
    Set-Content -LiteralPath $script -Value $child.ToString()
    $pwsh = (Get-Process -Id $PID).Path
    $pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })

    $configurations = @(
        @{ Name = 'parts, 1 in flight'; PartSize = $PartSize; ThrottleLimit = 1 }
        @{ Name = 'parts, 4 in flight'; PartSize = $PartSize; ThrottleLimit = 4 }
        @{ Name = 'parts, 8 in flight'; PartSize = $PartSize; ThrottleLimit = 8 }
        @{ Name = 'one PutObject'; PartSize = [long]$SizeMB * 1MB; ThrottleLimit = 1 }
    )
    $load = Get-LoadAverage
    $results = @{}
    $sent = 0
    for ($round = 0; $round -lt $Repeat; $round++) {
        foreach ($c in $configurations) {
            (Get-Item $file).LastWriteTimeUtc = [DateTime]::UtcNow.AddMinutes(-1 - $sent++)
            $json = & $pwsh @pwshArgs -NoProfile -NonInteractive -File $script $ModulePath $emulator.Url $file $c.PartSize $c.ThrottleLimit
            if ($LASTEXITCODE -ne 0) { throw "the run '$($c.Name)' failed: $json" }
            $r = $json | Select-Object -Last 1 | ConvertFrom-Json
            if (-not $results[$c.Name]) { $results[$c.Name] = [System.Collections.Generic.List[object]]::new() }
            $results[$c.Name].Add($r)
        }
    }
    foreach ($c in $configurations) {
        $runs = $results[$c.Name]
        $rates = @($runs | ForEach-Object { $SizeMB / $_.Seconds } | Sort-Object)
        [pscustomobject]@{
            Scenario           = $c.Name
            LoadAverageAtStart = $load
            SizeMB             = $SizeMB
            PartSizeMB         = [math]::Round($c.PartSize / 1MB)
            Runs               = $runs.Count
            BestMBps           = [math]::Round($rates[-1], 1)
            MedianMBps         = [math]::Round($rates[[int][math]::Floor($rates.Count / 2)], 1)
            CompleteSeconds    = [math]::Round(($runs | ForEach-Object CompleteSeconds | Measure-Object -Average).Average, 1)
            MedianMBpsExceptComplete = [math]::Round(@($runs | ForEach-Object { $SizeMB / ($_.Seconds - $_.CompleteSeconds) } | Sort-Object)[[int][math]::Floor($runs.Count / 2)], 1)
            PeakGrowthMB       = [math]::Round(($runs | ForEach-Object { $_.PeakMB - $_.BaselineMB } | Measure-Object -Maximum).Maximum)
        }
    }
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
    Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue
}
