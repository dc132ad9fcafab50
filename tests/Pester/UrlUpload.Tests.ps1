# Import-VodMediaFromUrl and Get-VodUrlUploadJob against the emulator, which pulls from a web server on loopback.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    $script:emulator = Start-TestEmulator -TranscodeSeconds 1
    $files = @{}
    foreach ($n in 1..20) { $files["/films/film-$n.mp4"] = [byte[]]::new(1000 + $n) }
    $script:web = Start-TestWebServer -Files $files
    $script:urls = 1..20 | ForEach-Object { "$($web.BaseUrl)/films/film-$_.mp4" }
}

AfterAll {
    Stop-TestWebServer $script:web
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Pulling 20 loopback files' {
    BeforeAll {
        $output = $urls | Import-VodMediaFromUrl -Verbose 4>&1
        $script:calls = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'UploadMediaByURL attempt' })
        $script:jobs = @($output | Where-Object { $_ -is [VodTools.Model.VodUrlUploadJob] })
        $script:done = $jobs | Get-VodUrlUploadJob -Wait -Timeout 60
    }

    It 'emits one job per URL, in input order, sent twenty a call' {
        $jobs.Count | Should -Be 20
        $calls.Count | Should -Be 1
        $jobs.SourceUrl | Should -Be $urls
        ($jobs.JobId | Sort-Object -Unique).Count | Should -Be 20
        $jobs[0].Title | Should -Be 'film-1'
    }

    It 'waits until every job is SUCCESS with its media' {
        $done.Count | Should -Be 20
        $done.Status | Sort-Object -Unique | Should -Be 'SUCCESS'
        $done | ForEach-Object {
            $_.MediaId | Should -Match '^[0-9a-f]{32}$'
            $_.FileSize | Should -Be (1000 + [int]($_.SourceUrl -replace '.*film-(\d+)\.mp4$', '$1'))
            $_.CompleteTime | Should -Not -BeNullOrEmpty
        }
    }

    It 'makes each pulled file a media whose source holds its bytes' {
        $job = $done | Where-Object SourceUrl -eq $urls[4]
        (Get-VodMedia -MediaId $job.MediaId).Title | Should -Be 'film-5'
        (Get-VodMezzanine -MediaId $job.MediaId).Size | Should -Be 1005
    }

    It 'reads the jobs of a URL' {
        $byUrl = Get-VodUrlUploadJob -Url $urls[0]
        $byUrl.JobId | Should -Be $jobs[0].JobId
        $byUrl.Status | Should -Be 'SUCCESS'
    }
}

Describe 'What a pull fails on' {
    It 'fails a URL off this machine with URLInvalidError, without trying it' {
        $job = Import-VodMediaFromUrl -Url 'http://media.example.invalid/film.mp4'
        $result = $job | Get-VodUrlUploadJob -Wait -Timeout 30 -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodUrlUploadFailed*'
        $failures[0].TargetObject.Status | Should -Be 'DOWNLOAD_FAIL'
        $failures[0].TargetObject.ErrorCode | Should -Be 'URLInvalidError'
        $failures[0].TargetObject.ErrorMessage | Should -Match 'loopback'
    }

    It 'fails a URL the server answers 404' {
        $job = Import-VodMediaFromUrl -Url "$($web.BaseUrl)/films/missing.mp4"
        $null = $job | Get-VodUrlUploadJob -Wait -Timeout 30 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].TargetObject.ErrorCode | Should -Be 'URLInvalidError'
        $failures[0].TargetObject.ErrorMessage | Should -Match '404'
        $failures[0].TargetObject.MediaId | Should -BeNullOrEmpty
    }

    It 'refuses a URL that is not http or https before any call' {
        $result = Import-VodMediaFromUrl -Url 'ftp://127.0.0.1/film.mp4', "$($web.BaseUrl)/films/noextension" -ErrorVariable bad -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $bad.FullyQualifiedErrorId | ForEach-Object { $_ -replace ',.*' } | Should -Be 'VodUrlInvalid', 'VodFileExtensionMissing'
    }
}

Describe 'A pulled file is media like an uploaded one' {
    It 'takes titles from piped objects and transcodes with the template group' {
        $group = Get-TestTemplateGroupId
        $job = [pscustomobject]@{ Url = $urls[7]; Title = 'Film Eight' } | Import-VodMediaFromUrl -TemplateGroupId $group
        $job.Title | Should -Be 'Film Eight'
        $pulled = $job | Get-VodUrlUploadJob -Wait -Timeout 30
        (Get-VodMedia -MediaId $pulled.MediaId).Title | Should -Be 'Film Eight'
        $task = Get-VodTranscodeTask -MediaId $pulled.MediaId | Wait-VodTranscode -Timeout 30
        $task.Status | Should -Be 'CompleteAllSucc'
    }
}

Describe 'A pull whose answer was lost' {
    BeforeAll {
        # the file's emulator makes way for one that loses every UploadMediaByURL answer after acting (AfterAll stops it)
        Stop-VodEmulator -ProcessId $script:emulator.ProcessId
        $script:emulator = Start-TestEmulator -TranscodeSeconds 1 -Faults 'lost:1@UploadMediaByURL'
    }

    It 'is not sent again: the jobs it made are read back and emitted' {
        $jobs = $urls[0..2] | Import-VodMediaFromUrl
        $jobs.Count | Should -Be 3
        $jobs.JobId | ForEach-Object { $_ | Should -Match '^[0-9a-f]{32}$' }
        foreach ($url in $urls[0..2]) { @(Get-VodUrlUploadJob -Url $url).Count | Should -Be 1 }
    }
}
