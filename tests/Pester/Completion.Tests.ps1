# Tab completion of the names that live in the cloud, through TabExpansion2 as the prompt calls it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
}

Describe 'Completion against the emulator' {
    BeforeAll {
        $emulator = Start-TestEmulator -SeedSample
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        $group = New-VodTranscodeTemplateGroup -Name hd-web -TemplateList @{ TemplateName = 'hd-mp4'; Definition = 'HD'; Container = @{ Format = 'mp4' }; Video = @{ Codec = 'H.264'; Bitrate = '1500' } }
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'completes -TemplateGroupId from a group''s name or the start of its id, and shows the name' {
        $byName = Get-Completion 'Start-VodTranscode -TemplateGroupId hd-'
        $byName.CompletionText | Should -Be $group.TemplateGroupId
        $byName.ListItemText | Should -Be "$($group.TemplateGroupId) (hd-web)"
        (Get-Completion "Register-VodMedia -TemplateGroupId $($group.TemplateGroupId.Substring(0, 6))").CompletionText | Should -Be $group.TemplateGroupId
        (Get-Completion 'Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId zz') | Should -BeNullOrEmpty
    }

    It 'completes -RoleName and -PolicyName from RAM' {
        (Get-Completion 'Remove-RamRolePolicy -RoleName vod-').CompletionText | Should -Be 'vod-pass-mps'
        (Get-Completion 'Get-RamPolicy -PolicyName vod-pass').CompletionText | Should -Be 'vod-pass-mps'
        (Get-Completion 'Add-RamRolePolicy -RoleName vod-pass-mps -PolicyName VOD-PASS').CompletionText | Should -Be 'vod-pass-mps' -Because 'the prefix matches case-insensitively'
    }

    It 'completes -Bucket on the configuration cmdlets too' {
        (Get-Completion 'Set-VodPolicy -Bucket med').CompletionText | Should -Be 'media-archive'
        (Get-Completion 'Add-VodStorage -Bucket med').CompletionText | Should -Be 'media-archive'
    }

    It 'keeps the names it fetched for a while instead of calling the cloud on every Tab' {
        (Get-Completion 'Get-RamRole -RoleName ').CompletionText | Should -Be 'vod-pass-mps'
        New-VodPassMpsRole -RoleName vod-extra | Out-Null
        (Get-Completion 'Get-RamRole -RoleName ').CompletionText | Should -Be 'vod-pass-mps'
        (Get-RamRole).RoleName | Should -Contain 'vod-extra'
    }
}

Describe 'Completion when the cloud is slow' {
    BeforeAll {
        $slow = Start-TestEmulator -Faults 'delay:1:10000'
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $slow.ProcessId
    }

    It 'gives up within its time box and offers nothing, without an error' {
        $Error.Clear()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Get-Completion 'Get-RamRole -RoleName vod' | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $Error.Count | Should -Be 0
    }
}
