@{
    # No root module: VodTools.Loader.dll loads first and answers PowerShell's request for 'VodTools' (an assembly
    # name, not a file: VodTools.dll, which holds the cmdlets, lives in dependencies/). On PowerShell 7 it loads it
    # into a private AssemblyLoadContext, so the module's dependencies never meet other modules' copies; on Windows
    # PowerShell 5.1 it answers only the module's own requests. Test-ModuleManifest accepts the name-only entry when
    # VodTools is on PSModulePath, as an installed module is. PowerShellVersion is the minimum for Windows PowerShell
    # (Desktop); on PowerShell 7 (Core) the minimum is 7.4, which the loader enforces at import (a manifest has one
    # minimum for both editions).
    NestedModules         = @('VodTools.Loader.dll', 'VodTools')
    ModuleVersion         = '0.1.0'
    GUID                  = '5d0c2f7e-4b1a-4f6e-9a53-2c7e8b1d9f40'
    Author                = 'VodTools contributors'
    CompanyName           = 'VodTools'
    Copyright             = '(c) 2026 VodTools contributors. MIT License (the LICENSE file).'
    Description           = 'Register the media in your own Alibaba Cloud OSS bucket with ApsaraVideo VOD, transcode and snapshot it, in one PowerShell pipeline. Ships a local emulator of RAM, STS, VOD and OSS.'
    CompatiblePSEditions  = @('Desktop', 'Core')
    PowerShellVersion     = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport       = @(
        'Add-RamRolePolicy'
        'Add-VodDomain'
        'Add-VodStorage'
        'Clear-VodEmulatorFault'
        'Compare-VodBucket'
        'Export-VodMigrationReport'
        'Find-VodMedia'
        'Get-OssBucket'
        'Get-OssObject'
        'Get-RamPolicy'
        'Get-RamRole'
        'Get-VodCallerIdentity'
        'Get-VodCategory'
        'Get-VodContext'
        'Get-VodDomain'
        'Get-VodEmulatorFault'
        'Get-VodMedia'
        'Get-VodMezzanine'
        'Get-VodPlayInfo'
        'Get-VodMessageCallback'
        'Get-VodMigration'
        'Get-VodSnapshot'
        'Get-VodTranscodeTask'
        'Get-VodTranscodeTemplateGroup'
        'Get-VodUrlUploadJob'
        'Import-VodMediaFromUrl'
        'Initialize-VodBucketAccess'
        'Invoke-VodMigration'
        'New-VodCategory'
        'New-VodPassMpsRole'
        'New-VodTranscodeTemplateGroup'
        'Register-VodMedia'
        'Remove-OssObject'
        'Remove-RamPolicy'
        'Remove-RamRole'
        'Remove-RamRolePolicy'
        'Remove-VodCategory'
        'Remove-VodDomain'
        'Remove-VodMedia'
        'Reset-VodEmulator'
        'Restore-VodEmulatorState'
        'Save-VodEmulatorState'
        'Send-VodMedia'
        'Set-VodCategory'
        'Set-VodContext'
        'Set-VodDefaultTranscodeTemplateGroup'
        'Set-VodEmulatorFault'
        'Set-VodMedia'
        'Set-VodMessageCallback'
        'Set-VodPolicy'
        'Start-VodEmulator'
        'Start-VodSnapshot'
        'Start-VodTranscode'
        'Stop-VodEmulator'
        'Test-VodBucket'
        'Test-VodPlayback'
        'Wait-VodTranscode'
    )
    FunctionsToExport     = @()
    AliasesToExport       = @()
    VariablesToExport     = @()
    FormatsToProcess      = @('VodTools.Format.ps1xml')
    # Every file of the module; of the emulator its managed files (not its native launcher or emulator/runtimes/).
    FileList              = @(
        'VodTools.psd1'
        'LICENSE'
        'VodTools.Loader.dll'
        'VodTools.Format.ps1xml'
        'en-US/VodTools.dll-Help.xml'
        'en-US/about_VodTools.help.txt'
        'dependencies/VodTools.dll'
        'dependencies/VodTools.xml'
        'dependencies/Microsoft.Bcl.AsyncInterfaces.dll'
        'dependencies/System.Buffers.dll'
        'dependencies/System.Memory.dll'
        'dependencies/System.Numerics.Vectors.dll'
        'dependencies/System.Runtime.CompilerServices.Unsafe.dll'
        'dependencies/System.Text.Encodings.Web.dll'
        'dependencies/System.Text.Json.dll'
        'dependencies/System.Threading.RateLimiting.dll'
        'dependencies/System.Threading.Tasks.Extensions.dll'
        'dependencies/Microsoft.Data.Sqlite.dll'
        'dependencies/SQLitePCLRaw.core.dll'
        'dependencies/SQLitePCLRaw.provider.e_sqlite3.dll'
        'dependencies/SQLitePCLRaw.provider.e_sqlite3.dll.config'
        'dependencies/runtimes/win-x64/native/e_sqlite3.dll'
        'dependencies/runtimes/win-x86/native/e_sqlite3.dll'
        'dependencies/runtimes/win-arm64/native/e_sqlite3.dll'
        'dependencies/runtimes/linux-x64/native/libe_sqlite3.so'
        'dependencies/runtimes/linux-arm64/native/libe_sqlite3.so'
        'dependencies/runtimes/linux-musl-x64/native/libe_sqlite3.so'
        'dependencies/runtimes/linux-musl-arm64/native/libe_sqlite3.so'
        'dependencies/runtimes/osx-x64/native/libe_sqlite3.dylib'
        'dependencies/runtimes/osx-arm64/native/libe_sqlite3.dylib'
        'emulator/VodTools.Emulator.dll'
        'emulator/VodTools.Emulator.pdb'
        'emulator/VodTools.Emulator.deps.json'
        'emulator/VodTools.Emulator.runtimeconfig.json'
        'emulator/VodTools.Emulator.staticwebassets.endpoints.json'
        'emulator/Microsoft.Data.Sqlite.dll'
        'emulator/SQLitePCLRaw.batteries_v2.dll'
        'emulator/SQLitePCLRaw.core.dll'
        'emulator/SQLitePCLRaw.provider.e_sqlite3.dll'
        'emulator/web.config'
    )
    PrivateData           = @{
        PSData = @{
            Tags       = @('Alibaba', 'AlibabaCloud', 'Aliyun', 'VOD', 'ApsaraVideo', 'OSS', 'RAM', 'Video', 'Transcode', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # The licence's canonical text; the copyright line is in LICENSE, shipped with the module. No ProjectUri
            # until the project has a public repository.
            LicenseUri   = 'https://opensource.org/license/mit'
            # {{CmdletCount}}: the build writes the number of cmdlets the module exports.
            ReleaseNotes = @'
0.1.0 - first release.
- PowerShell 7.4 or later (tested on 7.6), and Windows PowerShell 5.1, which is declared but has not been run: the
  module's core was run on Mono (a .NET Framework-family runtime) as a stand-in; see the README for what that
  covers and what it does not.
- Its dependencies (Microsoft.Data.Sqlite, SQLitePCLRaw, System.Threading.RateLimiting) load into a private
  AssemblyLoadContext on PowerShell 7, so other modules' versions of them do not collide with VodTools'.
- {{CmdletCount}} cmdlets: authorise VOD for your own OSS bucket (Initialize-VodBucketAccess), configure storage, domains and
  transcode template groups, then Get-OssObject | Register-VodMedia | Start-VodTranscode | Wait-VodTranscode,
  snapshots, mezzanine files and deletion through the VOD API.
- Signs VOD, RAM, STS and OSS requests itself: no Alibaba SDK, no Newtonsoft.
- Start-VodEmulator: a local emulator of RAM, STS, VOD and OSS shipped in the module (needs the .NET 10 runtime).
- Full help (Get-Help <cmdlet> -Full, about_VodTools), table views, tab completion of buckets, regions,
  template groups, roles and policies.
'@
        }
    }
}
