# Set-VodMessageCallback / Get-VodMessageCallback, and the HTTP callbacks the emulator posts to a listener on loopback.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -TranscodeSeconds 1
    $script:web = Start-TestWebServer -Files @{ '/in/clip.mp4' = [byte[]]::new(4000) }
    $script:callbackUrl = "$($web.BaseUrl)/vod/events?env=test"
    $script:key = 'Rehearse2026Key'

    function Get-Event([string] $Type) {
        @($web.Received.ToArray() | ForEach-Object { [pscustomobject]@{ Json = $_.Body | ConvertFrom-Json; Call = $_ } } | Where-Object { $_.Json.EventType -eq $Type })
    }
}

AfterAll {
    Stop-TestWebServer $script:web
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Setting the callback' {
    It 'sets it and reads it back with the key masked, nowhere printed' {
        $shown = Set-VodMessageCallback -CallbackUrl $callbackUrl -EventType ALL -AuthKey $key -PassThru -Verbose 4>&1 | Out-String
        $shown | Should -Not -Match $key
        $callback = Get-VodMessageCallback
        $callback.CallbackType | Should -Be 'HTTP'
        $callback.CallbackUrl | Should -Be $callbackUrl
        $callback.EventTypes | Should -Be 'ALL'
        $callback.AuthEnabled | Should -BeTrue
        $callback.AuthKey | Should -Be '********'
        ($callback | Format-List | Out-String) | Should -Not -Match $key
    }

    It 'refuses a key VOD would refuse, before any call' {
        { Set-VodMessageCallback -CallbackUrl $callbackUrl -AuthKey 'lowercaseonly' } | Should -Throw -ErrorId 'VodAuthKeyInvalid*'
        (Get-VodMessageCallback).AuthEnabled | Should -BeTrue
    }
}

Describe 'Events of a pull, a transcode and a snapshot' {
    BeforeAll {
        Set-VodMessageCallback -CallbackUrl $callbackUrl -EventType ALL -AuthKey $key
        $group = Get-TestTemplateGroupId
        $script:job = Import-VodMediaFromUrl -Url "$($web.BaseUrl)/in/clip.mp4" -TemplateGroupId $group | Get-VodUrlUploadJob -Wait -Timeout 30
        $script:mediaId = $job.MediaId
        $script:task = Get-VodTranscodeTask -MediaId $mediaId | Wait-VodTranscode -Timeout 30
        $null = Start-VodSnapshot -MediaId $mediaId -Count 2
        $null = Wait-Until { (Get-Event SnapshotComplete).Count -gt 0 -and (Get-Event TranscodeComplete).Count -gt 0 } 30
    }

    It 'posts FileUploadComplete and UploadByURLComplete for the pulled file' {
        $upload = Get-Event FileUploadComplete
        $upload.Count | Should -Be 1
        $upload[0].Json.VideoId | Should -Be $mediaId
        $upload[0].Json.Status | Should -Be 'success'
        $upload[0].Json.Size | Should -Be 4000
        $upload[0].Json.FileUrl | Should -Match '^https://'
        $upload[0].Call.Body | Should -Match '"EventTime":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"'
        $pull = Get-Event UploadByURLComplete
        $pull[0].Json.JobId | Should -Be $job.JobId
        $pull[0].Json.SourceURL | Should -Be "$($web.BaseUrl)/in/clip.mp4"
        $pull[0].Json.VideoId | Should -Be $mediaId
    }

    It 'posts StreamTranscodeComplete per job, then TranscodeComplete with every stream' {
        $streams = Get-Event StreamTranscodeComplete
        ($streams.Json.JobId | Sort-Object) | Should -Be ($task.Jobs.JobId | Sort-Object)
        $streams.Json | ForEach-Object { $_.VideoId | Should -Be $mediaId; $_.Status | Should -Be 'success'; $_.Definition | Should -Not -BeNullOrEmpty; $_.FileUrl | Should -Match '^https://' }
        $done = Get-Event TranscodeComplete
        $done.Count | Should -Be 1
        $done[0].Json.Status | Should -Be 'success'
        $done[0].Json.StreamInfos.Count | Should -Be $task.Jobs.Count
    }

    It 'posts SnapshotComplete' {
        $snapshot = Get-Event SnapshotComplete
        $snapshot[0].Json.VideoId | Should -Be $mediaId
        $snapshot[0].Json.SubType | Should -Be 'SpecifiedTime'
        $snapshot[0].Json.CoverUrl | Should -Match '\.jpg$'
    }

    It 'signs every callback: X-VOD-SIGNATURE is md5(URL|X-VOD-TIMESTAMP|key)' {
        $md5 = [System.Security.Cryptography.MD5]::Create()
        $web.Received.Count | Should -BeGreaterThan 4
        foreach ($call in $web.Received.ToArray()) {
            $call.Timestamp | Should -Match '^\d{10}$'
            $expected = -join ($md5.ComputeHash([Text.Encoding]::UTF8.GetBytes("$callbackUrl|$($call.Timestamp)|$key")) | ForEach-Object { $_.ToString('x2') })
            $call.Signature | Should -Be $expected
        }
    }
}

