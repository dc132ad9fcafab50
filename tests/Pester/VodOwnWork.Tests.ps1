# What VOD does by itself once a file arrives: it transcodes an upload or a URL pull with the group given, else with the
# default group (CreateUploadVideo's and UploadMediaByURL's TemplateGroupId), and a media without transcoding plays its
# source when it is MP4, FLV, MP3, M3U8 or WebM. Start-VodTranscode picks VOD's own task up; Test-VodPlayback agrees.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -TranscodeSeconds 1
    $script:web = Start-TestWebServer -Files @{ '/in/pulled.mp4' = [byte[]]::new(3000) }
    $script:group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault).TemplateGroupId

    function New-TestMediaFile([string] $Name) {
        $path = Join-Path $TestDrive $Name
        [IO.File]::WriteAllBytes($path, [byte[]]::new(2000))
        $path
    }

    # The transcode tasks the emulator holds for a media, whoever started them.
    function Get-TaskCount([string] $MediaId) {
        @((Invoke-RestMethod "$($script:emulator.Url)/_emulator/stats").transcodeTasks | Where-Object videoId -eq $MediaId).Count
    }
}

AfterAll {
    Stop-TestWebServer $script:web
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Start-VodTranscode after an upload or a pull' {
    It 'emits the task VOD started itself with the default group after Send-VodMedia, and starts no second one' {
        $media = Send-VodMedia -Path (New-TestMediaFile 'sent.mp4') -CheckpointPath $TestDrive
        $task = $media | Start-VodTranscode -TemplateGroupId $group
        $task.Trigger | Should -Be 'Auto'
        $task.TemplateGroupId | Should -Be $group
        Get-TaskCount $media.MediaId | Should -Be 1
    }

    It 'emits the task VOD started itself after Import-VodMediaFromUrl, and starts no second one' {
        $job = Import-VodMediaFromUrl -Url "$($web.BaseUrl)/in/pulled.mp4" | Get-VodUrlUploadJob -Wait -Timeout 30
        $job.Status | Should -Be 'SUCCESS'
        $task = $job | Start-VodTranscode -TemplateGroupId $group
        $task.Trigger | Should -Be 'Auto'
        Get-TaskCount $job.MediaId | Should -Be 1
    }

    It 'submits a task for an upload sent with VOD_NO_TRANSCODE, which VOD does not transcode' {
        $media = Send-VodMedia -Path (New-TestMediaFile 'kept.mp4') -TemplateGroupId VOD_NO_TRANSCODE -CheckpointPath $TestDrive
        Get-TaskCount $media.MediaId | Should -Be 0
        ($media | Start-VodTranscode -TemplateGroupId $group).Trigger | Should -Be 'Manual'
    }
}

Describe 'Test-VodPlayback of media without transcoding' {
    It 'plays the source of an MP4 sent with VOD_NO_TRANSCODE, and reports a MOV as having no stream' {
        $mp4 = Send-VodMedia -Path (New-TestMediaFile 'plain.mp4') -TemplateGroupId VOD_NO_TRANSCODE -CheckpointPath $TestDrive
        $check = $mp4 | Test-VodPlayback
        $check.Playable | Should -BeTrue
        $check.Definition | Should -Be 'OD'
        $check.Format | Should -Be 'mp4'

        $mov = Send-VodMedia -Path (New-TestMediaFile 'plain.mov') -TemplateGroupId VOD_NO_TRANSCODE -CheckpointPath $TestDrive
        $none = $mov | Test-VodPlayback -ErrorVariable failures -ErrorAction SilentlyContinue
        $none | Should -BeNullOrEmpty
        "$($failures[0])" | Should -Match 'NoneStream'
    }
}
