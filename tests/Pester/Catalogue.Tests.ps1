# The catalogue after import, end to end on the emulator: Find-VodMedia by each filter and past the results SearchMedia
# pages to without a scroll token, Compare-VodBucket closing the gap with Register-VodMedia, Set-VodMedia on 500 media,
# and the category cmdlets. The emulator pages at most -SearchResultLimit results (Pester's -Data @{ SearchResultLimit
# = N }; the cloud's 5,000, which bench/Invoke-FullSizeSuites.ps1 runs, take 5,100 uploads to pass; at least 100).
# Find-VodMedia scrolls 50 a page.
param([ValidateRange(100, 5000)] [int] $SearchResultLimit = 200)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample -SearchResultLimit $SearchResultLimit

    # Films and podcasts registered a second apart, so creation times split them.
    $script:films = Get-OssObject -Bucket media-archive -Prefix films/ | Register-VodMedia
    Start-Sleep -Milliseconds 1100
    $script:between = [DateTime]::UtcNow
    Start-Sleep -Milliseconds 1100
    $script:podcasts = Get-OssObject -Bucket media-archive -Prefix audio/podcasts/ | Register-VodMedia
    # More uploads than SearchMedia pages to without a scroll token, and at least 500 (they stay Uploading: no file arrives)
    $script:uploads = [math]::Max(500, $SearchResultLimit + 100)
    Invoke-TestVodMany CreateUploadVideo @(1..$uploads | ForEach-Object { @{ Title = "upload $_"; FileName = "upload-$_.mp4" } })

    function Get-SearchCalls([object[]] $Stream) {
        @($Stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'VOD SearchMedia *' }).Count
    }
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Find-VodMedia' {
    It 'finds by status, past the results paging reaches, each media once' {
        $found = Find-VodMedia -Status Uploading
        $found.Count | Should -Be $uploads
        ($found.MediaId | Sort-Object -Unique).Count | Should -Be $uploads
        $found[0] | Should -BeOfType VodTools.Model.VodMedia
        (Find-VodMedia -Status Normal -MediaType video).Count | Should -Be $films.Count
    }

    It 'stops searching when Select-Object has enough' {
        Get-SearchCalls (Find-VodMedia -Status Uploading -MediaType video -Verbose 4>&1) | Should -Be ([math]::Ceiling($uploads / 50)) -Because 'a scroll reads 50 a page'
        # the -Verbose lines go aside, so Select-Object counts media only: at the 150th no fourth page is asked for
        $calls = [System.Collections.Generic.List[object]]::new()
        $found = Find-VodMedia -Status Uploading -MediaType video -Verbose 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $calls.Add($_) } else { $_ } } | Select-Object -First 150
        $found.Count | Should -Be 150
        Get-SearchCalls $calls | Should -Be 3
    }

    It 'matches titles exactly by wildcard although VOD''s title search is loose' {
        (Find-VodMedia -Title 'film-01?').Count | Should -Be 60
        Find-VodMedia -Title 'film-01' | Should -BeNullOrEmpty   # VOD finds film-010 … film-019; none is titled film-01
        (Find-VodMedia -Title 'FILM-001').Title | Sort-Object -Unique | Should -Be 'film-001'
        (Find-VodMedia -Title 'film-01?' -MatchTitleLocally -StorageLocation media-archive).Count | Should -Be 60
    }

    It 'finds by tag exactly, by category, by storage location, by creation time and by media type' {
        $films[0..2] | Set-VodMedia -Tags news
        $films[3..4] | Set-VodMedia -Tags newsroom
        (Find-VodMedia -Tag news).MediaId | Sort-Object | Should -Be ($films[0..2].MediaId | Sort-Object)
        (Find-VodMedia -Tag NEWSROOM, nothing).Count | Should -Be 2

        $category = New-VodCategory 'Find tests'
        $films[5..7] | Set-VodMedia -CateId $category.CateId
        $inCategory = Find-VodMedia -CateId $category.CateId
        $inCategory.MediaId | Sort-Object | Should -Be ($films[5..7].MediaId | Sort-Object)
        $inCategory.CateName | Sort-Object -Unique | Should -Be 'Find tests'
        ($category | Find-VodMedia).Count | Should -Be 3

        (Find-VodMedia -StorageLocation media-archive).Count | Should -Be ($films.Count + $podcasts.Count)
        (Find-VodMedia -StorageLocation 'media-archive.oss-cn-shanghai.aliyuncs.com' -MediaType audio).Count | Should -Be $podcasts.Count
        (Find-VodMedia -CreatedBefore $between -StorageLocation media-archive).MediaId | Sort-Object | Should -Be ($films.MediaId | Sort-Object)
        (Find-VodMedia -CreatedAfter $between -StorageLocation media-archive).MediaId | Sort-Object | Should -Be ($podcasts.MediaId | Sort-Object)
        (Find-VodMedia -MediaType audio -Status Normal).Count | Should -Be $podcasts.Count
        (Find-VodMedia -StorageLocation media-archive -Match "AppId in ('app-1000000')").Count | Should -Be ($films.Count + $podcasts.Count)
    }

    It 'sorts by creation time either way' {
        $newestFirst = Find-VodMedia -StorageLocation media-archive -MediaType video
        $oldestFirst = Find-VodMedia -StorageLocation media-archive -MediaType video -SortBy CreationTime:Asc
        $newestFirst[0].CreationTime | Should -BeGreaterOrEqual $newestFirst[-1].CreationTime
        $oldestFirst[0].CreationTime | Should -BeLessOrEqual $oldestFirst[-1].CreationTime
        $oldestFirst.MediaId | Sort-Object | Should -Be ($newestFirst.MediaId | Sort-Object)
    }

    It 'emits media that pipe into Get-VodMedia, Start-VodTranscode, Set-VodMedia and Remove-VodMedia' {
        $one = Find-VodMedia -Title 'film-020' -CreatedBefore $between | Select-Object -First 2
        ($one | Get-VodMedia).MediaId | Should -Be $one.MediaId
        ($one | Start-VodTranscode -TemplateGroupId (Get-TestTemplateGroupId)).MediaId | Should -Be $one.MediaId
        $one[0] | Set-VodMedia -Title 'film-020 renamed'
        (Find-VodMedia -Title 'film-020 renamed').MediaId | Should -Be $one[0].MediaId
        $one[1] | Remove-VodMedia -Confirm:$false
        Get-VodMedia -MediaId $one[1].MediaId -ErrorAction SilentlyContinue -ErrorVariable gone | Should -BeNullOrEmpty
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'VodMediaNotFound,*'
    }

    It 'refuses a value VOD''s search cannot carry before any call' {
        { Find-VodMedia -Tag "rock'n'roll" -ErrorAction Stop } | Should -Throw -ErrorId 'VodSearchValueInvalid,VodTools.Commands.FindVodMediaCommand'
    }
}

