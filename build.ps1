#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and demonstrates VodTools. Every task stands alone on a fresh clone.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'docs', 'package', 'clean')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # package: Authenticode-sign the module with a code-signing certificate, from a .pfx file (and its password) or,
    # on Windows, from the personal certificate store by thumbprint; optionally timestamped.
    [string] $CertificatePath,
    [securestring] $CertificatePassword,
    [string] $CertificateThumbprint,
    [string] $TimestampServer
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$ProgressPreference = 'SilentlyContinue'
if ($env:CI -and $PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'VodTools'
$PesterVersion = '5.7.1'
# The Pester suites that take longest, started first so that the two lanes of the test task end together.
$LongestSuites = 'Examples', 'Reliability', 'RetrySafety', 'EmulatorLifecycle', 'Fidelity', 'Upload', 'Package', 'Migration', 'Catalogue'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-BuildTask {
    Invoke-Dotnet build (Join-Path $Root 'VodTools.sln') -c $Configuration -nologo -v quiet '-clp:ErrorsOnly'
    # The module folder: the manifest, the loader (the one assembly in PowerShell's shared context), the emulator, and
    # dependencies/ with VodTools.dll (netstandard2.0), its few dependencies and the native SQLite per platform.
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    Invoke-Dotnet publish (Join-Path $Root 'src/VodTools.Loader/VodTools.Loader.csproj') -c $Configuration --no-build -nologo -v quiet -o $ModuleOut
    Invoke-Dotnet publish (Join-Path $Root 'src/VodTools/VodTools.csproj') -c $Configuration --no-build -nologo -v quiet -o (Join-Path $ModuleOut 'dependencies')
    Invoke-Dotnet publish (Join-Path $Root 'src/VodTools.Emulator/VodTools.Emulator.csproj') -c $Configuration --no-build -nologo -v quiet -o (Join-Path $ModuleOut 'emulator')
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    # The manifest, its release notes counting the cmdlets it exports (tests/Pester/Manifest.Tests.ps1 checks that list
    # against VodTools.dll).
    $manifest = Join-Path $Root 'VodTools.psd1'
    $cmdletCount = (Import-PowerShellDataFile $manifest).CmdletsToExport.Count
    (Get-Content -Raw $manifest).Replace('{{CmdletCount}}', "$cmdletCount") | Set-Content (Join-Path $ModuleOut 'VodTools.psd1') -NoNewline -Encoding utf8NoBOM
    Get-ChildItem (Join-Path $Root 'src/VodTools') -Filter '*.ps1xml' | Copy-Item -Destination $ModuleOut
    Build-Help
    Remove-Item (Join-Path $ModuleOut '*.deps.json'), (Join-Path $ModuleOut '*.pdb'), (Join-Path $ModuleOut 'dependencies/*.deps.json'), (Join-Path $ModuleOut 'dependencies/*.pdb') -ErrorAction Ignore
    Write-Host "Module built: $ModuleOut"
}

# pwsh as this script runs it: pwsh itself, or dotnet with pwsh.dll (the local tool).
function Get-PwshCommand {
    $executable = (Get-Process -Id $PID).Path
    @($executable) + @(if ([System.IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
}

# The help, from the cmdlets themselves and the pages of docs/en-US: a copy of the pages (out/docs/en-US) gets its
# SYNTAX, PARAMETERS, INPUTS and OUTPUTS written again from the module just built (in a PowerShell of its own, so that
# this one does not load the module), and is compiled into MAML. The help cannot say what the cmdlets do not.
function Build-Help {
    $pages = Join-Path $Out 'docs/en-US'
    if (Test-Path $pages) { Remove-Item $pages -Recurse -Force }
    $null = New-Item -ItemType Directory $pages
    Copy-Item (Join-Path $Root 'docs/en-US/*.md') $pages
    $pwsh = Get-PwshCommand
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Update-CommandHelp.ps1') -ModulePath (Join-Path $ModuleOut 'VodTools.psd1') -DocsPath $pages
    if ($LASTEXITCODE -ne 0) { throw "tools/Update-CommandHelp.ps1 failed with exit code $LASTEXITCODE" }
    Invoke-Dotnet (Join-Path $Root "tools/HelpCompiler/bin/$Configuration/net10.0/HelpCompiler.dll") $pages (Join-Path $ModuleOut 'en-US') 'VodTools'
}

function Get-PesterModulePath {
    Invoke-Dotnet restore (Join-Path $Root 'tests/Pester/TestDependencies.csproj') -nologo -v quiet
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = & dotnet nuget locals global-packages --list
        $packages = ($line -replace '^global-packages:\s*', '').Trim()
    }
    Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
}

function Get-TrxCounts([string] $Directory) {
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction Ignore) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

# The queue of tools/Invoke-PesterQueue.ps1: a ticket per Pester suite, the longest first, then by name. Returns their number.
function New-PesterQueue([string] $Path) {
    $null = New-Item -ItemType Directory $Path
    $suites = Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter '*.Tests.ps1' | Sort-Object {
        $rank = [array]::IndexOf($LongestSuites, $_.Name -replace '\.Tests\.ps1$')
        if ($rank -lt 0) { $LongestSuites.Count } else { $rank }
    }, Name
    $order = 0
    foreach ($suite in $suites) { $null = New-Item -ItemType File (Join-Path $Path ('{0:d2}-{1}' -f $order++, $suite.Name)) }
    $order
}

# The module's core (Api, Services, the loader's Windows PowerShell 5.1 resolver) built for net472 and run on Mono, the
# closest to Windows PowerShell 5.1 (.NET Framework) a Linux machine has; the emulator runs on .NET beside it.
function Invoke-MonoTests([string] $Results) {
    if (-not (Get-Command mono -ErrorAction Ignore)) {
        Write-Host '== Mono: skipped (mono is not installed; on Debian: apt-get install -y mono-devel)'
        return [pscustomobject]@{ Passed = 0; Failed = 0 }
    }
    Write-Host '== Mono (net472)'
    $project = Join-Path $Root 'tests/VodTools.NetFx.Tests'
    Invoke-Dotnet build (Join-Path $project 'VodTools.NetFx.Tests.csproj') -c $Configuration -nologo -v quiet '-clp:ErrorsOnly' | Out-Host
    $bin = Join-Path $project "bin/$Configuration/net472"
    $xml = Join-Path $Results 'mono.xml'
    & mono (Join-Path $bin 'runner/xunit.console.exe') (Join-Path $bin 'VodTools.NetFx.Tests.dll') -noshadow -parallel none -xml $xml | Out-Host
    $assembly = if (Test-Path $xml) { ([xml](Get-Content -LiteralPath $xml -Raw)).assemblies.assembly }
    if (-not $assembly) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }  # the runner crashed
    [pscustomobject]@{ Passed = [int]$assembly.GetAttribute('passed'); Failed = [int]$assembly.GetAttribute('failed') + [int]$assembly.GetAttribute('errors') }
}

function Invoke-TestTask {
    # The layout .editorconfig sets (indentation, braces, line ends, spaces): a change that breaks it fails the run.
    Write-Host '== Format (dotnet format whitespace --verify-no-changes)'
    & dotnet format whitespace (Join-Path $Root 'VodTools.sln') --verify-no-changes
    $formatFailed = [int]($LASTEXITCODE -ne 0)
    Invoke-BuildTask
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    # The seed of the emulators' random faults, one per run: a failure names it, and setting it again replays the draws.
    if (-not $env:VODTOOLS_FAULT_SEED) { $env:VODTOOLS_FAULT_SEED = Get-Random -Minimum 0 -Maximum ([int]::MaxValue) }
    Write-Host "Fault seed: $env:VODTOOLS_FAULT_SEED (VODTOOLS_FAULT_SEED=$env:VODTOOLS_FAULT_SEED draws the same faults again)"
    $env:VODTOOLS_MODULE = Join-Path $ModuleOut 'VodTools.psd1'

    # Two lanes at once, as the Pester suites spend much of their time waiting (quotas, retry pauses, transcodes,
    # emulators starting): this process, and a second one that runs xunit first. Both take Pester suites from one
    # queue, the longest first, until none is left.
    $queue = Join-Path $results 'pester-queue'
    $suiteCount = New-PesterQueue $queue
    $lane = @{ QueuePath = $queue; SuitePath = Join-Path $Root 'tests/Pester'; ResultsPath = $results; PesterPath = Get-PesterModulePath }
    $pwsh = Get-PwshCommand
    $laneSummary = Join-Path $results 'pester-lane.json'
    $secondLane = Start-ThreadJob -ArgumentList (Join-Path $Root 'VodTools.sln'), $Configuration, $pwsh, (Join-Path $Root 'tools/Invoke-PesterQueue.ps1'), $lane, $laneSummary -ScriptBlock {
        param($solution, $configuration, $pwsh, $queueScript, $lane, $summary)
        & dotnet test $solution -c $configuration --no-build -nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $lane.ResultsPath 2>&1 | Out-String
        $xunitExit = $LASTEXITCODE
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $queueScript -QueuePath $lane.QueuePath -SuitePath $lane.SuitePath `
            -ResultsPath $lane.ResultsPath -PesterPath $lane.PesterPath -SummaryPath $summary 2>&1 | Out-String
        $xunitExit
    }

    Write-Host '== Pester (this lane; the other lane''s output follows)'
    $here = & (Join-Path $Root 'tools/Invoke-PesterQueue.ps1') @lane
    $mono = Invoke-MonoTests $results  # while the other lane may still run its last suites
    Write-Host '== xunit, then Pester in the second lane'
    $secondOutput = @(Receive-Job $secondLane -Wait -AutoRemoveJob)
    $xunitExit = $secondOutput[-1]
    $secondOutput | Select-Object -SkipLast 1 | Write-Host
    $xunit = Get-TrxCounts $results
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }  # a crashed test host counts as a failure
    $there = if (Test-Path $laneSummary) { Get-Content -Raw $laneSummary | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Suites = 0 } }
    $pesterPassed = $here.Passed + $there.Passed
    $pesterFailed = $here.Failed + $there.Failed
    if ($here.Suites + $there.Suites -ne $suiteCount) { $pesterFailed++ }  # a suite left unrun counts as a failure

    $passed = $xunit.Passed + $mono.Passed + $pesterPassed
    $failed = $formatFailed + $xunit.Failed + $mono.Failed + $pesterFailed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    Write-Host "Mono: $($mono.Passed) passed, $($mono.Failed) failed"
    if ($formatFailed) { Write-Host 'Format: the files above differ from .editorconfig (dotnet format whitespace VodTools.sln fixes them)' }
    Write-Host "Pester: $pesterPassed passed, $pesterFailed failed ($($here.Suites) suites in this lane, $($there.Suites) in the other)"
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    & (Join-Path $Root 'tools/Demo.ps1') -ModulePath (Join-Path $ModuleOut 'VodTools.psd1')
}

function Invoke-BenchTask {
    Invoke-BuildTask
    & (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') -ModulePath (Join-Path $ModuleOut 'VodTools.psd1')
}

function Invoke-DocsTask {
    # The pages the build wrote from the cmdlets back into docs/en-US: their generated sections refreshed, and a page
    # (with empty EXAMPLES to fill) for a new cmdlet.
    Invoke-BuildTask
    Copy-Item (Join-Path $Out 'docs/en-US/*.md') (Join-Path $Root 'docs/en-US')
}

function Invoke-PackageTask {
    # A .nupkg that Install-PSResource and Install-Module install, made by PSResourceGet (in PowerShell 7.4+), its files
    # Authenticode-signed first when a certificate is given.
    Invoke-BuildTask
    $signing = @{}
    foreach ($name in 'CertificatePath', 'CertificatePassword', 'CertificateThumbprint', 'TimestampServer') {
        $value = Get-Variable -Name $name -Scope Script -ValueOnly
        if ($value) { $signing[$name] = $value }
    }
    & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModulePath $ModuleOut -OutputPath (Join-Path $Out 'packages') @signing |
        ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-CleanTask {
    foreach ($dir in @($Out) + (Get-ChildItem $Root -Directory -Recurse -Include 'bin', 'obj' | ForEach-Object FullName)) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
}

switch ($Task) {
    'build' { Invoke-BuildTask }
    'test' { Invoke-TestTask }
    'demo' { Invoke-DemoTask }
    'bench' { Invoke-BenchTask }
    'docs' { Invoke-DocsTask }
    'package' { Invoke-PackageTask }
    'clean' { Invoke-CleanTask }
}
