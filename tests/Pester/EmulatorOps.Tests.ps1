# Steering a running emulator: fault rules set, listed and cleared while it runs (each hits only what it names and is
# counted by rule in /_emulator/stats), reset, save and restore of its state, seeding from a folder, and the clear error
# of Start-VodEmulator where no ASP.NET Core runtime is installed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest

    function Get-Stats { Invoke-RestMethod "$([VodTools.Commands.Common.VodContext]::Current.EmulatorUrl)_emulator/stats" }
    # What /_emulator/stats lists of VOD's state, as one comparable text.
    function Get-Inventory { $s = Get-Stats; ConvertTo-Json -Compress -Depth 5 @($s.videos, $s.transcodeTasks, $s.snapshotJobs) }
}

AfterAll {
    Stop-VodEmulator -ErrorAction Ignore
}

Describe 'Fault rules set at run time' {
    BeforeAll {
        Start-TestEmulator -SeedSample | Out-Null
    }
    AfterAll {
        Stop-VodEmulator
    }
    AfterEach {
        Clear-VodEmulatorFault
    }

    It 'hit only what they name, with the cloud''s code and status, and count their hits by rule' {
        $throttle = Set-VodEmulatorFault -Service vod -Action ListTranscodeTemplateGroup -Kind Error -Code Throttling.User -Probability 1
        $unavailable = Set-VodEmulatorFault -Rule '503:1@sts'
        $throttle.StatusCode | Should -Be 400

        { Get-VodTranscodeTemplateGroup -MaxAttempts 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Throttling.User*'
        { Get-VodCallerIdentity -MaxAttempts 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*ServiceUnavailable*'
        Get-OssBucket | Should -Not -BeNullOrEmpty
        Get-VodCategory | Out-Null

        $rules = Get-VodEmulatorFault
        ($rules | Where-Object Id -eq $throttle.Id).Hits | Should -Be 1
        ($rules | Where-Object Id -eq $unavailable.Id).Hits | Should -Be 1
        $stats = Get-Stats
        $stats."faults.rule.$($throttle.Id)" | Should -Be 1
        $stats."faults.rule.$($unavailable.Id)" | Should -Be 1
    }

    It 'are cleared by id, and the requests they named are answered again' {
        $rule = Set-VodEmulatorFault -Action GetCallerIdentity -Kind Status -Probability 1
        $other = Set-VodEmulatorFault -Action ListObjects -Kind Delay -Probability 0 -DelayMs 1
        $rule | Clear-VodEmulatorFault
        (Get-VodEmulatorFault).Id | Should -Be @($other.Id)
        Get-VodEmulatorFault | Where-Object Target -eq NoSuchTarget | Clear-VodEmulatorFault # nothing piped: nothing removed
        (Get-VodEmulatorFault).Id | Should -Be @($other.Id)
        Get-VodCallerIdentity -MaxAttempts 1 | Should -Not -BeNullOrEmpty
        Clear-VodEmulatorFault -Id $rule.Id -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'EmulatorFaultNotFound,*'
    }

    It 'are checked before they are sent, and -WhatIf adds none' {
        { Set-VodEmulatorFault -Kind Error -Probability 0.3 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFaultRule,*'
        { Set-VodEmulatorFault -Kind Status -StatusCode 404 -Probability 0.3 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFaultRule,*'
        { Set-VodEmulatorFault -Action NoSuchAction -Kind Drop -Probability 1 -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorRefused,*'
        Set-VodEmulatorFault -Kind Drop -Probability 1 -WhatIf
        Get-VodEmulatorFault | Should -BeNullOrEmpty
    }
}

Describe 'The state of a running emulator' {
    BeforeAll {
        Start-TestEmulator -SeedSample -TranscodeSeconds 0 | Out-Null
        Initialize-VodBucketAccess -Bucket media-archive | Out-Null
        Add-VodStorage -Bucket media-archive | Out-Null
    }
    AfterAll {
        Stop-VodEmulator
    }

    It 'is saved and restored to the same inventory and objects' {
        Get-OssObject -Bucket media-archive -Prefix films/2019/ -Include *.mp4 | Select-Object -First 2 | Register-VodMedia | Out-Null
        $before = Get-Inventory
        $saved = Join-Path $TestDrive 'state.zip'
        Save-VodEmulatorState -Path $saved
        { Save-VodEmulatorState -Path $saved -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorStateFileExists,*'

        Get-OssObject -Bucket media-archive -Prefix films/2020/ -Include *.mp4 | Select-Object -First 2 | Register-VodMedia | Out-Null
        Remove-OssObject -Bucket media-archive -Key films/2019/film-001.mp4 -Confirm:$false
        Get-Inventory | Should -Not -Be $before

        Get-Item $saved | Restore-VodEmulatorState -Confirm:$false
        Get-Inventory | Should -Be $before
        Get-OssObject -Bucket media-archive -Prefix films/2019/film-001.mp4 | Should -Not -BeNullOrEmpty
    }

    It 'is saved to and restored from a name with wildcard characters given as -LiteralPath' {
        $before = Get-Inventory
        $pattern = Join-Path $TestDrive 'state[1].zip'
        'not an archive' | Set-Content (Join-Path $TestDrive 'state1.zip')   # what -Path state[1].zip matches
        Save-VodEmulatorState -LiteralPath $pattern
        Test-Path -LiteralPath $pattern | Should -BeTrue
        Get-Content -Raw (Join-Path $TestDrive 'state1.zip') | Should -BeLike 'not an archive*'
        { Save-VodEmulatorState -Path $pattern -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorStateFileExists,*' -Because '-Path state[1].zip names state1.zip'

        Get-OssObject -Bucket media-archive -Prefix films/2021/ -Include *.mp4 | Select-Object -First 1 | Register-VodMedia | Out-Null
        Restore-VodEmulatorState -LP $pattern -Confirm:$false
        Get-Inventory | Should -Be $before
        { Restore-VodEmulatorState -Path $pattern -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorRefused,*' -Because '-Path state[1].zip reads state1.zip'
        { Restore-VodEmulatorState -Path (Join-Path $TestDrive 'nothing*.zip') -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorStateFileNotFound,*'
    }

    It 'asks before it replaces or empties the state; where no one can answer it stops the script, and -Force answers' {
        $before = Get-Inventory
        $saved = Save-VodEmulatorState -Path (Join-Path $TestDrive 'asked.zip') -PassThru
        $saved | Should -BeOfType System.IO.FileInfo
        $saved.PSPath | Should -Not -BeNullOrEmpty -Because 'the file pipes into -LiteralPath'
        $url = [VodTools.Commands.Common.VodContext]::Current.EmulatorUrl
        $child = Invoke-NonInteractive -Emulator ([pscustomobject]@{ Url = $url }) @"
Restore-VodEmulatorState -LiteralPath '$($saved.FullName)'
'AFTER RESTORE'
Reset-VodEmulator -EmulatorUrl '$url'
'AFTER RESET'
"@
        $child.Output | Should -Match 'Restore-VodEmulatorState needs a confirmation the host cannot ask'
        $child.Output | Should -Match '-Force or -Confirm:\$false'
        $child.Output | Should -Not -Match 'AFTER RESTORE' -Because 'a refused confirmation ends the script as an error would, not as if it had restored'
        $child.ExitCode | Should -Not -Be 0
        Get-Inventory | Should -Be $before

        Get-OssObject -Bucket media-archive -Prefix films/2022/ -Include *.mp4 | Select-Object -First 1 | Register-VodMedia | Out-Null
        $saved | Restore-VodEmulatorState -Force
        Get-Inventory | Should -Be $before
    }

    It 'refuses a file that is not a saved state and keeps what it has' {
        $before = Get-Inventory
        $bogus = Join-Path $TestDrive 'bogus.zip'
        'not an archive' | Set-Content $bogus
        { Restore-VodEmulatorState -Path $bogus -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorRefused,*'
        Get-Inventory | Should -Be $before
    }

    It 'is emptied by a reset, on the same process and port' {
        $processId = [VodTools.Commands.Common.VodContext]::Current.EmulatorProcessId
        Reset-VodEmulator -Confirm:$false
        Get-OssBucket | Should -BeNullOrEmpty
        (Get-Stats).videos | Should -BeNullOrEmpty
        [VodTools.Commands.Common.VodContext]::Current.EmulatorProcessId | Should -Be $processId
        Get-Process -Id $processId | Should -Not -BeNullOrEmpty
        Get-VodTranscodeTemplateGroup | Should -Not -BeNullOrEmpty # what a fresh start has
    }
}

Describe 'Start-VodEmulator -SeedPath' {
    It 'puts every file of the folder in the bucket, keyed by its relative path' {
        $seed = New-Item -ItemType Directory (Join-Path $TestDrive 'seed/films/2024') -Force
        'movie a' | Set-Content (Join-Path $seed 'a b.mp4')
        'notes' | Set-Content (Join-Path $TestDrive 'seed/read me.txt')
        Start-VodEmulator -InMemory -SeedPath (Join-Path $TestDrive 'seed') -Bucket my-media | Out-Null
        (Get-OssObject -Bucket my-media).Key | Should -Be @('films/2024/a b.mp4', 'read me.txt')
        { Start-VodEmulator -InMemory -SeedPath (Join-Path $TestDrive 'none') -Bucket my-media -ErrorAction Stop } | Should -Throw -ErrorId 'SeedPathNotFound,*'
        Stop-VodEmulator
    }
}

Describe 'Start-VodEmulator where ASP.NET Core is missing' {
    BeforeAll {
        $script:saved = @{}
        foreach ($name in 'PATH', 'DOTNET_ROOT', 'DOTNET_HOST_PATH', 'HOME', 'USERPROFILE', 'LOCALAPPDATA', 'ProgramFiles') {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        }
        $script:empty = (New-Item -ItemType Directory (Join-Path $TestDrive 'empty')).FullName
        # Where the dotnet that runs these tests keeps its shared runtimes, to build a dotnet without ASP.NET Core.
        $script:netCoreApp = (& ($env:DOTNET_HOST_PATH ?? 'dotnet') --list-runtimes | Where-Object { $_ -like 'Microsoft.NETCore.App *' } | Select-Object -First 1) -replace '^.*\[(.*)\]$', '$1'
    }
    AfterEach {
        # Remove-Item for the unset ones: PowerShell passes $null to a string argument as "", which would leave them set, empty
        foreach ($name in $saved.Keys) { if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction Ignore } else { Set-Item "env:$name" $saved[$name] } }
    }

    It 'says so before starting anything, with the command that installs it' {
        foreach ($name in 'PATH', 'DOTNET_ROOT', 'HOME', 'USERPROFILE', 'LOCALAPPDATA', 'ProgramFiles') { [Environment]::SetEnvironmentVariable($name, $empty) }
        Remove-Item env:DOTNET_HOST_PATH -ErrorAction Ignore
        $failure = { Start-VodEmulator -InMemory -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorRuntimeMissing,*' -PassThru
        $failure.Exception.Message | Should -Match 'ASP\.NET Core 10 runtime'
        $failure.Exception.Message | Should -Match ([regex]::Escape($(if ($IsWindows) { 'winget install Microsoft.DotNet.AspNetCore.10' } else { 'dotnet-install.sh | bash -s -- --runtime aspnetcore --channel 10.0' })))
        $failure.CategoryInfo.Category | Should -Be 'NotInstalled'
    }

    It 'says so for a dotnet that has only the .NET runtime, as PowerShell''s own installers leave it' -Skip:$IsWindows {
        # a dotnet root with the host and Microsoft.NETCore.App only (the muxer copied: it finds its runtimes beside itself)
        $root = New-Item -ItemType Directory (Join-Path $TestDrive 'netcore-only/shared') -Force
        $real = Split-Path (Split-Path $netCoreApp)
        Copy-Item (Join-Path $real 'dotnet') (Join-Path $TestDrive 'netcore-only/dotnet')
        New-Item -ItemType SymbolicLink -Path (Join-Path $TestDrive 'netcore-only/host') -Target (Join-Path $real 'host') | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $root 'Microsoft.NETCore.App') -Target $netCoreApp | Out-Null
        [Environment]::SetEnvironmentVariable('DOTNET_HOST_PATH', (Join-Path $TestDrive 'netcore-only/dotnet'))
        foreach ($name in 'PATH', 'DOTNET_ROOT', 'HOME') { [Environment]::SetEnvironmentVariable($name, $empty) }
        { Start-VodEmulator -InMemory -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorRuntimeMissing,*' -ExpectedMessage '*netcore-only/dotnet has no ASP.NET Core 10 runtime*'
    }
}