Describe 'Set-VodMedia' {
    It 'updates 500 media, 20 a call, and edits each one''s own tags' {
        $batch = Find-VodMedia -Status Uploading | Select-Object -First 500
        $batch | Set-VodMedia -Title 'Renamed' -Tags one, two -Description 'set in bulk'
        $batch | Set-VodMedia -AddTag three -RemoveTag ONE -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'VOD UpdateVideoInfos *' } | Should -HaveCount 25
        $read = $batch | Get-VodMedia
        $read.Title | Sort-Object -Unique | Should -Be 'Renamed'
        $read.Tags | Sort-Object -Unique | Should -Be 'two,three'
        $read.Description | Sort-Object -Unique | Should -Be 'set in bulk'
        (Find-VodMedia -Tag three).Count | Should -Be 500
    }

    It 'emits nothing by default, and with -PassThru each media as VOD has it after the change, in input order' {
        $some = Find-VodMedia -Status Uploading | Select-Object -First 25
        $some | Set-VodMedia -Description 'quiet' | Should -BeNullOrEmpty
        $passed = $some | Set-VodMedia -Tag passed -PassThru -ThrottleLimit 4
        $passed.MediaId | Should -Be $some.MediaId
        $passed | ForEach-Object { $_ | Should -BeOfType VodTools.Model.VodMedia; $_.Tags | Should -Be 'passed'; $_.Description | Should -Be 'quiet' }
    }

    It 'changes nothing with -WhatIf' {
        $films[10] | Set-VodMedia -Title 'not really' -WhatIf
        (Get-VodMedia $films[10].MediaId).Title | Should -Be $films[10].Title
    }

    It 'reports unknown media and tags over VOD''s limit per item while the others are updated' {
        $crowded = $films[11]
        $crowded | Set-VodMedia -Tags (1..16 | ForEach-Object { "t$_" })
        Set-VodMedia -MediaId $films[12].MediaId, 'ffffffffffffffffffffffffffffffff', $crowded.MediaId -AddTag extra -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.FullyQualifiedErrorId | Should -Be @('VodMediaNotFound,VodTools.Commands.SetVodMediaCommand', 'VodTooManyTags,VodTools.Commands.SetVodMediaCommand')
        $failures[1].TargetObject | Should -Be $crowded.MediaId
        (Get-VodMedia $films[12].MediaId).Tags | Should -Be 'extra'
    }

    It 'checks VOD''s limits before any call' {
        { $films[13] | Set-VodMedia -Title ('x' * 129) -ErrorAction Stop } | Should -Throw -ErrorId 'VodTitleTooLong,VodTools.Commands.SetVodMediaCommand'
        { $films[13] | Set-VodMedia -ErrorAction Stop } | Should -Throw -ErrorId 'VodNothingToSet,VodTools.Commands.SetVodMediaCommand'
    }
}

