# Every cloud cmdlet, run with a key the cloud refuses (a wrong secret, an unknown key id) or an endpoint nobody answers,
# ends with the one terminating error its cause deserves: a stable ErrorId (AuthenticationFailed, EndpointUnreachable)
# and category, never an exception's type name, and never an empty success. Keys no cloud could accept (non-ASCII,
# control characters, surrounding spaces) and an endpoint without a scheme are refused before any request, in words;
# a bucket or template group that does not exist is named by a stable ErrorId, category ObjectNotFound.

BeforeDiscovery {
    # One minimal call per cloud cmdlet; ids need not exist (the call fails before VOD could look).
    $script:calls = @(
        @{ Name = 'Add-RamRolePolicy'; Run = { Add-RamRolePolicy -RoleName r1 -PolicyName p1 @connection } }
        @{ Name = 'Add-VodDomain'; Run = { Add-VodDomain -DomainName video.example.com -Bucket media-archive @connection } }
        @{ Name = 'Add-VodStorage'; Run = { Add-VodStorage -Bucket media-archive @connection } }
        @{ Name = 'Compare-VodBucket'; Run = { Compare-VodBucket -Bucket media-archive @connection } }
        @{ Name = 'Find-VodMedia'; Run = { Find-VodMedia -Title film @connection } }
        @{ Name = 'Get-OssBucket'; Run = { Get-OssBucket @connection } }
        @{ Name = 'Get-OssObject'; Run = { Get-OssObject -Bucket media-archive @connection } }
        @{ Name = 'Get-RamPolicy'; Run = { Get-RamPolicy @connection } }
        @{ Name = 'Get-RamRole'; Run = { Get-RamRole @connection } }
        @{ Name = 'Get-VodCallerIdentity'; Run = { Get-VodCallerIdentity @connection } }
        @{ Name = 'Get-VodCategory'; Run = { Get-VodCategory @connection } }
        @{ Name = 'Get-VodDomain'; Run = { Get-VodDomain @connection } }
        @{ Name = 'Get-VodMedia'; Run = { Get-VodMedia -MediaId $media @connection } }
        @{ Name = 'Get-VodMessageCallback'; Run = { Get-VodMessageCallback @connection } }
        @{ Name = 'Get-VodMezzanine'; Run = { Get-VodMezzanine -MediaId $media @connection } }
        @{ Name = 'Get-VodPlayInfo'; Run = { Get-VodPlayInfo -MediaId $media @connection } }
        @{ Name = 'Get-VodSnapshot'; Run = { Get-VodSnapshot -MediaId $media @connection } }
        @{ Name = 'Get-VodTranscodeTask'; Run = { Get-VodTranscodeTask -TaskId $media @connection } }
        @{ Name = 'Get-VodTranscodeTemplateGroup'; Run = { Get-VodTranscodeTemplateGroup @connection } }
        @{ Name = 'Get-VodUrlUploadJob'; Run = { Get-VodUrlUploadJob -JobId $media @connection } }
        @{ Name = 'Import-VodMediaFromUrl'; Run = { Import-VodMediaFromUrl -Url https://example.com/a.mp4 @connection } }
        @{ Name = 'Initialize-VodBucketAccess'; Run = { Initialize-VodBucketAccess -Bucket media-archive @connection } }
        @{ Name = 'Invoke-VodMigration'; Run = { Invoke-VodMigration -Bucket media-archive -JournalPath (Join-Path $TestDrive "$([guid]::NewGuid()).journal") @connection } }
        @{ Name = 'New-VodCategory'; Run = { New-VodCategory -Name films @connection } }
        @{ Name = 'New-VodPassMpsRole'; Run = { New-VodPassMpsRole @connection } }
        @{ Name = 'New-VodTranscodeTemplateGroup'; Run = { New-VodTranscodeTemplateGroup -Name web @connection } }
        @{ Name = 'Register-VodMedia'; Run = { Register-VodMedia -FileUrl 'https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a.mp4' @connection } }
        @{ Name = 'Remove-OssObject'; Run = { Remove-OssObject -Bucket media-archive -Key films/a.mp4 @connection } }
        @{ Name = 'Remove-RamPolicy'; Run = { Remove-RamPolicy -PolicyName p1 @connection } }
        @{ Name = 'Remove-RamRole'; Run = { Remove-RamRole -RoleName r1 @connection } }
        @{ Name = 'Remove-RamRolePolicy'; Run = { Remove-RamRolePolicy -RoleName r1 -PolicyName p1 @connection } }
        @{ Name = 'Remove-VodCategory'; Run = { Remove-VodCategory -CateId 1 @connection } }
        @{ Name = 'Remove-VodDomain'; Run = { Remove-VodDomain -DomainName video.example.com @connection } }
        @{ Name = 'Remove-VodMedia'; Run = { Remove-VodMedia -MediaId $media @connection } }
        @{ Name = 'Send-VodMedia'; Run = { Send-VodMedia -Path $localFile @connection } }
        @{ Name = 'Set-VodDefaultTranscodeTemplateGroup'; Run = { Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $media @connection } }
        @{ Name = 'Set-VodMedia'; Run = { Set-VodMedia -MediaId $media -Title t @connection } }
        @{ Name = 'Set-VodMessageCallback'; Run = { Set-VodMessageCallback -CallbackUrl https://example.com/callback @connection } }
        @{ Name = 'Set-VodPolicy'; Run = { Set-VodPolicy -Bucket media-archive @connection } }
        @{ Name = 'Start-VodSnapshot'; Run = { Start-VodSnapshot -MediaId $media @connection } }
        @{ Name = 'Start-VodTranscode'; Run = { Start-VodTranscode -MediaId $media -TemplateGroupId $media @connection } }
        @{ Name = 'Test-VodBucket'; Run = { Test-VodBucket -Bucket media-archive @connection } }
        @{ Name = 'Test-VodPlayback'; Run = { Test-VodPlayback -MediaId $media @connection } }
        @{ Name = 'Wait-VodTranscode'; Run = { Wait-VodTranscode -TaskId $media -Timeout 5 @connection } }
    )
    $script:failures = @(
        @{ Failure = 'a wrong secret'; Id = 'AuthenticationFailed'; Category = 'AuthenticationError'; Settings = @{ AccessKeySecret = 'NotTheEmulatorSecret' } }
        @{ Failure = 'an unknown key id'; Id = 'AuthenticationFailed'; Category = 'AuthenticationError'; Settings = @{ AccessKeyId = 'LTAINOSUCHKEY0000' } }
        @{ Failure = 'an endpoint nobody answers'; Id = 'EndpointUnreachable'; Category = 'ConnectionError'; Settings = @{ Endpoint = 'http://127.0.0.1:9'; MaxAttempts = 1 } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample
    $script:media = '0123456789abcdef0123456789abcdef'
    $script:localFile = Join-Path $TestDrive 'clip.mp4'
    Set-Content $localFile 'not really a video'
}

AfterAll {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}

Describe 'With <Failure>, every cloud cmdlet ends with <Id>' -ForEach $failures {
    It '<Name>' -ForEach $calls {
        $connection = @{ AccessKeyId = 'VODEMULATORKEYID'; AccessKeySecret = 'VodEmulatorSecretKey'; Endpoint = $emulator.Url }
        if ((Get-Command $Name).Parameters.ContainsKey('Confirm')) { $connection.Confirm = $false }
        foreach ($name in $Settings.Keys) { $connection[$name] = $Settings[$name] }
        $run = Invoke-Captured $Run
        $run.Terminating | Should -Not -BeNullOrEmpty -Because "the errors were: $($run.Errors | ForEach-Object FullyQualifiedErrorId)"
        $run.Terminating.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        "$($run.Terminating.CategoryInfo.Category)" | Should -Be $Category
        $run.Output | Should -BeNullOrEmpty
    }
}

Describe 'A key no cloud could accept is refused before any request' {
    It '<Case>' -ForEach @(
        @{ Case = 'a key id with a non-ASCII letter'; Settings = @{ AccessKeyId = 'VÖDEMULATORKEYID' }; Says = "character that is not ASCII 'Ö' at position 2" }
        @{ Case = 'a secret ending in a carriage return'; Settings = @{ AccessKeySecret = "VodEmulatorSecretKey`r" }; Says = 'control character (carriage return) at its end' }
        @{ Case = 'a key id with a space in front'; Settings = @{ AccessKeyId = ' VODEMULATORKEYID' }; Says = 'space at its start' }
        @{ Case = 'a secret with a space after it'; Settings = @{ AccessKeySecret = 'VodEmulatorSecretKey ' }; Says = 'space at its end' }
        @{ Case = 'a secret with a tab inside'; Settings = @{ AccessKeySecret = "VodEmulator`tSecretKey" }; Says = 'control character (tab) at position 12' }
        @{ Case = 'a secret with a non-ASCII letter'; Settings = @{ AccessKeySecret = 'VodEmulatorSecrétKey' }; Says = 'AccessKey secret has a character that is not ASCII at position 16' }
    ) {
        $connection = @{ AccessKeyId = 'VODEMULATORKEYID'; AccessKeySecret = 'VodEmulatorSecretKey'; Endpoint = $emulator.Url }
        foreach ($name in $Settings.Keys) { $connection[$name] = $Settings[$name] }
        $before = (Get-EmulatorStats).requests
        $run = Invoke-Captured { Get-VodMedia -MediaId $media @connection }
        $run.Terminating.FullyQualifiedErrorId | Should -BeLike 'CredentialsMalformed,*'
        "$($run.Terminating.CategoryInfo.Category)" | Should -Be 'AuthenticationError'
        $run.Terminating.Exception.Message | Should -BeLike "*$Says*"
        $run.Terminating.Exception.Message | Should -Not -Match 'VodEmulator.?Secr'   # never the secret, not even in part
        $run.Attempts | Should -BeNullOrEmpty
        (Get-EmulatorStats).requests | Should -Be $before
    }

    It 'and so is the same key in the environment' {
        $saved = $env:ALIBABA_CLOUD_ACCESS_KEY_ID, $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET
        Set-VodContext -Reset   # the emulator's key in the session context would win over the environment
        try {
            $env:ALIBABA_CLOUD_ACCESS_KEY_ID = "VODEMULATORKEYID`n"; $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'VodEmulatorSecretKey'
            { Get-VodMedia -MediaId $media -Endpoint $emulator.Url -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsMalformed,*' -ExpectedMessage '*line feed*environment variables ALIBABA_CLOUD_ACCESS_KEY_ID*'
        }
        finally {
            $env:ALIBABA_CLOUD_ACCESS_KEY_ID, $env:ALIBABA_CLOUD_ACCESS_KEY_SECRET = $saved
            Set-VodContext -Endpoint $emulator.Url -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
        }
    }
}

Describe 'An endpoint without http:// or https:// is refused in words' {
    It '<Endpoint>' -ForEach @(@{ Endpoint = '127.0.0.1:8990' }, @{ Endpoint = 'localhost:8990' }) {
        { Get-VodMedia -MediaId $media -Endpoint $Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage "*'$Endpoint' does not start with http:// or https://*Write http://$Endpoint*"
        { Set-VodContext -VodEndpoint $Endpoint -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -ExpectedMessage "*'$Endpoint' does not start with http://*"
    }
}

Describe 'A bucket or template group that does not exist is named by a stable ErrorId' {
    BeforeAll {
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null   # so the migration's pre-flight gets to the template group
        Add-VodStorage -Bucket media-archive | Out-Null
        $script:registered = (Register-VodMedia -Bucket media-archive -Key films/2019/film-003.mp4).MediaId
        $script:noGroup = 'ffffffffffffffffffffffffffffffff'
    }

    It '<Name>: <Id>' -ForEach @(
        @{ Name = 'Add-VodStorage'; Id = 'VodStorageNotAdded'; Run = { Add-VodStorage -Bucket no-such-bucket } }
        @{ Name = 'Compare-VodBucket'; Id = 'OssListFailed'; Run = { Compare-VodBucket -Bucket no-such-bucket } }
        @{ Name = 'Get-OssObject'; Id = 'OssListFailed'; Run = { Get-OssObject -Bucket no-such-bucket } }
        @{ Name = 'Get-OssBucket'; Id = 'OssBucketNotRead'; Run = { Get-OssBucket -Bucket no-such-bucket } }
        @{ Name = 'Initialize-VodBucketAccess'; Id = 'VodBucketNotFound'; Run = { Initialize-VodBucketAccess -Bucket no-such-bucket } }
        @{ Name = 'Remove-OssObject'; Id = 'OssObjectNotDeleted'; Run = { Remove-OssObject -Bucket no-such-bucket -Key a.mp4 -Confirm:$false } }
        @{ Name = 'Invoke-VodMigration, a bucket'; Id = 'VodPreflightBucketAccessFailed'; Run = { Invoke-VodMigration -Bucket no-such-bucket -TemplateGroupId $noGroup -JournalPath (Join-Path $TestDrive 'b.journal') } }
        @{ Name = 'Invoke-VodMigration, a group'; Id = 'VodPreflightTemplateGroupFailed'; Run = { Invoke-VodMigration -Bucket media-archive -TemplateGroupId $noGroup -JournalPath (Join-Path $TestDrive 'g.journal') } }
        @{ Name = 'Register-VodMedia'; Id = 'VodTemplateGroupNotFound'; Run = { Register-VodMedia -Bucket media-archive -Key films/2019/film-002.mp4 -TemplateGroupId $noGroup } }
        @{ Name = 'Start-VodTranscode'; Id = 'VodTranscodeNotSubmitted'; Run = { Start-VodTranscode -MediaId $registered -TemplateGroupId $noGroup } }
        @{ Name = 'Set-VodDefaultTranscodeTemplateGroup'; Id = 'VodDefaultTemplateGroupNotSet'; Run = { Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $noGroup } }
        @{ Name = 'Get-VodTranscodeTemplateGroup'; Id = 'VodTemplateGroupNotRead'; Run = { Get-VodTranscodeTemplateGroup -TemplateGroupId $noGroup } }
        @{ Name = 'Send-VodMedia'; Id = 'VodUploadFailed'; Run = { Send-VodMedia -Path $localFile -TemplateGroupId $noGroup } }
    ) {
        $run = Invoke-Captured $Run
        $errors = @($run.Errors) + @($run.Terminating | Where-Object { $_ })
        $errors.Count | Should -BeGreaterThan 0
        foreach ($e in $errors) {
            $e.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            "$($e.CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        }
        $run.Output | Should -BeNullOrEmpty
    }
}
