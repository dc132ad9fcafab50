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

# Bounded wait: polls $Condition every 50 ms for at most $Seconds; returns whether it became true.
function Wait-Until([scriptblock] $Condition, [int] $Seconds = 60) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 50
    }
    $false
}

Export-ModuleMember -Function Import-VodToolsUnderTest, Start-TestEmulator, Wait-Until
