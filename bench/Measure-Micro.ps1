<#
.SYNOPSIS
    Scenario 4's micro-benchmarks (BenchmarkDotNet, short run): XML page parsing per 1,000 keys, RPC V3 and OSS V4
    signing per call, the RegisterMedia request build and a whole 10-file RegisterMedia call against a canned answer.
#>
param([string] $Filter = '*MicroBenchmarks*')  # not a lone '*': pwsh on Unix may expand it to file names

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
$artifacts = Join-Path ([System.IO.Path]::GetTempPath()) 'vodtools-bench-micro'
$log = Invoke-BenchTool micro --filter $Filter --artifacts $artifacts
if (-not (Test-Path (Join-Path $artifacts "results"))) { $log | Select-Object -Last 30 | Out-Host; throw "BenchmarkDotNet wrote no results" }
Get-Content (Get-ChildItem (Join-Path $artifacts 'results') -Filter '*-report-github.md' | Select-Object -First 1).FullName
