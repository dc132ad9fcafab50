<#
.SYNOPSIS
    Runs the benchmarks of bench/ (issue 7). Figures are ratios measured in one run on this machine.
.DESCRIPTION
    Each scenario is also a script of its own with a size parameter:
      Measure-Import.ps1         scenario 3  (-Runs)
      Measure-Micro.ps1          scenario 4, micro-benchmarks (BenchmarkDotNet)
      Measure-Listing.ps1        scenario 4  (-Keys)
      Measure-EmulatorLoad.ps1   scenario 5  (-Requests, -Seconds, -Concurrency)
      Measure-Migration.ps1      scenarios 1 and 2 (-Count, -TranscodeCount, -PeerCount, -TranscodeSeconds)
      Measure-FullPipeline.ps1   scenario 1 with Wait-VodTranscode at the end (-Count, -TranscodeSeconds)
      Measure-Catalogue.ps1      Find-VodMedia and Compare-VodBucket, issue 16 (-Media, -Files, -Registered)
      Measure-EmulatorRuntime.ps1 issue 17: the emulator framework-dependent, self-contained and trimmed: size, start-up (-Runs)
      Measure-MigrationJob.ps1   issue 15: Invoke-VodMigration vs its ideal, resume cost and memory, the SIGKILL test (-Count, -JournalFiles, -KillFiles)
      Measure-Upload.ps1         issue 18: Send-VodMedia throughput vs parts in flight (1, 4, 8) and one PutObject (-SizeMB, -PartSize, -Repeat)
      Measure-FarLink.ps1        issue 23: the fan-out cmdlets at 0, 100, 250 and 500 ms added per round trip, real quotas (-Count, -TranscodeCount, -FindCount, -UploadMB)
      Measure-UploadResume.ps1   issue 23: Send-VodMedia killed with SIGKILL after some parts, then run again: parts sent again (-SizeMB, -PartSize, -KillAfter)
      Invoke-FullSizeSuites.ps1  issue 24: the Pester suites CI runs small, at full size (-MigrationFiles, -RetrySafetyFiles, -SearchResultLimit)
    Never part of `build.ps1 test`.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $ImportRuns = 20,
    [int] $ListingKeys = 1000000,
    [int] $LoadRequests = 100000,
    [int] $MigrationCount = 10000,
    [int] $TranscodeCount = 900,
    [int] $PeerCount = 1500,
    [int] $PipelineCount = 600,
    [int] $CatalogueMedia = 100000,
    [int] $CatalogueFiles = 1000000,
    [int] $JobCount = 10000,
    [int] $JournalFiles = 1000000,
    [int] $UploadSizeMB = 512,
    [int] $FarLinkCount = 15000
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Write-Host "bench: $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC, $([Environment]::ProcessorCount) cores, load average $(Get-LoadAverage)"
& (Join-Path $PSScriptRoot 'Measure-Import.ps1') -ModulePath $ModulePath -Runs $ImportRuns
& (Join-Path $PSScriptRoot 'Measure-Micro.ps1')
& (Join-Path $PSScriptRoot 'Measure-Listing.ps1') -ModulePath $ModulePath -Keys $ListingKeys
& (Join-Path $PSScriptRoot 'Measure-Catalogue.ps1') -ModulePath $ModulePath -Media $CatalogueMedia -Files $CatalogueFiles
& (Join-Path $PSScriptRoot 'Measure-EmulatorLoad.ps1') -ModulePath $ModulePath -Requests $LoadRequests
& (Join-Path $PSScriptRoot 'Measure-Migration.ps1') -ModulePath $ModulePath -Count $MigrationCount -TranscodeCount $TranscodeCount -PeerCount $PeerCount
& (Join-Path $PSScriptRoot 'Measure-FullPipeline.ps1') -ModulePath $ModulePath -Count $PipelineCount
& (Join-Path $PSScriptRoot 'Measure-MigrationJob.ps1') -ModulePath $ModulePath -Count $JobCount -JournalFiles $JournalFiles
& (Join-Path $PSScriptRoot 'Measure-Upload.ps1') -ModulePath $ModulePath -SizeMB $UploadSizeMB
& (Join-Path $PSScriptRoot 'Measure-FarLink.ps1') -ModulePath $ModulePath -Count $FarLinkCount
& (Join-Path $PSScriptRoot 'Measure-UploadResume.ps1') -ModulePath $ModulePath
& (Join-Path $PSScriptRoot 'Measure-EmulatorRuntime.ps1') -ModulePath $ModulePath
& (Join-Path $PSScriptRoot 'Invoke-FullSizeSuites.ps1') -ModulePath $ModulePath
