BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Register-VodMedia' {
    It 'registers what Get-OssObject lists, one VodMedia per file in input order' {
        $objects = Get-OssObject -Bucket media-archive -Include '*.mp4' | Select-Object -First 23
        $media = $objects | Register-VodMedia
        $media.Count | Should -Be 23
        for ($i = 0; $i -lt 23; $i++) { $media[$i].FileUrl | Should -Be $objects[$i].FileUrl }
        $media.MediaId | ForEach-Object { $_ | Should -Match '^[0-9a-f]{32}$' }
        ($media.MediaId | Sort-Object -Unique).Count | Should -Be 23
        $media | ForEach-Object { $_.NewRegister | Should -BeTrue }
    }

    It 'keeps its progress current while the commands after it hold each media' {
        # a hosted pipeline keeps its progress records; the sleep plays a slow Start-VodTranscode downstream
        $runner = [powershell]::Create()
        try {
            $helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'
            $null = $runner.AddScript("Import-Module '$helpers'; Import-VodToolsUnderTest; " +
                'Get-OssObject -Bucket media-archive -Prefix audio/podcasts/ | Select-Object -Last 5 | Register-VodMedia -TemplateGroupId VOD_NO_TRANSCODE | ForEach-Object { Start-Sleep -Milliseconds 700; $_ }')
            $media = $runner.Invoke()
            $media.Count | Should -Be 5
            $shown = $runner.Streams.Progress | Where-Object { $_.Activity -like 'Registering*' -and $_.RecordType -ne 'Completed' } |
                ForEach-Object { [int]($_.StatusDescription -replace ' registered.*$') }
            # each media counted before it went on, not all at the end
            ($shown | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 4 -Because "the bar showed: $($shown -join ', ')"
        }
        finally { $runner.Dispose() }
    }

    It 'returns the same MediaId with NewRegister false on a second run' {
        $objects = Get-OssObject -Bucket media-archive -Include '*.mp4' | Select-Object -First 5
        $first = $objects | Register-VodMedia
        $again = $objects | Register-VodMedia
        $again.MediaId | Should -Be $first.MediaId
        $again | ForEach-Object { $_.NewRegister | Should -BeFalse }
    }

    It 'takes the title from the file name unless one is given' {
        $objects = Get-OssObject -Bucket media-archive -Include '*.mov' | Select-Object -First 2
        $expected = [System.IO.Path]::GetFileNameWithoutExtension($objects[0].Key.Split('/')[-1])
        ($objects[0] | Register-VodMedia).Title | Should -Be $expected
        (Register-VodMedia -Bucket media-archive -Key $objects[1].Key -Title 'Given title').Title | Should -Be 'Given title'
        (Get-VodMedia -MediaId (Register-VodMedia -Bucket media-archive -Key $objects[1].Key).MediaId).Title | Should -Be 'Given title'
    }

    It 'shows what VOD keeps for a file registered before, and says which asked fields it ignored' {
        $object = Get-OssObject -Bucket media-archive -Include '*.mov' | Select-Object -Skip 2 -First 1
        $first = $object | Register-VodMedia -Description 'first'
        $again = [pscustomobject]@{ FileUrl = $object.FileUrl; Title = 'Film One 2019'; Description = 'first' } |
            Register-VodMedia -WarningVariable kept -WarningAction SilentlyContinue
        $again.MediaId | Should -Be $first.MediaId
        $again.NewRegister | Should -BeFalse
        $again.Title | Should -Be $first.Title
        $again.Status | Should -Not -BeNullOrEmpty   # read back from VOD
        $kept.Count | Should -Be 1
        "$($kept[0])" | Should -BeLike "*keeps its title '$($first.Title)' (not 'Film One 2019')*"
        "$($kept[0])" | Should -Not -BeLike '*description*'
    }

    It 'reports bad items as non-terminating errors with stable ids while the good ones flow' {
        $good = Get-OssObject -Bucket media-archive -Include '*.mp4' | Select-Object -First 2
        $items = @(
            $good[0]
            [pscustomobject]@{ FileUrl = 'https://media-archive.oss-cn-shanghai.aliyuncs.com/no/such/file.mp4' }
            [pscustomobject]@{ FileUrl = 'https://example.com/not-oss.mp4' }
            [pscustomobject]@{ FileUrl = $good[1].FileUrl; Title = ('x' * 129) }
            [pscustomobject]@{ FileUrl = $good[1].FileUrl; Title = 'party 🎉' }
            [pscustomobject]@{ Bucket = 'media-archive'; Key = 'folder/' }
            $good[1]
        )
        $media = $items | Register-VodMedia -ErrorVariable failures -ErrorAction SilentlyContinue
        $media.FileUrl | Should -Be @($good[0].FileUrl, $good[1].FileUrl)
        $failures.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Should -Be @(
            'VodFileUrlNotOss', 'VodTitleTooLong', 'VodTitleHasEmoji', 'VodFileExtensionMissing', 'VodRegisterRefused')
        ($failures | Where-Object { $_.FullyQualifiedErrorId -like 'VodRegisterRefused*' }).TargetObject.FileUrl | Should -BeLike '*/no/such/file.mp4'
    }

    It 'registers nothing with -WhatIf' {
        $object = Get-OssObject -Bucket media-archive -Include '*.mp3' | Select-Object -First 1
        $object | Register-VodMedia -WhatIf | Should -BeNullOrEmpty
        ($object | Register-VodMedia).NewRegister | Should -BeTrue
    }

    It 'refuses -UserData that is not a JSON object before any call' {
        { Register-VodMedia -FileUrl 'https://media-archive.oss-cn-shanghai.aliyuncs.com/a.mp4' -UserData '{not json' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VodJsonParameterInvalid,VodTools.Commands.RegisterVodMediaCommand'
    }

    It 'takes -FileUrl as objects print, oss://bucket/key, for a bucket of the session''s region' {
        $object = Get-OssObject -Bucket media-archive -Include '*.mp4' | Select-Object -Last 1
        $media = Register-VodMedia -FileUrl "$object"
        "$object" | Should -BeLike 'oss://media-archive/*'
        $media.FileUrl | Should -Be $object.FileUrl
        (Get-OssBucket media-archive).Name | Should -Be 'media-archive'
    }

    It 'checks -TemplateGroupId once, before any file is sent, with one error' {
        $objects = Get-OssObject -Bucket media-archive -Include '*.mp4' | Select-Object -First 3
        $output = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try { $objects | Register-VodMedia -TemplateGroupId 'no-such-group' -Verbose 4>&1 | ForEach-Object { $output.Add($_) } } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'VodTemplateGroupNotFound,VodTools.Commands.RegisterVodMediaCommand'
        $failure.ToString() | Should -BeLike "*no transcode template group 'no-such-group'*no file was sent*"
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^VOD RegisterMedia attempt' }) | Should -BeNullOrEmpty
        @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
    }

    It 'names the item in each per-item error it writes' {
        $bogus = 'fedcba9876543210fedcba9876543210'
        Start-VodTranscode -MediaId $bogus -TemplateGroupId (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).TemplateGroupId -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].ToString() | Should -BeLike "$($bogus): *"
        $failures[0].Exception.Message | Should -Not -BeLike "$($bogus): *"   # the exception stays the cloud's own words
    }
}
