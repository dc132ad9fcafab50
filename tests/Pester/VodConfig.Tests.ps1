BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample

    $script:sdTemplate = '[{"Video":{"Bitrate":"400","Codec":"H.264","Fps":"30"},"Definition":"SD","Container":{"Format":"mp4"},"TemplateName":"sd-mp4","Audio":{"Codec":"AAC","Bitrate":"64","Samplerate":"44100"}}]'
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Add-VodStorage' {
    It 'adds a bucket piped from Get-OssBucket as user_oss_bucket storage of the default app' {
        $storage = Get-OssBucket -Bucket media-archive | Add-VodStorage
        $storage | Should -BeOfType VodTools.Model.VodStorage
        $storage.AppId | Should -Be 'app-1000000'
        $storage.StorageType | Should -Be 'user_oss_bucket'
        $storage.StorageLocation | Should -Be 'media-archive.oss-cn-shanghai.aliyuncs.com'
        $storage.Bucket | Should -Be 'media-archive'
    }

    It 'reports each bucket VOD refuses or that is misnamed while the good one is added' {
        $storage = Add-VodStorage -Bucket no-such-bucket, 'Not_A_Bucket', media-archive -ErrorVariable failures -ErrorAction SilentlyContinue
        $storage.Bucket | Should -Be 'media-archive'
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodStorageNotAdded,VodTools.Commands.AddVodStorageCommand'
        $failures[0].Exception.Code | Should -Be 'InvalidStorage.NotFound'
        $failures[0].TargetObject | Should -Be 'no-such-bucket'
        $failures[1].FullyQualifiedErrorId | Should -Be 'OssBucketNameInvalid,VodTools.Commands.AddVodStorageCommand'
    }

    It 'reports an unknown app with the cloud code' {
        Add-VodStorage media-archive -AppId app-999 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].Exception.Code | Should -Be 'InvalidParameter'
        $failures[0].Exception.RequestId | Should -Not -BeNullOrEmpty
    }

    It 'adds nothing with -WhatIf' {
        $lines = Add-VodStorage media-archive -WhatIf -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($lines.Message -join "`n") | Should -Not -Match 'AddVodStorageForApp'
    }
}

Describe 'Add-VodDomain, Get-VodDomain, Remove-VodDomain' {
    It 'adds a domain with the bucket as HTTPS OSS origin and emits it with its CNAME' {
        $domain = Add-VodDomain -DomainName video.example.com -Bucket media-archive -Scope overseas
        $domain | Should -BeOfType VodTools.Model.VodDomain
        $domain.DomainName | Should -Be 'video.example.com'
        $domain.Scope | Should -Be 'overseas'
        $domain.Cname | Should -Not -BeNullOrEmpty
        $domain.Sources.Count | Should -Be 1
        $domain.Sources[0].Content | Should -Be 'media-archive.oss-cn-shanghai.aliyuncs.com'
        $domain.Sources[0].Type | Should -Be 'oss'
        $domain.Sources[0].Port | Should -Be 443
        $domain.Sources[0].Priority | Should -Be '20'
    }

    It 'defaults to the domestic scope and takes domains from the pipeline' {
        $domains = [pscustomobject]@{ DomainName = 'a.example.com'; Bucket = 'media-archive' },
                   [pscustomobject]@{ DomainName = 'b.example.com'; Bucket = 'media-archive'; Scope = 'global' } | Add-VodDomain
        $domains.Scope | Should -Be @('domestic', 'global')
    }

    It 'emits a domain that already has the origin without adding it again' {
        $output = Add-VodDomain -DomainName video.example.com -Bucket media-archive -Verbose 4>&1
        $verbose = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $verbose | Should -Match '(?m)^VOD DescribeVodDomainDetail attempt'
        $verbose | Should -Not -Match '(?m)^VOD AddVodDomain'
        ($output | Where-Object { $_ -is [VodTools.Model.VodDomain] }).Scope | Should -Be 'overseas'
    }

    It 'reports a domain with other origins or a malformed name while the others go on' {
        $items = [pscustomobject]@{ DomainName = 'video.example.com'; Bucket = 'other-bucket' },
                 [pscustomobject]@{ DomainName = 'not a domain'; Bucket = 'media-archive' },
                 [pscustomobject]@{ DomainName = 'c.example.com'; Bucket = 'media-archive' }
        $added = $items | Add-VodDomain -ErrorVariable failures -ErrorAction SilentlyContinue
        $added.DomainName | Should -Be 'c.example.com'
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodDomainOriginDiffers,VodTools.Commands.AddVodDomainCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject.DomainName | Should -Be 'video.example.com'
        $failures[1].FullyQualifiedErrorId | Should -Be 'VodDomainNameInvalid,VodTools.Commands.AddVodDomainCommand'
    }

    It 'gets domains by name, each unknown one a non-terminating InvalidDomain.NotFound' {
        $domains = Get-VodDomain video.example.com, nowhere.example.com, a.example.com -ErrorVariable failures -ErrorAction SilentlyContinue
        $domains.DomainName | Should -Be @('video.example.com', 'a.example.com')
        $domains[0].DomainStatus | Should -BeIn @('configuring', 'online')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodDomainNotRead,VodTools.Commands.GetVodDomainCommand'
        $failures[0].Exception.Code | Should -Be 'InvalidDomain.NotFound'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'adds nothing with -WhatIf' {
        Add-VodDomain -DomainName whatif.example.com -Bucket media-archive -WhatIf | Should -BeNullOrEmpty
        Get-VodDomain whatif.example.com -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf, then deletes what Get-VodDomain pipes in' {
        Get-VodDomain a.example.com | Remove-VodDomain -WhatIf
        (Get-VodDomain a.example.com).DomainName | Should -Be 'a.example.com'
        Get-VodDomain a.example.com, b.example.com | Remove-VodDomain -Confirm:$false
        Get-VodDomain a.example.com, b.example.com -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone.Count | Should -Be 2
        Remove-VodDomain a.example.com -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].Exception.Code | Should -Be 'InvalidDomain.NotFound'
    }
}

