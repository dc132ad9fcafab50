<#
.SYNOPSIS
    Scenario 4: Get-OssObject over a bucket of -Keys keys seeded straight into the emulator's SQLite: keys/s and the
    growth of pwsh's peak working set while listing.
.DESCRIPTION
    The listing runs in a fresh pwsh (so its peak working set is the listing's, not this session's): after
    Import-Module and the emulator context are set up, it records the working set, lists every key, counting them in
    the pipeline (nothing kept), and reports the peak (VmHWM / PeakWorkingSet64) minus that baseline.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Keys = 1000000,
    # e.g. 'delay:1:30' makes every page answer 30 ms late, as a cloud round trip would (emulator --faults)
    [string] $Faults
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')

$bucket = 'bench-list'
$dir = New-BenchDataDir 'listing'
try {
    Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Keys --prefix 'media/' | Out-Host
    $child = {
        param($ModulePath, $Dir, $Bucket, $Faults)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module $ModulePath
        $emulator = if ($Faults) { Start-VodEmulator -DataPath $Dir -Faults $Faults -Lenient } else { Start-VodEmulator -DataPath $Dir -Lenient }
        try {
            Get-OssObject -Bucket $Bucket -PageSize 10 -NoAutoIteration | Out-Null  # warm: first call's JIT and connection
            [GC]::Collect()
            $self = [System.Diagnostics.Process]::GetCurrentProcess()
            $baseline = $self.WorkingSet64
            $count = 0
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            Get-OssObject -Bucket $Bucket | ForEach-Object { $count++ }
            $seconds = $watch.Elapsed.TotalSeconds
            $self.Refresh()
            [pscustomobject]@{ Keys = $count; Seconds = $seconds; BaselineMB = $baseline / 1MB; PeakMB = $self.PeakWorkingSet64 / 1MB; EndMB = $self.WorkingSet64 / 1MB } | ConvertTo-Json -Compress
        }
        finally { Stop-VodEmulator -ProcessId $emulator.ProcessId }
    }
    $pwsh = (Get-Process -Id $PID).Path
    $pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })
    $script = Join-Path $dir 'list.ps1'
    Set-Content -LiteralPath $script -Value $child.ToString()
    $load = Get-LoadAverage
    $json = & $pwsh @pwshArgs -NoProfile -NonInteractive -File $script $ModulePath $dir $bucket $Faults
    if ($LASTEXITCODE -ne 0) { throw "the listing run failed: $json" }
    $r = $json | Select-Object -Last 1 | ConvertFrom-Json
    [pscustomobject]@{
        Scenario          = 'Listing'
        Faults            = $Faults
        LoadAverageAtStart = $load
        Keys              = $r.Keys
        Seconds           = [math]::Round($r.Seconds, 1)
        KeysPerSecond     = [math]::Round($r.Keys / $r.Seconds)
        BaselineMB        = [math]::Round($r.BaselineMB)
        PeakMB            = [math]::Round($r.PeakMB)
        EndMB             = [math]::Round($r.EndMB)
        PeakGrowthMB      = [math]::Round($r.PeakMB - $r.BaselineMB)
        Target            = 'peak working set growth <= 50 MB'
    }
}
finally {
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}
