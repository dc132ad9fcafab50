# Shared by every Pester suite: import the built module and run a fresh in-memory emulator on a random port.

function Import-VodToolsUnderTest {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    Import-Module $module -Force -Global -ErrorAction Stop
}

function Start-TestEmulator {
    param([switch] $SeedSample, [string] $Quota = 'off', [string] $Faults, [double] $TranscodeSeconds = 1)
    $arguments = @{ InMemory = $true; SeedSample = $SeedSample; Quota = $Quota; TranscodeSeconds = $TranscodeSeconds }
    if ($Faults) { $arguments.Faults = $Faults }
    Start-VodEmulator @arguments
}

Export-ModuleMember -Function Import-VodToolsUnderTest, Start-TestEmulator
