<#
.SYNOPSIS
    The full-size migration of issue 8: tests/Pester/Reliability.Tests.ps1 with 2,000 files (CI runs 300), under
    500/503 at 10 % each, 5 % dropped connections, 5 % slow answers, 5 % answers lost after the emulator acted
    and the real QPS quota. Prints the figures line
    of each scenario ("[figures] migration: ..."). Not run by CI: the quota alone makes it take minutes.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Invoke-ReliabilityMigration.ps1 -ModulePath ./out/VodTools/VodTools.psd1
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $Files = 2000)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $env:HOME '.nuget/packages/pester/5.7.1/tools/Pester.psd1')
$env:VODTOOLS_MODULE = (Resolve-Path $ModulePath).Path
$env:VODTOOLS_MIGRATION_FILES = $Files
$result = Invoke-Pester (Join-Path $PSScriptRoot '../tests/Pester/Reliability.Tests.ps1') -Output Detailed -PassThru
if ($result.FailedCount -gt 0) { exit 1 }
