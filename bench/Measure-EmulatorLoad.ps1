<#
.SYNOPSIS
    Scenario 5: signed RPC requests/s the emulator serves (in memory, quota off), from the bench tool's load
    generator on loopback, bounded by -Requests and -Seconds.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Requests = 100000,
    [double] $Seconds = 20,
    [int] $Concurrency = 32
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$tool = Get-BenchTool
$emulator = Start-VodEmulator -InMemory -Lenient
try {
    $load = Get-LoadAverage
    $json = & dotnet $tool load --url $emulator.Url --requests $Requests --seconds $Seconds --concurrency $Concurrency
    $r = $json | Select-Object -Last 1 | ConvertFrom-Json
    [pscustomobject]@{
        Scenario           = 'EmulatorHeadroom'
        LoadAverageAtStart = $load
        Requests           = $r.requests
        Ok                 = $r.ok
        Failed             = $r.failed
        Seconds            = $r.seconds
        RequestsPerSecond  = $r.perSecond
        Concurrency        = $r.concurrency
        Target             = '>= 5000/s'
    }
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}
