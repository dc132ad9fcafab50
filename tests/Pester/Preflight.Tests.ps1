# Test-VodBucket (the guide's preconditions, read-only) and the last mile of a migration: Get-VodPlayInfo, Test-VodPlayback.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample -TranscodeSeconds 0

    # A bucket in another region, made with the module's own OSS client (no cmdlet creates buckets).
    function New-TestBucket([string] $Name, [string] $Region) {
        $settings = [VodTools.Commands.Common.VodContext]::Current.Settings
        $credentials = [VodTools.Api.Credentials.StaticCredentialProvider]::new(
            [VodTools.Api.Credentials.CloudCredentials]::new($settings.AccessKeyId, $settings.AccessKeySecret), 'test')
        $client = [VodTools.Api.OssClient]::new($settings.Endpoints[[VodTools.Api.Endpoints.CloudService]::Oss], $Region, $credentials,
            [VodTools.Api.Http.HttpTransport]::Shared, [VodTools.Api.ClientOptions]::new())
        $client.SendAsync([VodTools.Api.OssRequest]::new('PutBucket', [System.Net.Http.HttpMethod]::Put, $Name), 'ResponseContentRead',
            [Threading.CancellationToken]::None).GetAwaiter().GetResult().Dispose()
    }

    function Get-Check([string] $Bucket, [string] $Name, [hashtable] $More = @{}) {
        Test-VodBucket -Bucket $Bucket @More | Where-Object Check -eq $Name
    }
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Test-VodBucket' {
    It 'fails the role checks of an account not yet authorised, and says what to run' {
        $checks = Test-VodBucket -Bucket media-archive
        $checks.Check | Should -Be 'BucketAccess', 'BucketRegion', 'ServiceRole', 'RolePolicy', 'VodStorage', 'TemplateGroup', 'MpsMediaBucket'
        $checks | ForEach-Object { $_ | Should -BeOfType VodTools.Model.VodBucketCheck; $_.Bucket | Should -Be 'media-archive' }
        ($checks | Where-Object Check -eq ServiceRole).Status | Should -Be Fail
        ($checks | Where-Object Check -eq ServiceRole).Remedy | Should -BeLike '*Initialize-VodBucketAccess -Bucket media-archive*'
        ($checks | Where-Object Check -eq RolePolicy).Status | Should -Be Fail
    }

    Context 'on the account the demo sets up' {
        BeforeAll {
            # what tools/Demo.ps1 does before its pipeline
            Initialize-VodBucketAccess -Bucket media-archive | Out-Null
            Add-VodStorage -Bucket media-archive | Out-Null
            $script:group = New-VodTranscodeTemplateGroup -Name demo-web -TemplateList @{
                TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' }
                Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' }
            }
            Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $group.TemplateGroupId
        }

        It 'passes every check but the storage one, which VOD cannot be asked about' {
            $checks = Get-OssBucket | Where-Object Bucket -eq media-archive | Test-VodBucket
            $checks.Count | Should -Be 7
            ($checks | Where-Object Status -ne Pass).Check | Should -Be 'VodStorage'
            $storage = $checks | Where-Object Check -eq VodStorage
            $storage.Status | Should -Be Warn
            $storage.Remedy | Should -BeLike '*ticket*'
            ($checks | Where-Object Check -eq TemplateGroup).Detail | Should -BeLike "*$($group.TemplateGroupId)*"
            $checks | Where-Object Status -eq Pass | Where-Object Remedy | Should -BeNullOrEmpty
        }

        It 'fails BucketAccess for a bucket that does not exist, and goes on with the other checks' {
            $checks = Test-VodBucket -Bucket no-such-bucket
            $checks.Count | Should -Be 7
            ($checks | Where-Object Check -eq BucketAccess).Status | Should -Be Fail
            ($checks | Where-Object Check -eq BucketRegion).Status | Should -Be Warn
            ($checks | Where-Object Check -eq ServiceRole).Status | Should -Be Pass
        }

        It 'fails BucketRegion for a bucket where VOD is not offered, and one in another VOD region' {
            New-TestBucket -Name qingdao-media -Region cn-qingdao
            New-TestBucket -Name beijing-media -Region cn-beijing
            (Get-Check qingdao-media BucketRegion).Detail | Should -BeLike '*cn-qingdao, where VOD is not offered*'
            $beijing = Get-Check beijing-media BucketRegion
            $beijing.Status | Should -Be Fail
            $beijing.Remedy | Should -BeLike '*-Region cn-beijing*'
        }

        It 'fails RolePolicy for a bucket no policy of the role grants' {
            $check = Get-Check beijing-media RolePolicy
            $check.Status | Should -Be Fail
            $check.Detail | Should -BeLike '*attached: vod-pass-mps*'
        }

        It 'fails ServiceRole when the role does not trust a service it must' {
            $check = Get-Check media-archive ServiceRole @{ ServicePrincipal = 'mts.aliyuncs.com', 'vod.aliyuncs.com' }
            $check.Status | Should -Be Fail
            $check.Detail | Should -BeLike '*not vod.aliyuncs.com*'
        }

        It 'fails TemplateGroup for a -TemplateGroupId VOD does not have, and passes it for one it has' {
            (Get-Check media-archive TemplateGroup @{ TemplateGroupId = 'ffffffffffffffffffffffffffffffff' }).Status | Should -Be Fail
            (Get-Check media-archive TemplateGroup @{ TemplateGroupId = $group.TemplateGroupId }).Detail | Should -BeLike '*demo-web*'
        }

        It 'fails MpsMediaBucket for a bucket bound to Media Processing' {
            New-TestBucket -Name mps-input -Region cn-shanghai
            Invoke-TestVod BindInputBucket @{ Bucket = 'mps-input' } -Service Mts | Out-Null
            $check = Get-Check mps-input MpsMediaBucket
            $check.Status | Should -Be Fail
            $check.Detail | Should -BeLike '*Input media bucket*'
            (Get-Check media-archive MpsMediaBucket).Status | Should -Be Pass
        }

        It 'asks Media Processing where Set-VodContext -MtsEndpoint says' {
            Set-VodContext -MtsEndpoint http://127.0.0.1:1
            try {
                $check = Get-Check mps-input MpsMediaBucket @{ MaxAttempts = 1 }
                $check.Status | Should -Be Warn
                $check.Detail | Should -BeLike '*127.0.0.1:1*'
            }
            finally { Set-VodContext -MtsEndpoint $emulator.Url }
            (Get-Check mps-input MpsMediaBucket).Status | Should -Be Fail
        }

        It 'refuses an invalid bucket name before any call, and checks the valid ones' {
            $checks = Test-VodBucket -Bucket 'Not_A_Bucket', media-archive -ErrorVariable invalid -ErrorAction SilentlyContinue
            $invalid.Count | Should -Be 1
            $checks.Count | Should -Be 7
        }
    }
}

