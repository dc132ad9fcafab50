# Shared by every Pester suite: import the built module and run a fresh in-memory emulator on a random port.

function Import-VodToolsUnderTest {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    Import-Module $module -Force -Global -ErrorAction Stop
}

# -Strict plays the cloud's refusals (RAM policies, VOD storage, the transcoding role, region endpoints); the suites that
# are not about them start it -Lenient rather than set the account up before every test.
function Start-TestEmulator {
    param([switch] $SeedSample, [string] $Quota = 'off', [string] $Faults, [double] $TranscodeSeconds = 1, [switch] $Strict)
    $arguments = @{ InMemory = $true; SeedSample = $SeedSample; Quota = $Quota; TranscodeSeconds = $TranscodeSeconds; Lenient = -not $Strict }
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
