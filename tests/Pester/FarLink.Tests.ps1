# The fan-out cmdlets far from the region: an emulator that adds a round trip of 500 ms to every request, and one more
# to every new connection (Start-VodEmulator -LatencyMs), under VOD's real quotas. At 100 ms the 8 calls in flight that
# serve a near link still reach RegisterMedia's quota, so nothing would change; at 500 ms they reach a third of it.
# Kept to seconds; bench/Measure-FarLink.ps1 measures the rates at 0, 100, 250 and 500 ms (bench/results.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
}

Describe 'Register-VodMedia from far away: every round trip 500 ms longer (Start-VodEmulator -LatencyMs)' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'far'
        foreach ($part in 'capped', 'adaptive') {
            $null = New-Item -ItemType Directory -Force (Join-Path $folder $part)
            $count = if ($part -eq 'capped') { 100 } else { 300 }
            foreach ($n in 1..$count) { Set-Content (Join-Path $folder "$part/clip-$n.mp4") "clip $part $n" }
        }
        $script:far = Start-VodEmulator -InMemory -Lenient -Quota real -LatencyMs 500 -SeedPath $folder -Bucket far-media
        function Get-FarStats { Invoke-RestMethod "$($far.Url)/_emulator/stats" }

        # Registers the files under $Prefix with -Verbose; returns the media, the lines that tell the calls in flight rose,
        # and the most requests the emulator served at once since it started.
        function Register-Far([string] $Prefix, [hashtable] $Parameters = @{}) {
            $all = @(Get-OssObject -Bucket far-media -Prefix $Prefix | Register-VodMedia @Parameters -Verbose 4>&1)
            [pscustomobject]@{
                Media = @($all | Where-Object { $_ -is [VodTools.Model.VodMedia] })
                Rises = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'RegisterMedia: * calls in flight*' } | ForEach-Object Message)
                Peak  = [int](Get-FarStats).peakConcurrentRequests
            }
        }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $far.ProcessId
    }

    It 'keeps no more calls in flight than -ThrottleLimit when it is given' {
        $capped = Register-Far capped/ @{ ThrottleLimit = 5 }
        $capped.Media.Count | Should -Be 100
        $capped.Peak | Should -BeLessOrEqual 5
        $capped.Rises | Should -BeNullOrEmpty
    }

    It 'keeps more calls in flight as it measures the longer round trip, says so in -Verbose, and completes unthrottled' {
        $adaptive = Register-Far adaptive/
        $adaptive.Media.Count | Should -Be 300
        ($adaptive.Media.MediaId | Sort-Object -Unique).Count | Should -Be 300
        # 8 calls in flight, the count that serves a near link, could never have the emulator serve more than 8 at once
        $adaptive.Peak | Should -BeGreaterThan 8
        $adaptive.Rises.Count | Should -BeGreaterOrEqual 12   # one more as each of the 30 calls ends, while the rule wants more
        $adaptive.Rises[0] -match '^RegisterMedia: 9 calls in flight, as a call takes (\d+) ms and the quota is 50 a second$' | Should -BeTrue -Because $adaptive.Rises[0]
        [int]$Matches[1] | Should -BeGreaterOrEqual 500   # the round trip at least
        (Get-FarStats).throttled | Should -BeNullOrEmpty   # the QPS budget kept to the quota
    }
}