Describe 'Get-VodPlayInfo and Test-VodPlayback' {
    BeforeAll {
        $script:films = Get-OssObject -Bucket media-archive -Prefix films/2020/ -Include *.mp4 | Select-Object -First 2 | Register-VodMedia
        $script:tasks = $films | Start-VodTranscode -TemplateGroupId (Get-TestTemplateGroupId)
        Wait-Until { (Get-VodTranscodeTask -TaskId $tasks.TaskId | Where-Object { -not $_.IsComplete }).Count -eq 0 } 30 | Should -BeTrue
    }

    It 'lists a stream per definition for transcode tasks piped in, with the fields players need' {
        $streams = $tasks | Get-VodPlayInfo
        $streams.Count | Should -Be 6
        $streams | ForEach-Object {
            $_ | Should -BeOfType VodTools.Model.VodPlayInfo
            $_.Format | Should -Be mp4
            $_.Status | Should -Be Normal
            $_.Width | Should -BeGreaterThan 0
            $_.Bitrate | Should -BeGreaterThan 0
            $_.PlayUrl | Should -BeLike "$($emulator.Url.ToString().TrimEnd('/'))/_play/*"
        }
        ($streams | Where-Object MediaId -eq $films[0].MediaId).Size | Should -Be (@((Get-VodMedia -MediaId $films[0].MediaId).Size) * 3)
        (Get-VodPlayInfo -MediaId $films[0].MediaId -Definition HD).Definition | Should -Be 'HD'
    }

    It 'reports media that cannot play as errors with their own ids, the others going on' {
        # without transcoding a MOV has no stream (MP4, FLV, MP3, M3U8 and WebM play their source)
        $silent = Get-OssObject -Bucket media-archive -Prefix films/2021/ -Include *.mov | Select-Object -First 1 | Register-VodMedia
        $streams = Get-VodPlayInfo -MediaId $silent.MediaId, 'ffffffffffffffffffffffffffffffff', $films[1].MediaId -ErrorVariable failures -ErrorAction SilentlyContinue
        $streams.MediaId | Sort-Object -Unique | Should -Be $films[1].MediaId
        $failures.FullyQualifiedErrorId | Should -Be 'VodMediaHasNoStream,VodTools.Commands.GetVodPlayInfoCommand', 'VodMediaNotFound,VodTools.Commands.GetVodPlayInfoCommand'
        $failures[0].CategoryInfo.Category | Should -Be ObjectNotFound
        $failures[0].TargetObject | Should -Be $silent.MediaId
    }

    It 'plays every stream: a ranged GET answers 206 with the size GetPlayInfo gave' {
        $checks = $films | Test-VodPlayback
        $checks.Count | Should -Be 6
        $checks | ForEach-Object {
            $_ | Should -BeOfType VodTools.Model.VodPlaybackCheck
            $_.Playable | Should -BeTrue
            $_.StatusCode | Should -Be 206
            $_.ServedSize | Should -Be $_.ExpectedSize
        }
        ($checks | Group-Object MediaId | Where-Object { $_.Group.Playable -notcontains $false }).Count | Should -Be 2
    }

    It 'says a media whose source is gone does not play' {
        $victim = $films[1]
        Get-OssObject -Bucket media-archive -Prefix $victim.Key | Remove-OssObject -Confirm:$false
        $checks = Test-VodPlayback -MediaId $victim.MediaId -ErrorVariable failures -ErrorAction SilentlyContinue
        $checks | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodMediaNotPlayable,*'
    }
}

Describe 'Test-VodBucket when a read keeps failing' {
    It 'turns it into a Warn and runs the other checks' {
        # another emulator, which replaces the session's: this runs last
        $script:emulator = Start-TestEmulator -SeedSample -Faults '503:1@ListAllMediaBucket'
        $checks = Test-VodBucket -Bucket media-archive -MaxAttempts 1
        $checks.Count | Should -Be 7
        $mps = $checks | Where-Object Check -eq MpsMediaBucket
        $mps.Status | Should -Be Warn
        $mps.Detail | Should -BeLike 'Not checked: could not list Media Processing*'
        ($checks | Where-Object Check -eq BucketAccess).Status | Should -Be Pass
    }
}
