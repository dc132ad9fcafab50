<#
.SYNOPSIS
    Import cost: median wall time of `pwsh -NoProfile -c "Import-Module VodTools"` over `pwsh -NoProfile -c exit`.
.DESCRIPTION
    The two commands alternate run by run, so a burst of load from other work on the machine hits both alike.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $Runs = 20)

$pwsh = (Get-Process -Id $PID).Path
$pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })  # @() keeps one argument an array: splatting a lone string passes its characters

function Measure-Start([string] $Command) {
    $ms = (Measure-Command { & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $Command | Out-Null }).TotalMilliseconds
    if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' exited with $LASTEXITCODE" }  # a failed start must not pass for a fast one
    $ms
}

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][math]::Floor($Values.Count / 2)] }

$baseline = [System.Collections.Generic.List[double]]::new()
$import = [System.Collections.Generic.List[double]]::new()
foreach ($run in 1..$Runs) {
    $baseline.Add((Measure-Start 'exit'))
    $import.Add((Measure-Start "`$ErrorActionPreference = 'Stop'; Import-Module '$ModulePath'; exit"))
}
$baselineMs = Get-Median $baseline
$importMs = Get-Median $import
[pscustomobject]@{
    Scenario     = 'Import'
    Runs         = $Runs
    BaselineMs   = [math]::Round($baselineMs)
    ImportMs     = [math]::Round($importMs)
    Ratio        = [math]::Round($importMs / $baselineMs, 2)
    Target       = '<= 1.3'
}
