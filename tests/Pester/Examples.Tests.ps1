# Every help example marked runnable (a code fence opened with ```powershell runnable) runs without error
# against a seeded emulator that refuses what the cloud refuses (not -Lenient). The examples of a page run in page
# order in one scope, so a later example may use what an earlier one made; the scope starts with the variables the
# pages use ($group, $ids, ...). The world the pages take for granted is set up once and saved
# (Save-VodEmulatorState); each page starts from it again: the emulator's state restored, its fault rules cleared,
# the session pointed at it and a copy of the local files (a page that stopped or replaced the emulator gets a new
# one, into which the state is restored).

BeforeDiscovery {
    # An example is a ### section (Example N of a cmdlet page, a topic of an about_ page) with runnable fences.
    $script:pages = foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*.md') {
        $examples = foreach ($example in [regex]::Matches((Get-Content -Raw $file.FullName), '(?ms)^### ([^\n]*)\n(.*?)(?=^##|\z)')) {
            $runnable = [regex]::Matches($example.Groups[2].Value, '(?ms)^```powershell runnable\n(.*?)^```')
            if ($runnable.Count) { @{ Title = $example.Groups[1].Value.Trim(); Code = ($runnable | ForEach-Object { $_.Groups[1].Value }) -join "`n" } }
        }
        if ($examples) { @{ Page = $file.BaseName; Examples = @($examples) } }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:root = New-Item -ItemType Directory (Join-Path ([System.IO.Path]::GetTempPath()) ('vodtools-examples-' + [guid]::NewGuid().ToString('N')))
    $script:worldFiles = New-Item -ItemType Directory (Join-Path $root 'world')
    $script:worldState = Join-Path $root 'world.zip'
    $script:emulators = [System.Collections.Generic.HashSet[int]]::new()
    # the examples do the guide's steps, as users must
    function Start-WorldEmulator { $null = $emulators.Add((Start-TestEmulator -SeedSample -TranscodeSeconds 0 -Strict).ProcessId) }

    # What the examples take for granted: the transcoding role and policy, storage, a template group, three
    # registered and transcoded films, two domains, and the local files some examples read.
    Start-WorldEmulator
    Push-Location $worldFiles
    try {
        $ProgressPreference = 'SilentlyContinue'
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        Add-VodStorage -Bucket media-archive | Out-Null
        $group = (New-VodTranscodeTemplateGroup -Name hd-web -TemplateList @{
                TemplateName = 'hd-mp4'; Definition = 'HD'; Container = @{ Format = 'mp4' }
                Video = @{ Codec = 'H.264'; Bitrate = '1500'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '128'; Samplerate = '44100' }
            }).TemplateGroupId
        $media = Get-OssObject -Bucket media-archive -Prefix films/2019/ -Include *.mp4 | Select-Object -First 3 | Register-VodMedia
        $tasks = $media | Start-VodTranscode -TemplateGroupId $group
        for ($poll = 0; $poll -lt 200 -and ($tasks | Where-Object { -not $_.IsComplete }); $poll++) {
            Start-Sleep -Milliseconds 50  # Wait-VodTranscode would first look after a second; the emulator is done at once
            $tasks = Get-VodTranscodeTask -TaskId $tasks.TaskId
        }
        'video.example.com', 'media.example.com' | ForEach-Object { Add-VodDomain -DomainName $_ -Bucket media-archive } | Out-Null
        $media.MediaId | Set-Content ids.txt
        $tasks.TaskId | Set-Content task-ids.txt
        $media | Select-Object FileUrl, Title, Description | Export-Csv files.csv
        New-Item -ItemType Directory videos, raw, incoming | Out-Null
        'fake video' | Set-Content videos/clip-1.mp4, videos/clip-2.mp4, raw/take-1.mov, incoming/late.mp4
        ConvertTo-Json -Depth 5 -InputObject @(@{ TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' }; Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' } }) |
            Set-Content templates.json
        # the variables every page's scope starts with
        $script:worldVariables = @{ group = $group; media = $media; ids = $media.MediaId; id = $media[0].MediaId; tasks = $tasks; taskId = $tasks[0].TaskId; jobIds = $tasks.Jobs.JobId }
        Save-VodEmulatorState -Path $worldState
    }
    finally { Pop-Location }
}

AfterAll {
    foreach ($processId in $emulators) { Stop-VodEmulator -ProcessId $processId -ErrorAction SilentlyContinue }
    Set-VodContext -Reset
    Remove-Item $root -Recurse -Force
}

Describe 'The runnable examples of <Page>' -ForEach $pages {
    BeforeAll {
        Start-WorldEmulator  # the one running, if the page before left it so (Start-VodEmulator reuses it)
        Clear-VodEmulatorFault -Confirm:$false
        Restore-VodEmulatorState -Path $worldState -Confirm:$false
        $directory = Join-Path $root $Page
        Copy-Item $worldFiles $directory -Recurse
        Push-Location $directory
        # One module scope per page: dot-sourced into it, each example sees the variables of the ones before; an error
        # stops it (a module scope has its own preferences).
        $scope = New-Module -ArgumentList $worldVariables -ScriptBlock {
            param($world)
            foreach ($name in $world.Keys) { Set-Variable $name $world[$name] }
            $ErrorActionPreference = 'Stop'
            $ProgressPreference = 'SilentlyContinue'
        }
    }

    AfterAll {
        Set-VodContext -Reset
        Pop-Location
        Remove-Item $directory -Recurse -Force
    }

    It '<Title>' -ForEach $Examples {
        $output = . $scope ([scriptblock]::Create($Code))
        $output | Where-Object { $_ -is [VodTools.Model.EmulatorInstance] } | ForEach-Object { $null = $emulators.Add($_.ProcessId) }
        { $output | Out-String -Width 120 } | Should -Not -Throw
    }
}

Describe 'Runnable examples' {
    It 'cover every cmdlet page' {
        $pagesWithout = Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*-*.md' | Where-Object { (Get-Content -Raw $_.FullName) -notmatch '(?m)^```powershell runnable$' }
        $pagesWithout.BaseName | Should -BeNullOrEmpty -Because 'every cmdlet has at least one example a user can paste against the emulator'
    }
}