Describe 'Compare-VodBucket' {
    It 'finds files never registered and media whose file is gone, and Register-VodMedia closes the gap' {
        $series = Get-OssObject -Bucket media-archive -Prefix 'series/The Long Road/' | Select-Object -First 6 | Register-VodMedia
        $gone = Get-OssObject -Bucket media-archive -Prefix 'series/The Long Road/season-1/episode 0' | Select-Object -First 2
        $gone | Remove-OssObject -Confirm:$false

        $entries = Compare-VodBucket media-archive -Prefix series/ -Include *.mp4
        ($entries | Group-Object State -AsHashTable -AsString).Keys | Sort-Object | Should -Be @('NotRegistered', 'Registered', 'SourceMissing')
        $entries[0] | Should -BeOfType VodTools.Model.VodBucketEntry
        $entries.Key | Should -Be ($entries.Key | Sort-Object -CaseSensitive) -Because 'entries come in key order'
        ($entries | Where-Object State -eq SourceMissing).Key | Should -Be $gone.Key
        ($entries | Where-Object State -eq SourceMissing).MediaId | Sort-Object | Should -Be ($series | Where-Object { $_.FileUrl -in $gone.FileUrl } | ForEach-Object MediaId | Sort-Object)
        ($entries | Where-Object State -eq Registered).Count | Should -Be 4
        ($entries | Where-Object State -eq NotRegistered).Count | Should -Be (60 - 6)

        $new = $entries | Where-Object State -eq NotRegistered | Register-VodMedia
        $new.Count | Should -Be 54
        $after = Compare-VodBucket media-archive -Prefix series/ -Include *.mp4
        $after | Where-Object State -eq NotRegistered | Should -BeNullOrEmpty
        ($after | Where-Object State -eq Registered).Count | Should -Be 58
        ($after | Where-Object State -eq SourceMissing).Count | Should -Be 2
    }

    It 'leaves out keys outside -Prefix, -Include and -Exclude on both sides' {
        $entries = Compare-VodBucket media-archive -Prefix audio/ -Exclude '*música*'
        $entries.State | Sort-Object -Unique | Should -Be 'Registered'
        $entries.Count | Should -Be $podcasts.Count
    }
}

