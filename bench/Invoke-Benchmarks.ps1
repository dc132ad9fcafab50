<#
.SYNOPSIS
    Runs the benchmarks of bench/ (issue 7). Figures are ratios measured in one run on this machine.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $ImportRuns = 20)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Measure-Import.ps1') -ModulePath $ModulePath -Runs $ImportRuns
