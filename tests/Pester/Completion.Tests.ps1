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

    It 'offers only custom policies where only those can be deleted, written or attached, and the typed -PolicyType''s elsewhere' {
        (Get-Completion 'Get-RamPolicy -PolicyName AliyunVOD').CompletionText | Should -Contain 'AliyunVODFullAccess' -Because 'Get-RamPolicy reads system policies too'
        (Get-Completion 'Get-RamPolicy -PolicyType Custom -PolicyName ').CompletionText | Should -Be 'vod-pass-mps'
        foreach ($line in 'Remove-RamPolicy -PolicyName ', 'Set-VodPolicy -PolicyName ', 'Initialize-VodBucketAccess -Bucket media-archive -PolicyName ',
            'Add-RamRolePolicy -RoleName vod-pass-mps -PolicyName ', 'Remove-RamRolePolicy vod-pass-mps -PolicyName ') {
            (Get-Completion $line).CompletionText | Should -Be 'vod-pass-mps' -Because "$line acts on custom policies only"
        }
        (Get-Completion 'Remove-RamPolicy -PolicyName Aliyun') | Should -BeNullOrEmpty -Because 'deleting a system policy fails with EntityNotExist.Policy'
        (Get-Completion 'Add-RamRolePolicy -RoleName vod-pass-mps -PolicyType System -PolicyName AliyunVOD').CompletionText | Should -Contain 'AliyunVODFullAccess'
        { Remove-RamPolicy -PolicyName AliyunVODFullAccess -Confirm:$false -ErrorAction Stop } | Should -Throw -Because 'what completion leaves out cannot be deleted'
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

Describe 'Completion of -Region' {
    It 'offers on a VOD cmdlet only the regions where VOD is offered, and every region on the others' {
        $vod = (Get-Completion 'Get-VodMedia -Region ').CompletionText
        $vod | Should -Contain 'eu-central-1'
        $vod | Should -Contain 'cn-hangzhou' -Because 'VOD serves Hangzhou accounts through Shanghai'
        $vod | Should -Not -Contain 'eu-west-1'
        $vod | Should -Not -Contain 'me-east-1'
        foreach ($region in $vod) { [VodTools.Api.Endpoints.EndpointResolver]::new($region).ServesVod | Should -BeTrue -Because "$region is offered" }
        (Get-Completion 'Start-VodEmulator -Region me-') | Should -BeNullOrEmpty
        (Get-Completion 'VodTools\Set-VodContext -Region eu-').CompletionText | Should -Be 'eu-central-1'
        (Get-Completion 'Get-OssObject -Bucket b -Region eu-').CompletionText | Should -Be @('eu-central-1', 'eu-west-1') -Because 'OSS is in both'
        (Get-Completion 'Get-RamRole -Region me-').CompletionText | Should -Contain 'me-east-1'
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
