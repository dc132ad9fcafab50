BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -SeedSample -TranscodeSeconds 1

    function Get-TestObject([string] $Prefix, [int] $First = 1000) {
        Get-OssObject -Bucket media-archive -Prefix $Prefix -Include '*.mp4', '*.mov' | Select-Object -First $First
    }

    $script:group = Get-TestTemplateGroupId
    $templates = '[{"TemplateName":"hd-ok","Definition":"HD","Container":{"Format":"mp4"}},{"TemplateName":"sd-fail","Definition":"SD","Container":{"Format":"mp4"}}]'
    $script:partialGroup = (Invoke-TestVod AddTranscodeTemplateGroup @{ Name = 'partly failing'; TranscodeTemplateList = $templates }).TranscodeTemplateGroupId
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'The seed pipeline: Get-OssObject | Register-VodMedia | Start-VodTranscode | Wait-VodTranscode' {
    BeforeAll {
        $script:films = Get-TestObject films/2020/
        $script:firstRun = $films | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode
    }

    It 'emits every task completed, with its jobs' {
        $films.Count | Should -BeGreaterThan 10
        $firstRun.Count | Should -Be $films.Count
        $firstRun | ForEach-Object {
            $_ | Should -BeOfType VodTools.Model.TranscodeTask
            $_.Status | Should -Be 'CompleteAllSucc'
            $_.Progress | Should -Be 100
            $_.Jobs.Count | Should -BeGreaterThan 0
            $_.Jobs.Status | Sort-Object -Unique | Should -Be 'TranscodeSuccess'
            $_.Jobs.OutputUrl | ForEach-Object { $_ | Should -Match '^https://' }
        }
    }

    It 'ends with exactly one task per media: the one VOD started on registration' {
        $media = $films | Register-VodMedia -TemplateGroupId $group
        ($firstRun.MediaId | Sort-Object) | Should -Be ($media.MediaId | Sort-Object)
        foreach ($m in $media) {
            $tasks = @(Get-VodTranscodeTask -MediaId $m.MediaId)
            $tasks.Count | Should -Be 1
            $tasks[0].Trigger | Should -Be 'Auto'
            $tasks[0].TemplateGroupId | Should -Be $group
        }
    }

    It 'creates no duplicate when the whole pipeline runs again' {
        $again = $films | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group | Wait-VodTranscode
        ($again.TaskId | Sort-Object) | Should -Be ($firstRun.TaskId | Sort-Object)
        foreach ($id in $again.MediaId) { @(Get-VodTranscodeTask -MediaId $id).Count | Should -Be 1 }
    }

    It 'binds -TemplateGroupId from the piped VodMedia' {
        $tasks = Get-TestObject films/2020/ 3 | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode
        $tasks.TemplateGroupId | Sort-Object -Unique | Should -Be $group
        ($tasks.TaskId | ForEach-Object { $_ -in $firstRun.TaskId }) | Should -Not -Contain $false
    }
}

Describe 'The README''s pipeline, as it is written there' {
    It 'registers, transcodes with the default group and waits, on a new emulator, with no template group named' {
        # the README's block, run as it stands in a new pwsh (only the module's path is this build's)
        $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
        $block = [regex]::Match($readme, '(?ms)^## The pipeline\s+```powershell\n(.*?)^```').Groups[1].Value
        $block | Should -Match 'Register-VodMedia \| Start-VodTranscode \| Wait-VodTranscode'
        $block | Should -Not -Match 'TemplateGroupId'
        $module = (Get-Module VodTools).Path -replace '\.dll$', '.psd1'
        $script = ($block -replace '(?m)^Import-Module \S+', "Import-Module '$module'") + @'

[pscustomobject]@{ Tasks = @($tasks).Count; Statuses = @($tasks.Status | Sort-Object -Unique); Groups = @($tasks.TemplateGroupId | Sort-Object -Unique)
    Default = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).TemplateGroupId; Films = @(Get-OssObject -Bucket media-archive -Prefix films/ -Include *.mp4).Count } |
    ConvertTo-Json -Compress | Set-Content result.json
'@
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) +
            @('-NoProfile', '-NonInteractive', '-Command', "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'; Set-Location '$TestDrive'; $script")
        $output = & $pwsh @arguments 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        $result = Get-Content -Raw (Join-Path $TestDrive result.json) | ConvertFrom-Json
        $result.Films | Should -BeGreaterThan 10
        $result.Tasks | Should -Be $result.Films
        $result.Statuses | Should -Be 'CompleteAllSucc'
        $result.Groups | Should -Be $result.Default
    }
}

