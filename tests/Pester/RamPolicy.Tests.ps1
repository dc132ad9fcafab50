# The emulator played strictly (no -Lenient): RAM policies enforced on a role's session, and the seed workflow's steps
# (Add-VodStorage, Initialize-VodBucketAccess, the bucket's own region) required as the cloud requires them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    $script:emulator = Start-TestEmulator -SeedSample -TranscodeSeconds 0 -Strict
    $script:group = Get-TestTemplateGroupId
    $script:films = @(Get-OssObject -Bucket media-archive -Prefix films/ -Include *.mp4)
}

AfterAll {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
    Set-VodContext -Reset
}

Describe 'The seed workflow out of order, answered as the cloud answers it' {
    It 'fails the files registered before Add-VodStorage' {
        $registered = $films[0..1] | Register-VodMedia -ErrorVariable refused -ErrorAction SilentlyContinue
        $registered | Should -BeNullOrEmpty
        $refused.Count | Should -Be 2
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'VodRegisterRefused,*'
        $refused[0].Exception.Message | Should -Match 'in a bucket added to VOD'
    }

    It 'fails the transcode of media whose bucket no role grants the transcoding service (before Initialize-VodBucketAccess)' {
        Add-VodStorage -Bucket media-archive | Out-Null
        $done = $films[0] | Register-VodMedia | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode -Timeout 60 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeFailed,*'
        $failed[0].Exception.Message | Should -Match 'AccessDenied'

        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        $done = $films[0] | Register-VodMedia | Start-VodTranscode -TemplateGroupId $group -Resubmit | Wait-VodTranscode -Timeout 60
        $done.Status | Should -Be 'CompleteAllSucc'
    }

    It 'refuses a listing at another region''s endpoint, naming the bucket''s own, and a region OSS does not have' {
        Get-OssObject -Bucket media-archive -Region cn-beijing -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match 'PermanentRedirect: The bucket you are attempting to access must be addressed using the specified endpoint'
        Get-OssBucket -Region cn-atlantis-1 -ErrorVariable nowhere -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $nowhere[0].Exception.Message | Should -Match 'PermanentRedirect'
        (Get-OssBucket -Region cn-beijing).Name | Should -Contain 'media-archive'
    }
}

Describe 'A RamRoleArn profile whose role lacks only vod:SubmitTranscodeJobs' {
    BeforeAll {
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        Add-VodStorage -Bucket media-archive | Out-Null
        $trust = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}'
        $policy = '{"Version":"1","Statement":[{"Effect":"Allow","NotAction":"vod:SubmitTranscodeJobs","Resource":"*"}]}'
        $role = (Invoke-TestVod CreateRole @{ RoleName = 'runbook'; AssumeRolePolicyDocument = $trust } -Service Ram).Role
        Invoke-TestVod CreatePolicy @{ PolicyName = 'all-but-transcode'; PolicyDocument = $policy } -Service Ram | Out-Null
        Invoke-TestVod AttachPolicyToRole @{ RoleName = 'runbook'; PolicyType = 'Custom'; PolicyName = 'all-but-transcode' } -Service Ram | Out-Null
        $config = Join-Path $TestDrive 'aliyun-config.json'
        @{ current = 'runbook'; profiles = @(@{ name = 'runbook'; mode = 'RamRoleArn'; access_key_id = 'VODEMULATORKEYID'; access_key_secret = 'VodEmulatorSecretKey'
                    ram_role_arn = $role.Arn; ram_session_name = 'rehearsal'; region_id = 'cn-shanghai' }) } | ConvertTo-Json -Depth 4 | Set-Content $config
        $script:savedConfig = $env:ALIBABA_CLOUD_CONFIG_FILE
        $env:ALIBABA_CLOUD_CONFIG_FILE = $config
        Set-VodContext -Endpoint $emulator.Url -ProfileName runbook -Region cn-shanghai
    }

    AfterAll {
        $env:ALIBABA_CLOUD_CONFIG_FILE = $savedConfig
    }

    It 'lists and registers, then fails exactly at Start-VodTranscode, naming the missing permission' {
        $media = @($films[2..3] | Register-VodMedia)
        $media.Count | Should -Be 2
        $tasks = $media | Start-VodTranscode -TemplateGroupId $group -ErrorVariable refused -ErrorAction SilentlyContinue
        $tasks | Should -BeNullOrEmpty
        $refused.Count | Should -Be 2
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match 'Forbidden\.RAM: .*These credentials lack the RAM permission vod:SubmitTranscodeJobs\.'
        $refused[0].ErrorDetails.RecommendedAction | Should -Match 'Attach a RAM policy that allows vod:SubmitTranscodeJobs'
    }
}

Describe 'A bucket asked at another region''s endpoint, answered as OSS''s older pages answer it' {
    BeforeAll {
        $script:older = Start-VodEmulator -InMemory -SeedSample -TranscodeSeconds 0 -WrongEndpointCode AccessDenied
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $older.ProcessId
        Set-VodContext -Reset -Endpoint $script:emulator.Url -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
    }

    It 'is refused as PermissionDenied whichever code OSS gives, and the bucket''s own region lists it' {
        Get-OssObject -Bucket media-archive -Region cn-beijing -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -Match 'AccessDenied: The bucket you are attempting to access must be addressed using the specified endpoint'
        @(Get-OssObject -Bucket media-archive -Prefix films/ -Include *.mp4).Count | Should -Be $films.Count
    }
}
