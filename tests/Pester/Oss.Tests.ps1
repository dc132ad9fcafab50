BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Start-VodEmulator' {
    It 'points the session at the emulator with its local key, secrets masked in Get-VodContext' {
        $script:emulator.Url | Should -Match '^http://127\.0\.0\.1:\d+$'
        $context = Get-VodContext
        $context.Endpoints['Oss'] | Should -Be "$($script:emulator.Url)/"
        $context.AccessKeyId | Should -Be 'VODE****EYID'
        $context.AccessKeySecret | Should -Be '****'
        $context.EmulatorProcessId | Should -Be $script:emulator.ProcessId
    }

    It 'answers Get-VodCallerIdentity as the emulator account, saying where the key came from' {
        $identity = Get-VodCallerIdentity
        $identity.AccountId | Should -Be '1234567890123456'
        $identity.CredentialSource | Should -Match 'session context \(Start-VodEmulator\)'
        $identity.Region | Should -Be 'cn-shanghai'
    }
}

Describe '-Debug and -Verbose' {
    It 'say where the credentials, region and endpoints came from, and never show the secret' {
        $records = Get-OssBucket -Debug -Verbose 5>&1 4>&1 3>&1 2>&1 6>&1
        $debug = ($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message
        $debug | Should -Contain 'Credentials: the session context (Start-VodEmulator): access key VODE****EYID'
        $debug | Should -Contain 'Region: cn-shanghai (from the session context)'
        ($debug -join "`n") | Should -Match "Oss $([regex]::Escape($script:emulator.Url))/"
        ($records | Out-String) | Should -Not -Match 'VodEmulatorSecretKey'
    }
}

Describe 'Get-OssBucket' {
    It 'lists the sample bucket and describes it by name' {
        (Get-OssBucket).Bucket | Should -Contain 'media-archive'
        $bucket = Get-OssBucket -Bucket media-archive
        $bucket.Region | Should -Be 'cn-shanghai'
        (Get-OssBucket -Bucket 'media-*').Bucket | Should -Be 'media-archive'
    }

    It 'gets objects by key, a missing one as a non-terminating ObjectNotFound error' {
        $listed = Get-OssObject media-archive -Include *.mp4 | Select-Object -First 2
        $read = Get-OssObject media-archive -Key $listed[0].Key, 'no/such/key.mp4', $listed[1].Key -ErrorVariable missing -ErrorAction SilentlyContinue
        $read.Key | Should -Be $listed.Key
        $read.Size | Should -Be $listed.Size
        $read.FileUrl | Should -Be $listed.FileUrl
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'OssObjectNotFound,VodTools.Commands.GetOssObjectCommand'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'oss://media-archive/no/such/key.mp4'
    }

    It 'reports a missing bucket as a non-terminating NoSuchBucket error' {
        $result = Get-OssBucket -Bucket no-such-bucket -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OssBucketNotRead*'
        $failures[0].Exception.Code | Should -Be 'NoSuchBucket'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-OssObject' {
    It 'pages through the whole bucket and streams every key once' {
        $all = Get-OssObject -Bucket media-archive -PageSize 37
        $all.Count | Should -BeGreaterThan 100
        ($all.Key | Sort-Object -Unique).Count | Should -Be $all.Count
        $all[0].FileUrl | Should -BeLike 'https://media-archive.oss-cn-shanghai.aliyuncs.com/*'
    }

    It 'filters with -Prefix and -Include, case-insensitively' {
        $mp4 = Get-OssObject -Bucket media-archive -Include '*.MP4'
        $mp4.Count | Should -BeGreaterThan 0
        $mp4.Key | ForEach-Object { $_ | Should -BeLike '*.mp4' }
        $all = Get-OssObject -Bucket media-archive
        $mp4.Count | Should -Be ($all | Where-Object Key -like '*.mp4').Count
    }

    It 'stops after the first page when the pipeline needs no more' {
        # Select-Object sees only objects; the verbose lines (one per API call) come out beside it.
        $out = & { Get-OssObject -Bucket media-archive -PageSize 10 -Verbose | Select-Object -First 3 } 4>&1
        ($out | Where-Object { $_ -is [VodTools.Model.OssObject] }).Count | Should -Be 3
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 1
    }

    It 'returns one page with -NoAutoIteration and leaves the next token for the next call' {
        $page1 = Get-OssObject -Bucket media-archive -PageSize 5 -NoAutoIteration
        $page1.Count | Should -Be 5
        $OssNextContinuationToken | Should -Not -BeNullOrEmpty
        $page2 = Get-OssObject -Bucket media-archive -PageSize 5 -NoAutoIteration -ContinuationToken $OssNextContinuationToken
        $page2.Count | Should -Be 5
        $page2[0].Key | Should -BeGreaterThan $page1[4].Key
    }

    It 'shows folders as prefixes with -Delimiter' {
        $top = Get-OssObject -Bucket media-archive -Delimiter '/'
        ($top | Where-Object IsPrefix).Count | Should -BeGreaterThan 0
        ($top | Where-Object IsPrefix).Key | ForEach-Object { $_ | Should -Match '/$' }
    }

    It 'writes one -Verbose line per API call without any secret' {
        $lines = Get-OssObject -Bucket media-archive -PageSize 1000 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $lines[0].Message | Should -Match '^OSS ListObjectsV2 media-archive attempt 1/5: HTTP 200, RequestId \S+, \d+ ms$'
        ($lines.Message -join "`n") | Should -Not -Match 'VodEmulatorSecretKey'
    }
}

Describe 'Remove-OssObject' {
    It 'does nothing with -WhatIf and deletes for real without it' {
        $victim = Get-OssObject -Bucket media-archive -Include '*.txt' | Select-Object -First 1
        $victim | Remove-OssObject -WhatIf
        (Get-OssObject -Bucket media-archive -Prefix $victim.Key).Key | Should -Contain $victim.Key
        $victim | Remove-OssObject -Confirm:$false
        (Get-OssObject -Bucket media-archive -Prefix $victim.Key).Key | Should -Not -Contain $victim.Key
    }
}

Describe 'Keys with spaces, plus signs, percent signs and dot segments' {
    BeforeAll {
        # put with the module's own OSS client (VodTools has no cmdlet that writes an object of the user's choice)
        $settings = [VodTools.Commands.Common.VodContext]::Current.Settings
        $credentials = [VodTools.Api.Credentials.StaticCredentialProvider]::new(
            [VodTools.Api.Credentials.CloudCredentials]::new($settings.AccessKeyId, $settings.AccessKeySecret), 'test')
        $client = [VodTools.Api.OssClient]::new($settings.Endpoints[[VodTools.Api.Endpoints.CloudService]::Oss], 'cn-shanghai', $credentials,
            [VodTools.Api.Http.HttpTransport]::Shared, [VodTools.Api.ClientOptions]::new())
        $script:keys = 'odd/./dot.mp4', 'odd/../dot-dot.mp4', 'odd/a b+c%d é.mp4', 'odd/plain.mp4'
        foreach ($key in $keys) {
            $put = [VodTools.Api.OssRequest]::new('PutObject', [System.Net.Http.HttpMethod]::Put, 'media-archive', $key)
            $put.Content = [Func[System.Net.Http.HttpContent]] { [System.Net.Http.ByteArrayContent]::new([Text.Encoding]::UTF8.GetBytes("body of $key")) }.GetNewClosure()
            $client.SendAsync($put, 'ResponseContentRead', [Threading.CancellationToken]::None).GetAwaiter().GetResult().Dispose()
        }
    }

    It 'lists each key exactly as it was written' {
        $listed = Get-OssObject -Bucket media-archive -Prefix odd/
        $listed.Key | Should -Be 'odd/../dot-dot.mp4', 'odd/./dot.mp4', 'odd/a b+c%d é.mp4', 'odd/plain.mp4' # byte order
        ($listed | Where-Object Key -eq 'odd/../dot-dot.mp4').Size | Should -Be ([Text.Encoding]::UTF8.GetByteCount('body of odd/../dot-dot.mp4'))
        (Get-OssObject -Bucket media-archive -Prefix 'odd/a b+c').Key | Should -Be 'odd/a b+c%d é.mp4'
    }

    It 'registers them with VOD by a FileURL that keeps the dot segments' {
        $media = Get-OssObject -Bucket media-archive -Prefix odd/ | Register-VodMedia
        $media.Count | Should -Be 4
        ($media | Where-Object FileUrl -like '*/odd/%2E%2E/dot-dot.mp4').MediaId | Should -Not -BeNullOrEmpty
        ($media | Where-Object FileUrl -like '*/odd/%2E/dot.mp4').MediaId | Should -Not -BeNullOrEmpty
        (Get-VodMezzanine -MediaId ($media | Where-Object FileUrl -like '*dot-dot.mp4').MediaId).Size | Should -Be ([Text.Encoding]::UTF8.GetByteCount('body of odd/../dot-dot.mp4'))
    }

    It 'removes exactly the key named, not the one a collapsed path would name' {
        Get-OssObject -Bucket media-archive -Prefix odd/ | Where-Object Key -eq 'odd/./dot.mp4' | Remove-OssObject -Confirm:$false
        (Get-OssObject -Bucket media-archive -Prefix odd/).Key | Should -Not -Contain 'odd/./dot.mp4'
        (Get-OssObject -Bucket media-archive -Prefix odd/).Count | Should -Be 3
    }
}

Describe 'Unreachable endpoint' {
    It 'ends the cmdlet with EndpointUnreachable instead of one error per item' {
        { Get-OssObject -Bucket media-archive -Endpoint 'http://127.0.0.1:9' -MaxAttempts 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'EndpointUnreachable,VodTools.Commands.GetOssObjectCommand'
    }
}

Describe 'Tab completion' {
    It 'completes -Bucket from the account and -Region from the known regions' {
        $line = 'Get-OssObject -Bucket med'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'media-archive'
        $line = 'Get-OssObject -Region cn-sha'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'cn-shanghai'
    }

    It 'offers nothing, without an error, when the cloud does not answer' {
        $saved = (Get-VodContext).Endpoints['Oss']
        try {
            Set-VodContext -OssEndpoint 'http://127.0.0.1:9'
            $line = 'Remove-OssObject -Bucket x'
            $Error.Clear()
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
            $Error.Count | Should -Be 0
        }
        finally {
            Set-VodContext -OssEndpoint $saved
        }
    }
}