Describe 'Start-VodTranscode' {
    BeforeAll {
        # Registered without transcoding (Register-VodMedia's default), so only Start-VodTranscode starts tasks.
        $script:plain = Get-TestObject films/2021/ 6 | Register-VodMedia
        $script:submitted = $plain | Start-VodTranscode -TemplateGroupId $group -Priority 8
    }

    It 'submits one Manual task per media, in input order' {
        $submitted.Count | Should -Be 6
        $submitted.MediaId | Should -Be $plain.MediaId
        $submitted | ForEach-Object {
            $_.TaskId | Should -Match '^[0-9a-f]{32}$'
            $_.Trigger | Should -Be 'Manual'
            $_.TemplateGroupId | Should -Be $group
            $_.Jobs.Count | Should -BeGreaterThan 0
        }
    }

    It 'returns the same task when run again with the same media and group (SessionId)' {
        $again = $plain.MediaId | Start-VodTranscode -TemplateGroupId $group
        $again.TaskId | Should -Be $submitted.TaskId
        foreach ($id in $plain.MediaId) { @(Get-VodTranscodeTask -MediaId $id).Count | Should -Be 1 }
    }

    It 'submits a new task with -Resubmit' {
        $first = $submitted[0] | Wait-VodTranscode
        $forced = $plain[0] | Start-VodTranscode -TemplateGroupId $group -Resubmit
        $forced.TaskId | Should -Not -Be $first.TaskId
        (Get-VodTranscodeTask -MediaId $plain[0].MediaId).TaskId | Sort-Object | Should -Be (@($first.TaskId, $forced.TaskId) | Sort-Object)
    }

    It 'submits nothing with -WhatIf' {
        $media = Get-TestObject films/2022/ 1 | Register-VodMedia
        $media | Start-VodTranscode -TemplateGroupId $group -WhatIf | Should -BeNullOrEmpty
        Get-VodTranscodeTask -MediaId $media.MediaId | Should -BeNullOrEmpty
    }

    It 'reports bad items as non-terminating errors with stable ids while the good ones flow' {
        $good = Get-TestObject films/2022/ 3 | Select-Object -Skip 1 | Register-VodMedia
        $items = @(
            $good[0]
            'ffffffffffffffffffffffffffffffff'
            [pscustomobject]@{ MediaId = $good[1].MediaId; TemplateGroupId = 'VOD_NO_TRANSCODE' }
            $good[1]
        )
        $tasks = $items | Start-VodTranscode -TemplateGroupId $group -ErrorVariable failures -ErrorAction SilentlyContinue
        $tasks.MediaId | Should -Be @($good[0].MediaId, $good[1].MediaId, $good[1].MediaId)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeNotSubmitted,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'ffffffffffffffffffffffffffffffff'
    }

    It 'transcodes media registered without transcoding (VOD_NO_TRANSCODE) with the app''s default group' {
        $media = Get-TestObject films/2022/ 5 | Select-Object -Last 1 | Register-VodMedia
        $media.TemplateGroupId | Should -Be 'VOD_NO_TRANSCODE'
        $task = $media | Start-VodTranscode
        $task.MediaId | Should -Be $media.MediaId
        $task.TemplateGroupId | Should -Be $group
        $task.Trigger | Should -Be 'Manual'
        [pscustomobject]@{ MediaId = $media.MediaId; TemplateGroupId = 'VOD_NO_TRANSCODE' } | Start-VodTranscode |
            ForEach-Object TaskId | Should -Be $task.TaskId -Because 'the same media and group is the same task'
    }

    It 'refuses media it has no group for when the app has no default group, and VOD_NO_TRANSCODE given by name' {
        $media = Get-TestObject films/2022/ 4 | Select-Object -Last 1 | Register-VodMedia
        Set-VodDefaultTranscodeTemplateGroup -NoTranscode
        try { $media | Start-VodTranscode -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty }
        finally { Set-VodDefaultTranscodeTemplateGroup -TemplateGroupId $group }
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTemplateGroupMissing,*'
        $failures[0].Exception.Message | Should -BeLike '*Set-VodDefaultTranscodeTemplateGroup*'
        $failures[0].TargetObject.MediaId | Should -Be $media.MediaId
        { $media | Start-VodTranscode -TemplateGroupId VOD_NO_TRANSCODE } | Should -Throw -ErrorId 'VodTemplateGroupMissing,VodTools.Commands.StartVodTranscodeCommand'
        Get-VodTranscodeTask -MediaId $media.MediaId | Should -BeNullOrEmpty
    }

    It 'refuses JSON parameters that are not JSON objects before any call' {
        { Start-VodTranscode -MediaId abc -TemplateGroupId $group -OverrideParams '[1]' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VodJsonParameterInvalid,VodTools.Commands.StartVodTranscodeCommand'
        { Start-VodTranscode -MediaId abc -TemplateGroupId $group -EncryptConfig '{nope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VodJsonParameterInvalid,VodTools.Commands.StartVodTranscodeCommand'
        { Start-VodTranscode -MediaId abc -TemplateGroupId $group -Priority 11 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VodTools.Commands.StartVodTranscodeCommand'
    }
}

Describe 'Wait-VodTranscode' {
    It 'reports a failed transcode as an error naming the job and its ErrorCode while good tasks are emitted' {
        $items = @(Get-TestObject films/2023/ 1) + @(Get-OssObject -Bucket media-archive -Prefix incoming/broken)
        $done = $items | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group |
            Wait-VodTranscode -ErrorVariable failures -ErrorAction SilentlyContinue
        @($done).Count | Should -Be 1
        $done.Status | Should -Be 'CompleteAllSucc'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeFailed,*'
        $failed = $failures[0].TargetObject
        $failed | Should -BeOfType VodTools.Model.TranscodeTask
        $failed.Status | Should -Be 'CompleteAllFail'
        foreach ($job in $failed.Jobs) { $failures[0].Exception.Message | Should -BeLike "*job $($job.JobId)*InvalidVideo.Damaged*" }
    }

    It 'reports a partly failed task naming only the failed job' {
        $media = Get-TestObject films/2023/ 2 | Select-Object -Last 1 | Register-VodMedia
        $media | Start-VodTranscode -TemplateGroupId $partialGroup | Wait-VodTranscode -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $task = $failures[0].TargetObject
        $task.Status | Should -Be 'CompletePartialSucc'
        $bad = $task.Jobs | Where-Object Status -eq 'TranscodeFail'
        $ok = $task.Jobs | Where-Object Status -eq 'TranscodeSuccess'
        $failures[0].Exception.Message | Should -BeLike "*job $($bad.JobId) (SD) failed with TranscodeFail*"
        $failures[0].Exception.Message | Should -Not -BeLike "*$($ok.JobId)*"
    }

    It 'takes task ids as strings and reports an unknown one while waiting for the others' {
        $task = Get-TestObject films/2023/ 3 | Select-Object -Last 1 | Register-VodMedia | Start-VodTranscode -TemplateGroupId $group
        $done = @('0123456789abcdef0123456789abcdef', $task.TaskId) | Wait-VodTranscode -ErrorVariable failures -ErrorAction SilentlyContinue
        $done.TaskId | Should -Be $task.TaskId
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeTaskUnavailable,*'
        $failures[0].TargetObject | Should -Be '0123456789abcdef0123456789abcdef'
    }
}

Describe 'Get-VodTranscodeTask' {
    BeforeAll {
        $script:done = Get-TestObject films/2024/ 4 | Register-VodMedia -TemplateGroupId $group | Start-VodTranscode | Wait-VodTranscode
    }

    It 'reads piped tasks by id with their jobs' {
        $read = $done | Get-VodTranscodeTask
        $read.TaskId | Should -Be $done.TaskId
        $read | ForEach-Object { $_.Jobs.Count | Should -BeGreaterThan 0; $_.MediaId | Should -Match '^[0-9a-f]{32}$' }
    }

    It 'reads jobs by id, 10 per call, and reports unknown ones in place' {
        $jobIds = @($done.Jobs.JobId)
        $jobIds.Count | Should -BeGreaterThan 10
        $ids = $jobIds + 'ffffffffffffffffffffffffffffffff'
        $jobs = Get-VodTranscodeTask -JobId $ids -ErrorVariable failures -ErrorAction SilentlyContinue
        $jobs.JobId | Should -Be $jobIds
        $jobs[0] | Should -BeOfType VodTools.Model.TranscodeJob
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeJobNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'lists the tasks of media piped from Get-VodMedia' {
        $tasks = $done.MediaId | Get-VodMedia | Get-VodTranscodeTask
        ($tasks.TaskId | Sort-Object) | Should -Be ($done.TaskId | Sort-Object)
    }

    It 'reads many tasks and media at once yet writes them in input order, each error in its place' {
        $ids = @($done.TaskId) * 5 + 'ffffffffffffffffffffffffffffffff' + @($done.TaskId)
        $output = @($ids | Get-VodTranscodeTask -ThrottleLimit 6 -ErrorVariable failures -ErrorAction Continue 2>&1)
        @($output | Where-Object { $_ -is [VodTools.Model.TranscodeTask] }).TaskId | Should -Be (@($done.TaskId) * 6)
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'ffffffffffffffffffffffffffffffff'
        # the error comes where its id stood: after five rounds of tasks
        @(0..($output.Count - 1) | Where-Object { $output[$_] -is [System.Management.Automation.ErrorRecord] }) | Should -Be @(5 * $done.Count)
        $byMedia = @($done.MediaId) * 3 | ForEach-Object { [pscustomobject]@{ MediaId = $_ } } | Get-VodTranscodeTask -ThrottleLimit 6
        $byMedia.MediaId | Should -Be (@($done.MediaId) * 3)
    }

    It 'reports an unknown task id as a non-terminating ObjectNotFound error' {
        $read = @('ffffffffffffffffffffffffffffffff', $done[0].TaskId) | Get-VodTranscodeTask -ErrorVariable failures -ErrorAction SilentlyContinue
        $read.TaskId | Should -Be $done[0].TaskId
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeTaskNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Start-VodSnapshot' {
    BeforeAll {
        $script:snapMedia = Get-OssObject -Bucket media-archive -Prefix 'series/The Long Road/season-1/' | Select-Object -First 2 | Register-VodMedia
    }

    It 'submits one snapshot job per piped media, whose images Get-VodSnapshot then lists' {
        $jobs = $snapMedia | Start-VodSnapshot -Count 3 -Interval 0 -Width 320 -Height 180
        $jobs.MediaId | Should -Be $snapMedia.MediaId
        $jobs | ForEach-Object { $_ | Should -BeOfType VodTools.Model.SnapshotJob; $_.JobId | Should -Match '^[0-9a-f]{32}$' }
        $snapshots = @()
        for ($i = 0; $i -lt 60 -and $snapshots.Count -lt 6; $i++) {
            Start-Sleep -Milliseconds 250
            $snapshots = @($jobs | Get-VodSnapshot)
        }
        $snapshots.Count | Should -Be 6
        $snapshots | ForEach-Object { $_ | Should -BeOfType VodTools.Model.VodSnapshot; $_.Url | Should -Match '^https://.*\.jpg$' }
        $snapshots.Index | Should -Be @(1, 2, 3, 1, 2, 3)
        $snapshots.JobId | Should -Be @($jobs[0].JobId, $jobs[0].JobId, $jobs[0].JobId, $jobs[1].JobId, $jobs[1].JobId, $jobs[1].JobId)
        $snapshots.MediaId | Sort-Object -Unique | Should -Be ($snapMedia.MediaId | Sort-Object)
    }

    It 'lists nothing for media without snapshots and reports unknown media' {
        $none = Get-TestObject films/2019/ 1 | Register-VodMedia
        $listed = @($none.MediaId, 'ffffffffffffffffffffffffffffffff') | Get-VodSnapshot -ErrorVariable failures -ErrorAction SilentlyContinue
        $listed | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodSnapshotListFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'keeps -SnapshotTemplateId apart from the other settings' {
        $job = $snapMedia[0] | Start-VodSnapshot -SnapshotTemplateId 'template-1'
        $job.MediaId | Should -Be $snapMedia[0].MediaId
        { $snapMedia[0] | Start-VodSnapshot -SnapshotTemplateId 'template-1' -Count 2 } | Should -Throw -ErrorId 'AmbiguousParameterSet,VodTools.Commands.StartVodSnapshotCommand'
    }

    It 'validates sizes, offsets and sprite JSON before any call' {
        { Start-VodSnapshot -MediaId abc -Width 4 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VodTools.Commands.StartVodSnapshotCommand'
        { Start-VodSnapshot -MediaId abc -OffsetTime (1..31) } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VodTools.Commands.StartVodSnapshotCommand'
        { Start-VodSnapshot -MediaId abc -SpriteConfig 'nope' -ErrorAction Stop } | Should -Throw -ErrorId 'VodJsonParameterInvalid,VodTools.Commands.StartVodSnapshotCommand'
    }

    It 'submits nothing with -WhatIf' {
        $calls = { param($records) @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'VOD SubmitSnapshotJob*' }).Count }
        $records = $snapMedia[1] | Start-VodSnapshot -OffsetTime 0, 1000 -WhatIf -Verbose 4>&1
        & $calls $records | Should -Be 0
        @($records | Where-Object { $_ -is [VodTools.Model.SnapshotJob] }) | Should -BeNullOrEmpty
        & $calls ($snapMedia[1] | Start-VodSnapshot -OffsetTime 0, 1000 -Verbose 4>&1) | Should -Be 1
    }

    It 'reports media VOD refuses while the others go on' {
        $jobs = @('ffffffffffffffffffffffffffffffff', $snapMedia[1].MediaId) | Start-VodSnapshot -OffsetTime 0, 1000 -ErrorVariable failures -ErrorAction SilentlyContinue
        $jobs.MediaId | Should -Be $snapMedia[1].MediaId
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodSnapshotNotSubmitted,*'
        $failures[0].TargetObject | Should -Be 'ffffffffffffffffffffffffffffffff'
    }
}
