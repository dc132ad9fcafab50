# Send-VodMedia as VOD's upload SDKs upload: parts in flight, a checkpoint that survives SIGKILL, upload credentials
# renewed when OSS refuses them, damaged parts sent again, folders of files in input order. Every count is read from the
# emulator's own /_emulator/stats (OSS operations by name, the VOD inventory, the most requests served at once).
# bench/Measure-Upload.ps1 measures the throughput. Parts damaged at random are drawn from a seed named in the Describe
# block (VODTOOLS_FAULT_SEED replays one).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:faultSeed = @{ FaultSeed = Get-TestFaultSeed }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:module = (Get-Module VodTools).Path -replace '\.dll$', '.psd1'

    function Get-Stats { Invoke-RestMethod "$($script:emulator.Url)/_emulator/stats" }

    # How many times an OSS operation reached the emulator since start.
    function Get-OssCount([string] $Operation) { [int](Get-Stats)."oss.$Operation" }

    # A file of $Size bytes made fast: sparse where the file system allows, with a few marked bytes so files differ.
    function New-TestFile([string] $Path, [long] $Size, [int] $Seed = 1) {
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $Path)
        $stream = [IO.File]::Create($Path)
        try {
            $stream.SetLength($Size)
            $mark = [byte[]]::new(64)
            [Random]::new($Seed).NextBytes($mark)
            foreach ($at in 0, ($Size / 2), ($Size - 64)) { $stream.Position = [long]$at; $stream.Write($mark, 0, 64) }
        }
        finally { $stream.Dispose() }
        Get-Item $Path
    }

    # Runs $Script with -Verbose on, warnings captured and errors not stopping it (Pester runs tests with
    # ErrorActionPreference Stop); returns what it emitted, sorted by kind. $Script, from this file, sees these preferences.
    function Invoke-Upload([scriptblock] $Script) {
        $VerbosePreference = 'Continue'; $WarningPreference = 'Continue'; $ErrorActionPreference = 'Continue'
        $all = @(& $Script 4>&1 3>&1 2>&1)
        [pscustomobject]@{
            Media    = @($all | Where-Object { $_ -is [VodTools.Model.VodMedia] })
            Verbose  = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
            Errors   = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
}

Describe 'Send-VodMedia of a large file' {
    BeforeAll {
        $script:emulator = Start-TestEmulator
        $script:large = New-TestFile (Join-Path $TestDrive 'large/film.mp4') 200MB
        # without transcoding, so the media's status stays put (VOD transcodes an upload with the default group otherwise)
        $script:sent = Invoke-Upload { Send-VodMedia -Path $large -PartSize 8MB -ThrottleLimit 4 -TemplateGroupId VOD_NO_TRANSCODE }
        $script:afterFirst = Get-Stats
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'sends 200 MiB as 25 parts of 8 MiB, up to -ThrottleLimit at once, and removes its checkpoint' {
        $sent.Errors | Should -BeNullOrEmpty
        $sent.Media.Count | Should -Be 1
        $afterFirst.'oss.UploadPart' | Should -Be 25
        $afterFirst.'oss.CompleteMultipartUpload' | Should -Be 1
        $afterFirst.peakConcurrentRequests | Should -BeIn (2..4)
        (Get-VodMezzanine -MediaId $sent.Media[0].MediaId).Size | Should -Be 200MB
        (Get-VodMedia -MediaId $sent.Media[0].MediaId).Status | Should -Be 'Normal'
        "$large.vodupload" | Should -Not -Exist
    }

    It 'sends a file uploaded before no second time: it emits that media with NewRegister false and says so' {
        $again = Invoke-Upload { Send-VodMedia -Path $large }
        $again.Errors | Should -BeNullOrEmpty
        $again.Media.MediaId | Should -Be $sent.Media[0].MediaId
        $again.Media.NewRegister | Should -BeFalse
        $again.Warnings | Should -Be "'film.mp4' was uploaded before, as media $($sent.Media[0].MediaId) (Normal): it is not sent again."
        $stats = Get-Stats
        $stats.videos.Count | Should -Be 1
        $stats.'oss.UploadPart' | Should -Be 25
        $stats.'oss.InitiateMultipartUpload' | Should -Be 1
    }

    It 'starts over, as a new media, when the file changed since the checkpoint was written, and says so' {
        $clip = New-TestFile (Join-Path $TestDrive 'changed/clip.mp4') 300KB
        # what an interrupted upload of the file as it was before left
        @{ Version = 1; FileSize = 299KB; FileWriteTimeUtc = 0; MediaId = 'old-media'; ReferenceId = 'vodtools-old'; PartSize = 100KB; UploadId = 'gone'; Parts = @() } |
            ConvertTo-Json -Compress | Set-Content "$clip.vodupload"   # one line, as the module writes it
        $result = Invoke-Upload { Send-VodMedia -Path $clip -PartSize 100KB }
        $result.Errors | Should -BeNullOrEmpty
        $result.Media.NewRegister | Should -BeTrue
        $result.Media.MediaId | Should -Not -Be 'old-media'
        $result.Warnings | Should -Be "'clip.mp4' changed since its upload to media old-media stopped: it is sent again from the start, as a new media. Remove the unfinished one with Remove-VodMedia -MediaId old-media."
        "$clip.vodupload" | Should -Not -Exist
    }

    It 'keeps checkpoints in -CheckpointPath and refuses a file there' {
        $folder = Join-Path $TestDrive 'checkpoints'
        $clip = New-TestFile (Join-Path $TestDrive 'elsewhere/clip.mp4') 10KB
        $media = Send-VodMedia -Path $clip -CheckpointPath $folder
        $media.NewRegister | Should -BeTrue
        $folder | Should -Exist
        Get-ChildItem $folder | Should -BeNullOrEmpty   # removed once the upload finished
        { Send-VodMedia -Path $clip -CheckpointPath $clip } | Should -Throw -ErrorId 'VodCheckpointPathNotFolder,VodTools.Commands.SendVodMediaCommand'
    }
}

Describe 'Send-VodMedia of a folder, and killed mid-upload' {
    BeforeAll {
        # each part waits 150 ms before it is served, so uploads overlap and the kill lands mid-way
        $script:emulator = Start-TestEmulator -Faults 'delay:1:150@PUT'
    }

    AfterAll {
        if ($process -and -not $process.HasExited) { $process.Kill() }
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'takes Get-ChildItem -Recurse, sends -FileThrottleLimit files at once and emits them in input order' {
        $root = Join-Path $TestDrive 'library'
        $files = foreach ($n in 1..6) { New-TestFile (Join-Path $root "season-$($n % 2)/episode-$n.mp4") (150KB + $n * 1KB) $n }
        $library = Get-ChildItem $root -Recurse -Filter *.mp4
        $null = New-Item (Join-Path $root 'season-1/episode-9.mp4.vodupload')   # what a stopped upload leaves: passed over
        $media = Get-ChildItem $root -Recurse -File | Send-VodMedia -FileThrottleLimit 3 -ThrottleLimit 1
        $media.Title | Should -Be ($library | ForEach-Object BaseName)
        $media.Size | Should -Be ($library | ForEach-Object Length)
        (Get-Stats).peakConcurrentRequests | Should -BeIn (2..3)
        (Get-ChildItem $root -Recurse -Filter *.vodupload).Name | Should -Be 'episode-9.mp4.vodupload'
    }

    It 'records each part as OSS acknowledges it, so SIGKILL loses at most the parts in flight' {
        $script:film = New-TestFile (Join-Path $TestDrive 'kill/film.mp4') 6MB
        $script:checkpoint = "$film.vodupload"
        $script:command = "Send-VodMedia -Path '$film' -PartSize 100KB -ThrottleLimit 2"
        $script:videosBefore = (Get-Stats).videos.Count
        $child = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$module'
Set-VodContext -Endpoint '$($emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
$command
"@
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-Command', $child)
        $sentBefore = Get-OssCount UploadPart
        $script:process = Start-Process $pwsh -ArgumentList $arguments -PassThru
        $caught = Wait-Until -Seconds 120 { (Get-OssCount UploadPart) - $sentBefore -ge 6 }
        $exitedBeforeKill = $process.HasExited
        $process.Kill()   # SIGKILL on Linux and macOS: no finally block, no flush
        $process.WaitForExit()
        $caught | Should -BeTrue
        $exitedBeforeKill | Should -BeFalse
        Start-Sleep -Milliseconds 500   # longer than a part's 150 ms wait: a part the kill caught in it is counted or gone
        $script:storedAtKill = (Get-OssCount UploadPart) - $sentBefore   # parts that reached OSS's operation

        # the checkpoint: its first line, then a line per part acknowledged (a line the kill cut short does not read)
        $lines = @(Get-Content $checkpoint)
        $script:atKill = $lines[0] | ConvertFrom-Json
        $recorded = @(@($atKill.Parts) + @($lines | Select-Object -Skip 1 | ForEach-Object { try { $_ | ConvertFrom-Json } catch { } }) |
            Where-Object { $_ } | ForEach-Object Number | Sort-Object -Unique)
        $recorded.Count | Should -BeLessOrEqual $storedAtKill
        $recorded.Count | Should -BeGreaterOrEqual ($storedAtKill - 2) -Because 'only the 2 parts in flight (-ThrottleLimit 2) may have been acknowledged and not recorded'
        $storedAtKill | Should -BeLessThan 62
        Get-Content $checkpoint -Raw | Should -Not -Match 'Secret|SecurityToken'
    }

    It 'resumes from the parts OSS holds, whatever the checkpoint says: it sends the others, and a part that no longer matches the file' {
        # a checkpoint that never recorded a part (as one written less often would be), and part 1 of the file changed
        # since it was sent, its size and last write time kept: OSS's part 1 is not the file's any more
        Set-Content $checkpoint (Get-Content $checkpoint -TotalCount 1)
        $written = (Get-Item $film).LastWriteTimeUtc
        $stream = [IO.File]::OpenWrite($film)
        try { $stream.Position = 1000; $stream.WriteByte(0xA5) } finally { $stream.Dispose() }
        (Get-Item $film).LastWriteTimeUtc = $written

        $sentBefore = Get-OssCount UploadPart
        $result = Invoke-Upload { Invoke-Expression $command }
        $result.Errors | Should -BeNullOrEmpty   # and so the whole object's CRC-64 is the file's: part 1 was sent again
        $result.Media.MediaId | Should -Be $atKill.MediaId
        $sent = (Get-OssCount UploadPart) - $sentBefore
        $kept = 62 - $sent   # 6 MiB in parts of 100 KiB: 62 parts
        $result.Verbose | Should -Contain "OSS held $kept part(s) of 'film.mp4' that the checkpoint did not record (sent just before the last run stopped): they match the file and were kept."
        $kept | Should -BeLessOrEqual ($storedAtKill - 1) -Because 'part 1 is sent again'
        $kept | Should -BeGreaterOrEqual ($storedAtKill - 3) -Because 'at most the 2 parts in flight at the kill can be missing besides part 1'
        (Get-OssCount ListParts) | Should -Be 1
        @($result.Verbose -match '^VOD RefreshUploadVideo .*HTTP 200').Count | Should -Be 1
        @($result.Verbose -match '^VOD CreateUploadVideo').Count | Should -Be 0
        (Get-Stats).videos.Count - $videosBefore | Should -Be 1
        (Get-VodMezzanine -MediaId $atKill.MediaId).Size | Should -Be 6MB
        $checkpoint | Should -Not -Exist
    }
}

Describe 'Send-VodMedia when the upload credentials expire mid-upload' {
    BeforeAll {
        # upload credentials stop working after 1 s though they say 3000 s; each part waits 200 ms first
        $script:emulator = Start-VodEmulator -InMemory -TranscodeSeconds 1 -UploadAuthSeconds 1 -Faults 'delay:1:200@PUT'
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'asks VOD for fresh ones when OSS refuses them as expired and sends the refused part again' {
        $clip = New-TestFile (Join-Path $TestDrive 'expiry/clip.mp4') 2MB
        $result = Invoke-Upload { Send-VodMedia -Path $clip -PartSize 128KB -ThrottleLimit 2 }
        $result.Errors | Should -BeNullOrEmpty
        $result.Media.Count | Should -Be 1
        $refused = @($result.Verbose -match '^OSS UploadPart .*HTTP 403 SecurityTokenExpired').Count
        $refreshes = @($result.Verbose -match '^VOD RefreshUploadVideo .*HTTP 200').Count
        $refused | Should -BeGreaterThan 0
        $refreshes | Should -BeGreaterThan 0
        $refreshes | Should -BeLessOrEqual $refused   # parts refused together share one refresh
        $result.Verbose | Should -Contain "The upload credentials of media $($result.Media.MediaId) were renewed $refreshes time(s) on the way (RefreshUploadVideo)."
        Get-OssCount UploadPart | Should -Be 16   # refused parts never reach the operation: each part was stored once
        (Get-VodMezzanine -MediaId $result.Media.MediaId).Size | Should -Be 2MB
    }
}

Describe 'Send-VodMedia when OSS stores a damaged part (fault seed <FaultSeed>)' -ForEach $faultSeed {
    BeforeAll {
        # a quarter of the parts arrive with a byte changed; OSS answers with the CRC-64 of what it stored
        $script:emulator = Start-TestEmulator -Faults 'corrupt:0.25@PUT' -FaultSeed $FaultSeed
    }

    AfterAll {
        Stop-VodEmulator -ProcessId $emulator.ProcessId
    }

    It 'sees each damaged part by its CRC-64, sends it again and commits only what was sent' {
        $clip = New-TestFile (Join-Path $TestDrive 'damaged/clip.mp4') 3MB
        $result = Invoke-Upload { Send-VodMedia -Path $clip -PartSize 100KB -ThrottleLimit 4 -MaxAttempts 10 }
        $result.Errors | Should -BeNullOrEmpty
        $stats = Get-Stats
        $stats.'faults.Corrupt' | Should -BeGreaterThan 0
        # 31 parts, each damaged one sent once more; the whole object's CRC-64, checked after Complete, is the file's
        $stats.'oss.UploadPart' | Should -Be (31 + $stats.'faults.Corrupt')
        @($result.Verbose -match '^OSS UploadPart .*HTTP 200 CrcMismatch').Count | Should -Be $stats.'faults.Corrupt'
        $stats.'oss.CompleteMultipartUpload' | Should -Be 1
        $stats.peakConcurrentRequests | Should -BeGreaterThan 1   # with parts in flight
        (Get-VodMezzanine -MediaId $result.Media.MediaId).Size | Should -Be 3MB
    }
}