Describe 'Transcode template groups' {
    It 'lists the account''s default group' {
        $groups = Get-VodTranscodeTemplateGroup
        $default = $groups | Where-Object IsDefault
        @($default).Count | Should -Be 1
        $default.Name | Should -Be 'Default'
        $default.TemplateGroupId | Should -Match '^[0-9a-f]{32}$'
        # ListTranscodeTemplateGroup answers no templates; the list reads each group, so none shows 0 templates
        $default.Templates.Definition | Should -Be @('FHD', 'HD', 'SD')
        (Get-VodTranscodeTemplateGroup -Name 'def*').TemplateGroupId | Should -Be $default.TemplateGroupId
    }

    It 'calls a missing group by name an error, as Get-* cmdlets do, and a wildcard that matches nothing just nothing' {
        Get-VodTranscodeTemplateGroup -Name 'no-such-group' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be 'VodTemplateGroupNotFound,VodTools.Commands.GetVodTranscodeTemplateGroupCommand'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-VodTranscodeTemplateGroup -Name 'no-such-*' -ErrorVariable none -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'gets a group with its templates by id from the pipeline' {
        $group = Get-VodTranscodeTemplateGroup -Name Default | Get-VodTranscodeTemplateGroup
        $group.Templates.Definition | Should -Be @('FHD', 'HD', 'SD')
        $group.Templates[0].TemplateId | Should -Match '^[0-9a-f]{32}$'
        ($group.Templates[0].Container | ConvertFrom-Json).Format | Should -Be 'mp4'
    }

    It 'creates a group from VOD''s JSON and emits it with its templates' {
        $group = New-VodTranscodeTemplateGroup -Name 'json-group' -TemplateList $script:sdTemplate
        $group | Should -BeOfType VodTools.Model.VodTranscodeTemplateGroup
        $group.Name | Should -Be 'json-group'
        $group.IsDefault | Should -BeFalse
        $group.Templates.TemplateName | Should -Be 'sd-mp4'
        ($group.Templates[0].Video | ConvertFrom-Json).Bitrate | Should -Be '400'
    }

    It 'creates a group from hashtables and objects, nested ones included' {
        $templates = @(
            @{ TemplateName = 'ld-mp4'; Definition = 'LD'; Container = @{ Format = 'mp4' }; Video = @{ Codec = 'H.264'; Bitrate = '200' } }
            [ordered]@{ TemplateName = 'hd-mp4'; Definition = 'HD'; Container = @{ Format = 'mp4' }; Video = [pscustomobject]@{ Codec = 'H.264'; Width = 1280 } }
            [pscustomobject]@{ TemplateName = 'aac'; Definition = 'AUTO'; Audio = @{ Codec = 'AAC'; Bitrate = '64' } }
        )
        $group = New-VodTranscodeTemplateGroup -Name 'hashtable-group' -TemplateList $templates
        $group.Templates.TemplateName | Should -Be @('ld-mp4', 'hd-mp4', 'aac')
        $video = $group.Templates[1].Video | ConvertFrom-Json
        $video.Codec | Should -Be 'H.264'
        $video.Width | Should -Be 1280
    }

    It 'refuses a template list that is not JSON or not templates before any call' {
        $lines = New-VodTranscodeTemplateGroup -Name bad -TemplateList '[{not json' -ErrorVariable failures -ErrorAction SilentlyContinue -Verbose 4>&1
        ($lines.Message -join "`n") | Should -Not -Match 'AddTranscodeTemplateGroup'
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodJsonParameterInvalid,VodTools.Commands.NewVodTranscodeTemplateGroupCommand'
        New-VodTranscodeTemplateGroup -Name bad -TemplateList '["a","b"]' -ErrorVariable notTemplates -ErrorAction SilentlyContinue
        $notTemplates[0].FullyQualifiedErrorId | Should -BeLike 'VodTemplateListInvalid,*'
        New-VodTranscodeTemplateGroup -Name bad -TemplateList (1..21 | ForEach-Object { @{ TemplateName = "t$_" } }) -ErrorVariable tooMany -ErrorAction SilentlyContinue
        $tooMany[0].FullyQualifiedErrorId | Should -BeLike 'VodTooManyTemplates,*'
        Get-VodTranscodeTemplateGroup -Name bad -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a name already taken, naming the existing group, unless -AllowDuplicateName' {
        $first = Get-VodTranscodeTemplateGroup -Name json-group
        New-VodTranscodeTemplateGroup -Name 'json-group' -TemplateList $script:sdTemplate -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodTemplateGroupNameTaken,VodTools.Commands.NewVodTranscodeTemplateGroupCommand'
        $failures[0].TargetObject.TemplateGroupId | Should -Be $first.TemplateGroupId
        $second = New-VodTranscodeTemplateGroup -Name 'json-group' -TemplateList $script:sdTemplate -AllowDuplicateName
        $second.TemplateGroupId | Should -Not -Be $first.TemplateGroupId
        (Get-VodTranscodeTemplateGroup -Name json-group).Count | Should -Be 2
    }

    It 'creates nothing with -WhatIf' {
        New-VodTranscodeTemplateGroup -Name 'whatif-group' -TemplateList $script:sdTemplate -WhatIf | Should -BeNullOrEmpty
        Get-VodTranscodeTemplateGroup -Name 'whatif-group' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'makes a group piped from New-VodTranscodeTemplateGroup the default' {
        $group = New-VodTranscodeTemplateGroup -Name 'default-group' -TemplateList $script:sdTemplate
        $now = $group | Set-VodDefaultTranscodeTemplateGroup -PassThru
        $now.TemplateGroupId | Should -Be $group.TemplateGroupId
        $now.IsDefault | Should -BeTrue
        (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).Name | Should -Be 'default-group'
        $again = ($group | Set-VodDefaultTranscodeTemplateGroup -Verbose 4>&1).Message -join "`n"
        $again | Should -Match 'is already the default'
        $again | Should -Not -Match '(?m)^VOD SetDefaultTranscodeTemplateGroup'
    }

    It 'changes nothing with -WhatIf, and sets "no transcoding" with -NoTranscode' {
        $before = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).TemplateGroupId
        Set-VodDefaultTranscodeTemplateGroup -NoTranscode -WhatIf
        (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).TemplateGroupId | Should -Be $before
        $lines = Set-VodDefaultTranscodeTemplateGroup -NoTranscode -Verbose 4>&1
        ($lines.Message -join "`n") | Should -Match '(?m)^VOD SetDefaultTranscodeTemplateGroup attempt 1/\d+: HTTP 200'
        Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Should -BeNullOrEmpty
    }

    It 'reports an unknown group id as a non-terminating error with the cloud code' {
        Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId 'ffffffffffffffffffffffffffffffff' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'VodDefaultTemplateGroupNotSet,VodTools.Commands.SetVodDefaultTranscodeTemplateGroupCommand'
        $failures[0].Exception.Code | Should -Be 'InvalidTranscodeTemplateGroup.NotFound'
        $groups = Get-VodTranscodeTemplateGroup -TemplateGroupId 'ffffffffffffffffffffffffffffffff', (Get-VodTranscodeTemplateGroup -Name Default).TemplateGroupId -ErrorVariable missing -ErrorAction SilentlyContinue
        $groups.Name | Should -Be 'Default'
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'VodTemplateGroupNotRead,*'
    }
}
