<#
.SYNOPSIS
    Runs the Pester suites waiting in a queue folder, one at a time, until none is left; build.ps1 test runs two of
    these at once, in two processes, over one queue.
.DESCRIPTION
    The queue holds one empty file per suite, named <order>-<suite file name>; the first in name order is run next. A
    process claims a suite by renaming its file (then removes it), which only one process can do, so each suite runs
    once whichever process takes it. The suites run as users' scripts do (strict mode off). Each suite's results are
    written to <ResultsPath>/pester-<suite>.xml (NUnit). The counts of the suites this process ran (passed, failed,
    suites) are returned, or written as JSON to -SummaryPath when given.
#>
param(
    [Parameter(Mandatory)] [string] $QueuePath,
    [Parameter(Mandatory)] [string] $SuitePath,
    [Parameter(Mandatory)] [string] $ResultsPath,
    [Parameter(Mandatory)] [string] $PesterPath,
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Off
# Plain text in this process and the pwsh processes the suites start: an escape character in a failure's message
# would make the NUnit results file invalid XML and lose the whole suite's results.
$env:NO_COLOR = '1'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterPath
$counts = [ordered]@{ Passed = 0; Failed = 0; Suites = 0 }
while ($true) {
    $ticket = Get-ChildItem -LiteralPath $QueuePath -File | Where-Object Name -Match '^\d+-.+\.Tests\.ps1$' | Sort-Object Name | Select-Object -First 1
    if (-not $ticket) { break }
    $claimed = "$($ticket.FullName).$PID"
    try { [System.IO.File]::Move($ticket.FullName, $claimed) }
    catch [System.IO.IOException] { continue }  # the other process took it first
    Remove-Item -LiteralPath $claimed
    $suite = $ticket.Name -replace '^\d+-'
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $SuitePath $suite
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Normal'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $ResultsPath ('pester-' + ($suite -replace '\.Tests\.ps1$') + '.xml')
    $counts.Suites++
    try { $result = Invoke-Pester -Configuration $config }
    catch {
        # Pester itself failed (its results file, say): the suite's outcome is unknown, so it counts as a failure.
        Write-Host "$suite could not be run to the end: $_"
        $counts.Failed++
        continue
    }
    $counts.Passed += $result.PassedCount
    $counts.Failed += $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}
if ($SummaryPath) { [pscustomobject]$counts | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath } else { [pscustomobject]$counts }
