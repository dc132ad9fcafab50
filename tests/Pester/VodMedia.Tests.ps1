BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'VodRpc.psm1') -Force
    Import-VodToolsUnderTest
    # Transcodes here take 10 minutes, so a task is reliably still running when a test needs one that is.
    $script:emulator = Start-TestEmulator -SeedSample -TranscodeSeconds 600

    function Register-TestMedia([string] $Prefix, [int] $First) {
        Get-OssObject -Bucket media-archive -Prefix $Prefix | Where-Object Key -Match '\.(mp4|mov|mp3)$' | Select-Object -First $First | Register-VodMedia
    }
}

AfterAll {
    Stop-VodEmulator -ProcessId $script:emulator.ProcessId
}

Describe 'Get-VodMedia' {
    BeforeAll {
        $script:media = Register-TestMedia 'audio/podcasts/' 25
    }

    It 'reads piped media in batches of 20, one VodMedia per id in input order' {
        $read = $media | Get-VodMedia
        $read.Count | Should -Be 25
        $read.MediaId | Should -Be $media.MediaId
        $read.Title | Should -Be $media.Title
        $read | ForEach-Object {
            $_ | Should -BeOfType VodTools.Model.VodMedia
            $_.Status | Should -Be 'Normal'
            $_.Size | Should -BeGreaterThan 0
            $_.TemplateGroupId | Should -Be 'VOD_NO_TRANSCODE'
        }
    }

    It 'reports ids VOD does not know as ObjectNotFound errors in place while the others flow' {
        $ids = @($media[0].MediaId, 'ffffffffffffffffffffffffffffffff', $media[1].MediaId)
        $read = Get-VodMedia -MediaId $ids -ErrorVariable failures -ErrorAction SilentlyContinue
        $read.MediaId | Should -Be @($media[0].MediaId, $media[1].MediaId)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodMediaNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'ffffffffffffffffffffffffffffffff'
    }

    It 'takes ids as strings and by the VideoId alias, reading a repeated id once per batch' {
        (Get-VodMedia -VideoId $media[2].MediaId).MediaId | Should -Be $media[2].MediaId
        @($media[3].MediaId, $media[3].MediaId) | Get-VodMedia | Should -HaveCount 1
    }
}

Describe 'Get-VodMezzanine' {
    It 'reads the source file of piped media' {
        $media = Register-TestMedia 'films/2019/' 2
        $mezzanine = $media | Get-VodMezzanine -OutputType oss
        $mezzanine.MediaId | Should -Be $media.MediaId
        $mezzanine.FileUrl | Should -Be $media.FileUrl
        $mezzanine | ForEach-Object {
            $_ | Should -BeOfType VodTools.Model.VodMezzanine
            $_.Size | Should -BeGreaterThan 0
            $_.FileMD5 | Should -Match '^[0-9a-f]{32}$'
            $_.Status | Should -Be 'Normal'
        }
    }

    It 'reports an unknown media as a non-terminating ObjectNotFound error' {
        $media = Register-TestMedia 'films/2019/' 3 | Select-Object -Last 1
        $read = @('ffffffffffffffffffffffffffffffff', $media.MediaId) | Get-VodMezzanine -ErrorVariable failures -ErrorAction SilentlyContinue
        $read.MediaId | Should -Be $media.MediaId
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodMezzanineNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Remove-VodMedia' {
    It 'deletes nothing with -WhatIf, naming each media by title and source file, and reads nothing to ask no one' {
        $media = Register-TestMedia 'audio/música/' 2
        $path = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $path | Out-Null
        try { $media | Remove-VodMedia -WhatIf } finally { Stop-Transcript | Out-Null }
        $said = Get-Content $path -Raw
        $said | Should -Match ([regex]::Escape("$($media[0].MediaId) '$($media[0].Title)' (source file oss://media-archive/audio/música/"))
        ($media | Get-VodMedia).MediaId | Should -Be $media.MediaId
        $calls = $media | Remove-VodMedia -Confirm:$false -Verbose 4>&1 | Where-Object { "$_" -match '^VOD (\w+) attempt' } | ForEach-Object { "$_".Split(' ')[1] }
        $calls | Should -Be @('DeleteVideo')
    }

    It 'deletes piped media in batches of 20, source files included' {
        $media = @(Register-TestMedia 'series/Café Stories/' 20) + @(Register-TestMedia 'series/城市故事/' 2)
        $media.Count | Should -Be 22
        $media | Remove-VodMedia -Confirm:$false
        $media | Get-VodMedia -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 22
        Get-OssObject -Bucket media-archive -Prefix 'series/Café Stories/season-1/episode 01' | Should -BeNullOrEmpty
    }

    It 'reports ids VOD does not know while deleting the others' {
        $media = Register-TestMedia 'audio/música/' 4 | Select-Object -Last 2
        $unknown = 'ffffffffffffffffffffffffffffffff'
        @($media[0].MediaId, $unknown, $media[1].MediaId) | Remove-VodMedia -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodMediaNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $unknown
        $media | Get-VodMedia -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports every id when none of a batch exists (VOD answers InvalidVideo.NotFound)' {
        $ids = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'dddddddddddddddddddddddddddddddd'
        Remove-VodMedia -MediaId $ids -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.TargetObject | Should -Be $ids
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'VodMediaNotFound,*' }
    }

    It 'asks for confirmation (ConfirmImpact High)' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Remove-VodMedia))
        $metadata.ConfirmImpact | Should -Be 'High'
        $metadata.SupportsShouldProcess | Should -BeTrue
    }
}

