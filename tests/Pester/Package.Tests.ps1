# The package a user installs: packed by tools/New-ModulePackage.ps1 (what build.ps1 package runs), saved by
# PSResourceGet (and PowerShellGet 2) from a temporary local repository into a temporary folder, imported by
# name in a new pwsh process, and used against the emulator the package carries.

BeforeAll {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    $root = New-Item -ItemType Directory (Join-Path ([System.IO.Path]::GetTempPath()) ('vodtools-package-' + [guid]::NewGuid().ToString('N')))
    $installed = (New-Item -ItemType Directory (Join-Path $root 'modules')).FullName
    $package = & (Join-Path $PSScriptRoot '../../tools/New-ModulePackage.ps1') -ModulePath (Split-Path $module) -OutputPath (Join-Path $root 'packages')

    $repository = 'VodToolsTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $package.DirectoryName -Trusted
    try {
        Save-PSResource -Name VodTools -Repository $repository -Path $installed -TrustRepository -SkipDependencyCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }

    # A new process that finds the module only through PSModulePath, as an installed module is found.
    $child = {
        $ErrorActionPreference = 'Stop'
        Import-Module VodTools
        $emulator = Start-VodEmulator -Lenient -InMemory -SeedSample
        try {
            [pscustomobject]@{
                ModuleBase = (Get-Module VodTools).ModuleBase
                Buckets    = @(Get-OssBucket).Bucket
                Synopsis   = (Get-Help Get-OssObject).Synopsis
                Table      = (Get-OssObject -Bucket media-archive -Prefix docs/ | Out-String -Width 120)
            } | ConvertTo-Json -Compress
        }
        finally { Stop-VodEmulator -ProcessId $emulator.ProcessId }
    }
    $pwsh = (Get-Process -Id $PID).Path
    $pwshArguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) +
        @('-NoProfile', '-NonInteractive', '-Command', $child.ToString())
    $savedPath = $env:PSModulePath
    $env:PSModulePath = $installed + [System.IO.Path]::PathSeparator + $savedPath
    try { $output = & $pwsh @pwshArguments 2>&1 }
    finally { $env:PSModulePath = $savedPath }
    $result = $output | Select-Object -Last 1 | ConvertFrom-Json
}

AfterAll {
    Remove-Item $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The VodTools package' {
    It 'installs from a local repository and leaves no repository behind' {
        $package.Name | Should -Be "VodTools.$((Import-PowerShellDataFile $module).ModuleVersion).nupkg"
        Join-Path $installed 'VodTools/*/VodTools.psd1' | Should -Exist
        Get-PSResourceRepository -Name 'VodToolsTest*' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'installs with PowerShellGet 2 (Install-Module, Save-Module) as well' {
        $v2 = New-Item -ItemType Directory (Join-Path $root 'powershellget2')
        $v2Repository = 'VodToolsTestV2' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Register-PSRepository -Name $v2Repository -SourceLocation $package.DirectoryName -InstallationPolicy Trusted
        try { Save-Module -Name VodTools -Repository $v2Repository -Path $v2 }
        finally { Unregister-PSRepository -Name $v2Repository }
        Join-Path $v2 'VodTools/*/en-US/VodTools.dll-Help.xml' | Should -Exist
        Get-PSRepository -WarningAction SilentlyContinue | Where-Object Name -like 'VodToolsTestV2*' | Should -BeNullOrEmpty
    }

    It 'carries the licence, the help, the format file and the emulator' {
        $base = (Resolve-Path (Join-Path $installed 'VodTools/*')).ProviderPath
        'LICENSE', 'en-US/VodTools.dll-Help.xml', 'en-US/about_VodTools.help.txt', 'VodTools.Format.ps1xml', 'emulator/VodTools.Emulator.dll' |
            ForEach-Object { Join-Path $base $_ | Should -Exist }
    }

    It 'names its licence in the package''s metadata, and no project site' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $entry = $zip.Entries | Where-Object FullName -like '*.nuspec'
            $reader = [System.IO.StreamReader]::new($entry.Open())
            try { $nuspec = [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $nuspec.package.metadata.licenseUrl | Should -Be 'https://opensource.org/license/mit'
        $nuspec.package.metadata.projectUrl | Should -BeNullOrEmpty
    }

    It 'imports by name in a new pwsh process and runs against the emulator it ships' {
        $result | Should -Not -BeNullOrEmpty -Because ($output -join "`n")
        $result.ModuleBase | Should -BeLike "$installed*"
        $result.Buckets | Should -Contain 'media-archive'
        $result.Synopsis | Should -Not -Match '^\s*Get-OssObject \[' -Because 'the installed help file is found'
        $result.Table | Should -Match 'docs/README\.txt'
    }
}
