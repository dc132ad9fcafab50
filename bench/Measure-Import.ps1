<#
.SYNOPSIS
    Import cost: median wall time of `pwsh -NoProfile -c "Import-Module VodTools"` over `pwsh -NoProfile -c exit`.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $Runs = 20)

$pwsh = (Get-Process -Id $PID).Path
$pwshArgs = if ((Split-Path $pwsh -Leaf) -like 'dotnet*') { @('pwsh') } else { @() }

function Measure-Median([string] $Command) {
    $times = 1..$Runs | ForEach-Object {
        (Measure-Command { & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $Command | Out-Null }).TotalMilliseconds
    }
    ($times | Sort-Object)[[int][math]::Floor($Runs / 2)]
}

$baseline = Measure-Median 'exit'
$import = Measure-Median "Import-Module '$ModulePath'; exit"
[pscustomobject]@{
    Scenario     = 'Import'
    Runs         = $Runs
    BaselineMs   = [math]::Round($baseline)
    ImportMs     = [math]::Round($import)
    Ratio        = [math]::Round($import / $baseline, 2)
    Target       = '<= 1.3'
}