Describe 'Send-VodMedia' {
    BeforeAll {
        $script:folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('vodtools-send-' + [guid]::NewGuid().ToString('N')))
        $script:small = Join-Path $folder 'a small clip.mp4'
        [IO.File]::WriteAllBytes($small, [byte[]](1..200))
        $script:large = Join-Path $folder 'b large clip.mov'
        $bytes = [byte[]]::new(350KB)
        [Random]::new(7).NextBytes($bytes)
        [IO.File]::WriteAllBytes($large, $bytes)
    }

    AfterAll {
        Remove-Item $folder -Recurse -Force
    }

    It 'creates nothing with -WhatIf' {
        Get-ChildItem $folder | Send-VodMedia -WhatIf | Should -BeNullOrEmpty
        # VOD creates its upload bucket on the first CreateUploadVideo
        Get-OssBucket | Where-Object Bucket -like 'outin-*' | Should -BeNullOrEmpty
    }

    It 'uploads files piped from Get-ChildItem, in one PUT or in parts, and emits the new media' {
        $media = Get-ChildItem $folder | Send-VodMedia -PartSize 100KB
        $media.Count | Should -Be 2
        $media.Title | Should -Be @('a small clip', 'b large clip')
        $media | ForEach-Object { $_ | Should -BeOfType VodTools.Model.VodMedia; $_.NewRegister | Should -BeTrue }
        $read = $media | Get-VodMedia
        $read.Status | Should -Be @('Transcoding', 'Transcoding') -Because 'VOD transcodes an upload with the default group'
        $read.Size | Should -Be @(200, 350KB)
        $mezzanine = $media | Get-VodMezzanine
        $mezzanine.Size | Should -Be @(200, 350KB)
        $mezzanine[0].FileMD5 | Should -Be (Get-FileHash $small -Algorithm MD5).Hash.ToLowerInvariant()
        $mezzanine[1].FileUrl | Should -Be $media[1].FileUrl
    }

    It 'takes -Title and wildcard paths' {
        $media = Send-VodMedia -Path (Join-Path $folder 'a*.mp4') -Title 'Given title'
        $media.Title | Should -Be 'Given title'
        (Get-VodMedia -MediaId $media.MediaId).Title | Should -Be 'Given title'
    }

    It 'takes a name with wildcard characters as written: piped from Get-ChildItem, or as -LiteralPath (-LP)' {
        $brackets = New-Item -ItemType Directory -Path (Join-Path $folder 'brackets')
        $clip = Join-Path $brackets 'clip[1].mp4'
        [IO.File]::WriteAllBytes($clip, [byte[]](1..50))
        [IO.File]::WriteAllBytes((Join-Path $brackets 'clip1.mp4'), [byte[]](1..60))   # what the pattern clip[1].mp4 matches
        try {
            $piped = Get-ChildItem -LiteralPath $brackets | Where-Object Name -eq 'clip[1].mp4' | Send-VodMedia
            $piped.Title | Should -Be 'clip[1]'
            $piped.Size | Should -Be 50
            (Send-VodMedia -LiteralPath $clip).Size | Should -Be 50
            (Send-VodMedia -LP $clip -Title 'by LP').Title | Should -Be 'by LP'
            (Send-VodMedia -Path $clip).Size | Should -Be 60 -Because '-Path is a wildcard pattern'
            { Send-VodMedia -Path $clip -LiteralPath $clip } | Should -Throw -ErrorId 'AmbiguousParameterSet,VodTools.Commands.SendVodMediaCommand'
        }
        finally { Remove-Item -LiteralPath $brackets -Recurse -Force }
    }

    It 'takes the bucket to upload to as -Bucket, a name in the session''s region (-StorageLocation''s alias)' {
        $media = Send-VodMedia -LiteralPath $small -Bucket media-archive -Title 'into media-archive'
        (Get-VodMedia -MediaId $media.MediaId).StorageLocation | Should -Be 'media-archive.oss-cn-shanghai.aliyuncs.com'
    }

    It 'reports bad files as non-terminating errors with stable ids while the good ones go on' {
        $noExtension = Join-Path $folder 'README'
        $text = Join-Path $folder 'notes.txt'
        Set-Content $noExtension 'x'
        Set-Content $text 'x'
        try {
            $media = @((Join-Path $folder 'missing.mp4'), $noExtension, $text, $small) |
                Send-VodMedia -ErrorVariable failures -ErrorAction SilentlyContinue
            $media.Title | Should -Be 'a small clip'
            $failures.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Should -Be @('VodUploadFileNotFound', 'VodFileExtensionMissing', 'VodUploadFailed')
            $failures[2].Exception.Code | Should -Be 'InvalidFileName.Extension'
            $failures[2].TargetObject | Should -Be $text
        }
        finally {
            Remove-Item $noExtension, $text
        }
    }
}

