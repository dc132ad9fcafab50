# Bad input is refused before any request, with a stable ErrorId and a message that names what is wrong. Each case
# runs with -Verbose against an emulator whose request counter (/_emulator/stats) must not move, and must show no
# API call line.

# The cases' script blocks see $file and $media from BeforeAll when they run.
BeforeDiscovery {
    $script:cases = @(
        # bucket names
        @{ Case = 'a bucket name with capitals and _'; Id = 'ParameterArgumentValidationError'; Says = "'Media_Archive' is not an OSS bucket name: 3 to 63 lowercase letters"; Run = { Get-OssObject -Bucket 'Media_Archive' } }
        @{ Case = 'a bucket name with capitals, for a migration'; Id = 'ParameterArgumentValidationError'; Says = "'Media_Archive' is not an OSS bucket name"; Run = { Invoke-VodMigration -Bucket 'Media_Archive' -JournalPath (Join-Path $TestDrive 'bad.journal') } }
        @{ Case = 'a bucket name with capitals, for a comparison'; Id = 'ParameterArgumentValidationError'; Says = "'Media_Archive' is not an OSS bucket name"; Run = { Compare-VodBucket -Bucket 'Media_Archive' } }
        @{ Case = 'a bucket name of 2 characters'; Id = 'OssBucketNameInvalid'; Says = "'ab'"; Run = { Add-VodStorage -Bucket ab } }
        @{ Case = 'a bucket name ending in -'; Id = 'OssBucketNameInvalid'; Says = 'bucket-'; Run = { Add-VodDomain -DomainName video.example.com -Bucket bucket- } }
        @{ Case = 'a bad bucket with -Bucket/-Key'; Id = 'OssBucketNameInvalid'; Says = 'Bad_Bucket'; Run = { Register-VodMedia -Bucket Bad_Bucket -Key films/a.mp4 } }
        # keys
        @{ Case = 'a key starting with /'; Id = 'OssObjectKeyInvalid'; Says = "'/films/a.mp4'"; Run = { Register-VodMedia -Bucket media-archive -Key /films/a.mp4 } }
        @{ Case = 'a key of 1,024 bytes'; Id = 'OssObjectKeyInvalid'; Says = '1023'; Run = { Register-VodMedia -Bucket media-archive -Key (('k' * 1020) + '.mp4') } }
        @{ Case = 'a key without extension'; Id = 'VodFileExtensionMissing'; Says = 'extension'; Run = { Register-VodMedia -Bucket media-archive -Key films/readme } }
        @{ Case = 'deleting a key starting with /'; Id = 'OssObjectKeyInvalid'; Says = "'/films/a.mp4'"; Run = { Remove-OssObject -Bucket media-archive -Key /films/a.mp4 -Confirm:$false } }
        # titles, descriptions, tags
        @{ Case = 'a title of 129 bytes'; Id = 'VodTitleTooLong'; Says = '129 bytes'; Run = { Register-VodMedia -FileUrl $file -Title ('t' * 129) } }
        @{ Case = 'a title of 43 CJK characters (129 bytes)'; Id = 'VodTitleTooLong'; Says = '129 bytes'; Run = { Register-VodMedia -FileUrl $file -Title ('纪' * 43) } }
        @{ Case = 'a title with an emoji'; Id = 'VodTitleHasEmoji'; Says = 'emoji'; Run = { Register-VodMedia -FileUrl $file -Title "Film $([char]::ConvertFromUtf32(0x1F3AC))" } }
        @{ Case = 'a blank title'; Id = 'VodTitleMissing'; Says = 'title'; Run = { Register-VodMedia -FileUrl $file -Title '   ' } }
        @{ Case = 'a description of 1,025 bytes'; Id = 'VodDescriptionTooLong'; Says = '1025 bytes'; Run = { Register-VodMedia -FileUrl $file -Description ('d' * 1025) } }
        @{ Case = 'a description with an emoji'; Id = 'VodDescriptionHasEmoji'; Says = 'emoji'; Run = { Register-VodMedia -FileUrl $file -Description "Nice $([char]::ConvertFromUtf32(0x1F600))" } }
        @{ Case = '17 tags'; Id = 'VodTooManyTags'; Says = '17'; Run = { Register-VodMedia -FileUrl $file -Tags (1..17 | ForEach-Object { "tag$_" }) } }
        @{ Case = 'a tag of 33 bytes'; Id = 'VodTagTooLong'; Says = '33 bytes'; Run = { Register-VodMedia -FileUrl $file -Tags ('x' * 33) } }
        @{ Case = 'a tag with a comma'; Id = 'VodTagInvalid'; Says = 'comma'; Run = { Register-VodMedia -FileUrl $file -Tags 'a,b' } }
        @{ Case = 'a tag with an emoji'; Id = 'VodTagHasEmoji'; Says = 'emoji'; Run = { Register-VodMedia -FileUrl $file -Tags "fun$([char]::ConvertFromUtf32(0x1F389))" } }
        # JSON parameters
        @{ Case = 'UserData that is not JSON'; Id = 'VodJsonParameterInvalid'; Says = 'UserData'; Run = { Register-VodMedia -FileUrl $file -UserData '{"Extend":' } }
        @{ Case = 'UserData that is a JSON array'; Id = 'VodJsonParameterInvalid'; Says = 'UserData'; Run = { Register-VodMedia -FileUrl $file -UserData '[1,2]' } }
        @{ Case = 'OverrideParams that is not JSON'; Id = 'VodJsonParameterInvalid'; Says = 'OverrideParams'; Run = { Start-VodTranscode -MediaId $media -TemplateGroupId g -OverrideParams 'width=640' } }
        @{ Case = 'snapshot UserData that is not JSON'; Id = 'VodJsonParameterInvalid'; Says = 'UserData'; Run = { Start-VodSnapshot -MediaId $media -Count 1 -UserData 'nope' } }
        # FileURLs
        @{ Case = 'a FileURL on another host'; Id = 'VodFileUrlNotOss'; Says = 'example.com'; Run = { Register-VodMedia -FileUrl 'https://example.com/films/a.mp4' } }
        @{ Case = 'a FileURL on S3'; Id = 'VodFileUrlNotOss'; Says = 'amazonaws'; Run = { Register-VodMedia -FileUrl 'https://media-archive.s3.amazonaws.com/a.mp4' } }
        @{ Case = 'a FileURL without a key'; Id = 'VodFileUrlNotOss'; Says = 'OSS endpoint'; Run = { Register-VodMedia -FileUrl 'https://media-archive.oss-cn-shanghai.aliyuncs.com/' } }
        @{ Case = 'a FileURL that is not a URL'; Id = 'VodFileUrlNotOss'; Says = 'OSS endpoint'; Run = { Register-VodMedia -FileUrl 'films/a.mp4' } }
        @{ Case = 'a FileURL over 1,024 bytes'; Id = 'VodFileUrlTooLong'; Says = '1024'; Run = { Register-VodMedia -FileUrl ($file + ('x' * 1000)) } }
        # the catalogue
        @{ Case = 'a new title of 129 bytes'; Id = 'VodTitleTooLong'; Says = '129 bytes'; Run = { Set-VodMedia -MediaId $media -Title ('t' * 129) } }
        @{ Case = 'a tag to add of 33 bytes'; Id = 'VodTagTooLong'; Says = '33 bytes'; Run = { Set-VodMedia -MediaId $media -AddTag ('x' * 33) } }
        @{ Case = 'nothing to set'; Id = 'VodNothingToSet'; Says = '-Title'; Run = { Set-VodMedia -MediaId $media } }
        @{ Case = 'a search value with a quote'; Id = 'VodSearchValueInvalid'; Says = 'single quote'; Run = { Find-VodMedia -Tag "rock'n'roll" } }
        @{ Case = 'a category name of 65 bytes'; Id = 'VodCategoryNameTooLong'; Says = '65 bytes'; Run = { New-VodCategory ('c' * 65) } }
        # regions
        @{ Case = 'a region in capitals'; Id = 'ParameterArgumentValidationError'; Says = 'Region'; Run = { Get-OssBucket -Region CN-SHANGHAI } }
        @{ Case = 'a region with a space'; Id = 'ParameterArgumentValidationError'; Says = 'Region'; Run = { Get-VodMedia -MediaId $media -Region 'cn shanghai' } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample
    $script:media = '0123456789abcdef0123456789abcdef'
    $script:file = 'https://media-archive.oss-cn-shanghai.aliyuncs.com/films/a.mp4'
}

AfterAll {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
}

Describe 'Bad input is refused before any request' {
    It '<Case>: <Id>' -ForEach $cases {
        $before = (Get-EmulatorStats).requests
        $run = Invoke-Captured $Run
        $errors = @($run.Errors) + @($run.Terminating | Where-Object { $_ })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errors[0].Exception.Message | Should -BeLike "*$Says*"
        $errors[0].CategoryInfo.Category | Should -BeIn 'InvalidArgument', 'InvalidData' # InvalidData: PowerShell's own parameter validation
        $run.Output | Should -BeNullOrEmpty
        $run.Attempts | Should -BeNullOrEmpty
        (Get-EmulatorStats).requests | Should -Be $before
    }
}
