<#
.SYNOPSIS
    Import cost: median wall time of `pwsh -NoProfile -c "Import-Module VodTools"` over `pwsh -NoProfile -c exit`.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $Runs = 20)

$pwsh = (Get-Process -Id $PID).Path
$pwshArgs = @(if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { 'pwsh' })  # @() keeps one argument an array: splatting a lone string passes its characters

function Measure-Median([string] $Command) {
    $times = 1..$Runs | ForEach-Object {
        $ms = (Measure-Command { & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $Command | Out-Null }).TotalMilliseconds
        if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' exited with $LASTEXITCODE" }  # a failed start must not pass for a fast one
        $ms
    }
    ($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
}

$baseline = Measure-Median 'exit'
$import = Measure-Median "`$ErrorActionPreference = 'Stop'; Import-Module '$ModulePath'; exit"
[pscustomobject]@{
    Scenario     = 'Import'
    Runs         = $Runs
    BaselineMs   = [math]::Round($baseline)
    ImportMs     = [math]::Round($import)
    Ratio        = [math]::Round($import / $baseline, 2)
    Target       = '<= 1.3'
}