Describe 'Categories' {
    It 'creates once by name under a parent, lists the tree and deletes with subcategories' {
        $films = New-VodCategory Films
        $again = New-VodCategory Films -Verbose 4>&1
        ($again | Where-Object { $_ -is [VodTools.Model.VodCategory] }).CateId | Should -Be $films.CateId
        $drama = New-VodCategory Drama -ParentId $films.CateId
        $drama.Path | Should -Be 'Films/Drama'
        $drama.Level | Should -Be 1
        $french = 'French' | New-VodCategory -ParentId $drama.CateId

        $tree = Get-VodCategory -Recurse
        ($tree | Where-Object CateId -in $films.CateId, $drama.CateId, $french.CateId).Path | Should -Be @('Films', 'Films/Drama', 'Films/Drama/French')
        (Get-VodCategory -CateId $french.CateId).Path | Should -Be 'Films/Drama/French'
        (Get-VodCategory -Name fil*).CateId | Should -Be $films.CateId
        (Get-VodCategory $films.CateId -Recurse).CateId | Should -Be @($films.CateId, $drama.CateId, $french.CateId)

        $films | Remove-VodCategory -Confirm:$false
        Get-VodCategory -CateId $drama.CateId -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be 'VodCategoryNotFound,VodTools.Commands.GetVodCategoryCommand'
        Remove-VodCategory -CateId $films.CateId -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -Be 'VodCategoryNotFound,VodTools.Commands.RemoveVodCategoryCommand'
        New-VodCategory Orphan -ParentId 42 -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -Be 'VodCategoryNotFound,VodTools.Commands.NewVodCategoryCommand'
    }

    It 'completes -CateId from category names on every cmdlet that takes it' {
        $news = New-VodCategory 'News desk'
        $local = New-VodCategory 'Local' -ParentId $news.CateId
        foreach ($line in 'Find-VodMedia -CateId News', 'Set-VodMedia -CateId News', 'Register-VodMedia -CateId News', 'Get-VodCategory -CateId News', 'Remove-VodCategory -CateId News', 'New-VodCategory x -ParentId News') {
            $completion = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $completion.CompletionText | Should -Be "$($news.CateId)" -Because $line
        }
        $line = 'Find-VodMedia -CateId Loc'
        $byChild = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $byChild.CompletionText | Should -Be "$($local.CateId)"
        $byChild.ListItemText | Should -Be "$($local.CateId) (Local in News desk)"
    }
}

Describe 'Set-VodCategory' {
    It 'renames a category in place, keeps its subcategories, and emits it with its path' {
        $parent = New-VodCategory 'Documentaires'
        $child = New-VodCategory 'Nature' -ParentId $parent.CateId
        $renamed = $parent | Set-VodCategory -NewName 'Documentaries' -PassThru
        $renamed.CateId | Should -Be $parent.CateId
        $renamed.Path | Should -Be 'Documentaries'
        (Get-VodCategory -CateId $child.CateId).Path | Should -Be 'Documentaries/Nature'
    }

    It 'checks the name before any call and reports an unknown category without stopping' {
        { Set-VodCategory -CateId 1 -NewName ('x' * 65) -ErrorAction Stop } | Should -Throw -ErrorId 'VodCategoryNameTooLong*'
        $known = New-VodCategory 'Shorts'
        @(7, $known.CateId) | ForEach-Object { [pscustomobject]@{ CateId = $_ } } |
            Set-VodCategory -NewName 'Short films' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodCategoryNotFound,*'
        (Get-VodCategory -CateId $known.CateId).CateName | Should -Be 'Short films'
    }
}
