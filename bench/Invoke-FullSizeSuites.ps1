<#
.SYNOPSIS
    The Pester suites whose CI run is sized down to seconds, at their full size: the migration of
    tests/Pester/Reliability.Tests.ps1 with 2,000 files (CI runs 60), the seed pipeline of RetrySafety.Tests.ps1 with
    300 files (CI runs 60), and Catalogue.Tests.ps1 at the cloud's SearchMedia limit of 5,000 results (CI sets the
    emulator's limit to 200). Prints each scenario's "[figures]" line. Not run by CI: the quota alone makes it take
    minutes. Record what it finds in bench/results.md.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Invoke-FullSizeSuites.ps1 -ModulePath ./out/VodTools/VodTools.psd1 -Suite Reliability
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [ValidateSet('Reliability', 'RetrySafety', 'Catalogue')] [string[]] $Suite = @('Reliability', 'RetrySafety', 'Catalogue'),
    [int] $MigrationFiles = 2000,
    [int] $RetrySafetyFiles = 300,
    [int] $SearchResultLimit = 5000
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $env:HOME '.nuget/packages/pester/5.7.1/tools/Pester.psd1')
$env:VODTOOLS_MODULE = (Resolve-Path $ModulePath).Path
$sizes = @{ Reliability = @{ Files = $MigrationFiles }; RetrySafety = @{ Files = $RetrySafetyFiles }; Catalogue = @{ SearchResultLimit = $SearchResultLimit } }
$failed = 0
foreach ($name in $Suite) {
    $container = New-PesterContainer -Path (Join-Path $PSScriptRoot "../tests/Pester/$name.Tests.ps1") -Data $sizes[$name]
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $result = Invoke-Pester -Container $container -Output Detailed -PassThru
    Write-Host ("{0} at {1}: {2} passed, {3} failed, {4:N0} s" -f $name, (($sizes[$name].GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' '), $result.PassedCount, $result.FailedCount, $watch.Elapsed.TotalSeconds)
    $failed += $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}
if ($failed -gt 0) { exit 1 }
