@{
    RootModule            = 'VodTools.dll'
    ModuleVersion         = '0.1.0'
    GUID                  = '5d0c2f7e-4b1a-4f6e-9a53-2c7e8b1d9f40'
    Author                = 'VodTools'
    CompanyName           = 'VodTools'
    Copyright             = '(c) VodTools. All rights reserved.'
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
        'VodTools.dll'
        'VodTools.xml'
        'VodTools.Format.ps1xml'
        'en-US/VodTools.dll-Help.xml'
        'en-US/about_VodTools.help.txt'
        'Microsoft.Bcl.AsyncInterfaces.dll'
        'System.Buffers.dll'
        'System.Memory.dll'
        'System.Numerics.Vectors.dll'
        'System.Runtime.CompilerServices.Unsafe.dll'
        'System.Text.Encodings.Web.dll'
        'System.Text.Json.dll'
        'System.Threading.RateLimiting.dll'
        'System.Threading.Tasks.Extensions.dll'
        'Microsoft.Data.Sqlite.dll'
        'SQLitePCLRaw.core.dll'
        'SQLitePCLRaw.provider.e_sqlite3.dll'
        'runtimes/win-x64/native/e_sqlite3.dll'
        'runtimes/win-x86/native/e_sqlite3.dll'
        'runtimes/win-arm64/native/e_sqlite3.dll'
        'runtimes/linux-x64/native/libe_sqlite3.so'
        'runtimes/linux-arm64/native/libe_sqlite3.so'
        'runtimes/linux-musl-x64/native/libe_sqlite3.so'
        'runtimes/linux-musl-arm64/native/libe_sqlite3.so'
        'runtimes/osx-x64/native/libe_sqlite3.dylib'
        'runtimes/osx-arm64/native/libe_sqlite3.dylib'
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
            ProjectUri   = 'https://github.com/vodtools/VodTools'
            ReleaseNotes = @'
0.1.0 - first release.
- 34 cmdlets: authorise VOD for your own OSS bucket (Initialize-VodBucketAccess), configure storage, domains and
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