Describe 'Events chosen and unsigned' {
    It 'posts only the event types asked for, without signature headers when no key is set' {
        Set-VodMessageCallback -CallbackUrl $callbackUrl -EventType FileUploadComplete
        $before = $web.Received.Count
        $file = Join-Path $TestDrive 'upload.mp4'
        [IO.File]::WriteAllBytes($file, [byte[]]::new(3000))
        $media = Send-VodMedia -Path $file
        Wait-Until { $web.Received.Count -gt $before } 20 | Should -BeTrue
        Start-Sleep -Milliseconds 500
        $new = @($web.Received.ToArray() | Select-Object -Skip $before)
        $new.Count | Should -Be 1
        $event = $new[0].Body | ConvertFrom-Json
        $event.EventType | Should -Be 'FileUploadComplete'
        $event.VideoId | Should -Be $media.MediaId
        $new[0].Signature | Should -BeNullOrEmpty
    }
}

Describe 'Event payloads as the event pages list them' {
    BeforeAll {
        Set-VodMessageCallback -CallbackUrl $callbackUrl -EventType ALL -AuthKey $key
    }

    It 'gives SnapshotComplete its SnapshotInfos: type, count, name format and URL rule' {
        $info = @((Get-Event SnapshotComplete)[0].Json.SnapshotInfos)
        $info.Count | Should -Be 1
        $info[0].Status | Should -Be 'success'
        $info[0].SnapshotType | Should -Be 'NormalSnapshot'
        $info[0].SnapshotCount | Should -Be 2
        $info[0].SnapshotFormat | Should -Match '\{SnapshotCount\}\.jpg$'
        $info[0].SnapshotRegular | Should -Match '^https://.*\{SnapshotCount\}\.jpg$'
        $info[0].JobId | Should -Match '^[0-9a-f]{32}$'
    }

    It 'echoes the Extend of UserData, and a failed pull''s UploadByURLComplete has no VideoId' {
        $job = Import-VodMediaFromUrl -Url "$($web.BaseUrl)/in/missing.mp4" -UserData '{"Extend":{"run":"rehearsal"}}'
        $null = $job | Get-VodUrlUploadJob -Wait -Timeout 30 -ErrorAction SilentlyContinue
        $null = Wait-Until { Get-Event UploadByURLComplete | Where-Object { $_.Json.JobId -eq $job.JobId } } 30
        $event = (Get-Event UploadByURLComplete | Where-Object { $_.Json.JobId -eq $job.JobId })[0].Json
        $event.Status | Should -Be 'fail'
        $event.PSObject.Properties.Name | Should -Not -Contain 'VideoId'
        $event.Extend | Should -Be '{"run":"rehearsal"}'
    }
}
