<#
.SYNOPSIS
    The catalogue (issue 16): Find-VodMedia over -Media media (media/s, pwsh's peak working set growth) and
    Compare-VodBucket over a bucket of -Files files of which -Registered are registered (time, peak working set growth),
    each seeded straight into the emulator's SQLite and run in a fresh pwsh, as Measure-Listing.ps1 does.
.DESCRIPTION
    Memory is "flat" when the growth does not follow the count: each scenario runs at a tenth of its size too, and the
    two growths are reported side by side. Compare-VodBucket's GetMezzanineInfo calls (one per registered media) run
    with VODTOOLS_VOD_QPS=GetMezzanineInfo=2000, so the figure is the tool's and the emulator's, not the cloud's quota
    (100/s assumed: 10,000 media take 100 s of quota on the real cloud).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Media = 100000,
    [int] $Files = 1000000,
    [int] $Registered = 10000
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')

# One measured run in a fresh pwsh: seeds, starts the emulator on the data, runs $Command counting its output.
function Measure-Run([string] $Name, [int] $Count, [int] $MediaCount, [string] $Command) {
    $bucket = 'bench-catalogue'
    $dir = New-BenchDataDir $Name
    try {
        Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Count --media $MediaCount --prefix 'media/' | Out-Host
        $child = {
            param($ModulePath, $Dir, $Command)
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
            $env:VODTOOLS_VOD_QPS = 'GetMezzanineInfo=2000'
            Import-Module $ModulePath
            $emulator = Start-VodEmulator -DataPath $Dir -Lenient
            try {
                Find-VodMedia -MediaType video | Select-Object -First 1 | Out-Null  # warm: JIT and connection
                [GC]::Collect()
                $self = [System.Diagnostics.Process]::GetCurrentProcess()
                $baseline = $self.WorkingSet64
                $count = 0
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                & ([scriptblock]::Create($Command)) | ForEach-Object { $count++ }
                $seconds = $watch.Elapsed.TotalSeconds
                $self.Refresh()
                [pscustomobject]@{ Objects = $count; Seconds = $seconds; BaselineMB = $baseline / 1MB; PeakMB = $self.PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
            }
            finally { Stop-VodEmulator -ProcessId $emulator.ProcessId }
        }
        $pwsh = (Get-Process -Id $PID).Path
        $pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })
        $script = Join-Path $dir 'run.ps1'
        Set-Content -LiteralPath $script -Value $child.ToString()
        $json = & $pwsh @pwshArgs -NoProfile -NonInteractive -File $script $ModulePath $dir $Command
        if ($LASTEXITCODE -ne 0) { throw "the $Name run failed: $json" }
        $json | Select-Object -Last 1 | ConvertFrom-Json
    }
    finally { Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue }
}

$load = Get-LoadAverage
$find = 'Find-VodMedia -StorageLocation bench-catalogue -MediaType video'
$compare = 'Compare-VodBucket -Bucket bench-catalogue'
$runs = @(
    @{ Scenario = 'Find-VodMedia'; Count = $Media; MediaCount = $Media; Command = $find }
    @{ Scenario = 'Find-VodMedia'; Count = [int]($Media / 10); MediaCount = [int]($Media / 10); Command = $find }
    @{ Scenario = 'Compare-VodBucket'; Count = $Files; MediaCount = $Registered; Command = $compare }
    @{ Scenario = 'Compare-VodBucket'; Count = [int]($Files / 10); MediaCount = $Registered; Command = $compare }
)
foreach ($run in $runs) {
    $r = Measure-Run ($run.Scenario.ToLowerInvariant()) $run.Count $run.MediaCount $run.Command
    [pscustomobject]@{
        Scenario           = $run.Scenario
        LoadAverageAtStart = $load
        Files              = $run.Count
        Media              = $run.MediaCount
        Emitted            = $r.Objects
        Seconds            = [math]::Round($r.Seconds, 1)
        PerSecond          = [math]::Round($r.Objects / $r.Seconds)
        BaselineMB         = [math]::Round($r.BaselineMB)
        PeakGrowthMB       = [math]::Round($r.PeakMB - $r.BaselineMB)
    }
}
