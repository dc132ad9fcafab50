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
        'Get-OssBucket'
        'Get-OssObject'
        'Get-VodCallerIdentity'
        'Get-VodContext'
        'Get-VodMedia'
        'Get-VodMezzanine'
        'Get-VodSnapshot'
        'Get-VodTranscodeTask'
        'Register-VodMedia'
        'Remove-OssObject'
        'Remove-VodMedia'
        'Send-VodMedia'
        'Set-VodContext'
        'Start-VodEmulator'
        'Start-VodSnapshot'
        'Start-VodTranscode'
        'Stop-VodEmulator'
        'Wait-VodTranscode'
    )
    FunctionsToExport     = @()
    AliasesToExport       = @()
    VariablesToExport     = @()
    FormatsToProcess      = @('VodTools.Format.ps1xml')
    PrivateData           = @{
        PSData = @{
            Tags       = @('Alibaba', 'AlibabaCloud', 'Aliyun', 'VOD', 'ApsaraVideo', 'OSS', 'RAM', 'Video', 'Transcode', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri = 'https://github.com/vodtools/VodTools'
        }
    }
}