Describe 'Waiting for transcodes that are still running' {
    BeforeAll {
        $script:group = Get-TestTemplateGroupId
        $script:running = Get-OssObject -Bucket media-archive -Prefix 'series/The Long Road/season-2/' | Select-Object -First 2 |
            Register-VodMedia -TemplateGroupId $group | Start-VodTranscode -TemplateGroupId $group
    }

    It 'reports a task still running after -Timeout as a non-terminating error naming it' {
        $running.Count | Should -Be 2
        $running | Wait-VodTranscode -Timeout 1 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'VodTranscodeTimeout,*'
            $_.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $_.TargetObject.Status | Should -Be 'Processing'
            $_.Exception.Message | Should -BeLike "*$($_.TargetObject.TaskId)*"
        }
        ($failures.TargetObject.TaskId | Sort-Object) | Should -Be ($running.TaskId | Sort-Object)
    }

    It 'stops waiting when the pipeline is stopped (Ctrl+C)' {
        # An explicitly opened runspace, the module imported by a call of its own (a stopped batch of statements can run
        # on after Dispose and crash the process), and bounded waits: all three raced under load.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', (Get-Module VodTools).Path).Invoke()
            $shell.Commands.Clear()
            $null = $shell.AddCommand('Wait-VodTranscode').AddParameter('TaskId', [string[]] $running.TaskId)
            $async = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $shell.Streams.Progress.Count -and $shell.InvocationStateInfo.State -in 'NotStarted', 'Running' -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            $shell.InvocationStateInfo.State | Should -Be 'Running' -Because 'Wait-VodTranscode is still waiting on the long transcodes'
            $shell.Stop()
            $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(10)) | Should -BeTrue -Because 'the stopped pipeline ends promptly'
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
    }

    It 'reports VOD refusing a second task while one runs (Forbidden.IllegalStatus) and goes on' {
        $idle = Register-TestMedia 'films/2024/' 1
        $idle.Count | Should -Be 1
        $tasks = @($running[0], $idle) | Start-VodTranscode -TemplateGroupId $group -Resubmit -ErrorVariable failures -ErrorAction SilentlyContinue
        $tasks.MediaId | Should -Be $idle.MediaId
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodTranscodeNotSubmitted,*'
        $failures[0].Exception.Code | Should -Be 'Forbidden.IllegalStatus'
        $failures[0].TargetObject.TaskId | Should -Be $running[0].TaskId
    }
}

Describe 'Send-VodMedia when OSS stores something other than what was sent' {
    BeforeAll {
        $script:saved = Get-VodContext
        # every upload body arrives with one byte changed, and OSS answers with the CRC-64 of what it stored
        $script:damaging = Start-TestEmulator -Faults 'corrupt:1@PUT'
        $script:clip = Join-Path $TestDrive 'clip.mp4'
        [IO.File]::WriteAllBytes($clip, [byte[]](1..200))
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $damaging.ProcessId
        Set-VodContext -Endpoint $saved.Endpoints['Oss'] -Credential ([pscredential]::new('VODEMULATORKEYID', (ConvertTo-SecureString 'VodEmulatorSecretKey' -AsPlainText -Force)))
    }

    It 'sends the body again on each CRC mismatch and reports the file as failed, never as uploaded' {
        $verbose = Send-VodMedia -Path $clip -MaxAttempts 3 -Verbose -ErrorVariable failures -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'VodUploadFailed,*'
        $failures[0].Exception.Code | Should -Be 'CrcMismatch'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        @($verbose.Message | Where-Object { $_ -match '^OSS PutObject .* attempt \d/3: HTTP 200 CrcMismatch' }).Count | Should -Be 3
    }
}

Describe 'Remove-VodMedia when a CDN domain serves the bucket' {
    BeforeAll {
        # an emulator of its own: the Describe before stopped the session's
        $script:cdn = Start-TestEmulator -SeedSample -TranscodeSeconds 600
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $cdn.ProcessId
    }

    It 'still names the source file by its OSS location, as GetMezzanineInfo answers the CDN URL by default' {
        $null = Add-VodDomain -DomainName play.example.com -Bucket media-archive
        $media = Register-TestMedia 'films/2022/' 1
        (Get-VodMezzanine -MediaId $media.MediaId).FileUrl | Should -BeLike 'http://play.example.com/*'
        $path = Join-Path $TestDrive 'whatif-cdn.txt'
        Start-Transcript -Path $path | Out-Null
        try { $media | Remove-VodMedia -WhatIf } finally { Stop-Transcript | Out-Null }
        Get-Content $path -Raw | Should -Match ([regex]::Escape("$($media.MediaId) '$($media.Title)' (source file oss://media-archive/films/2022/"))
    }
}
