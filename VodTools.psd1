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
        'Get-OssBucket'
        'Get-OssObject'
        'Get-RamPolicy'
        'Get-RamRole'
        'Get-VodCallerIdentity'
        'Get-VodContext'
        'Get-VodDomain'
        'Get-VodMedia'
        'Get-VodMezzanine'
        'Get-VodSnapshot'
        'Get-VodTranscodeTask'
        'Get-VodTranscodeTemplateGroup'
        'Initialize-VodBucketAccess'
        'New-VodPassMpsRole'
        'New-VodTranscodeTemplateGroup'
        'Register-VodMedia'
        'Remove-OssObject'
        'Remove-RamPolicy'
        'Remove-RamRole'
        'Remove-RamRolePolicy'
        'Remove-VodDomain'
        'Remove-VodMedia'
        'Send-VodMedia'
        'Set-VodContext'
        'Set-VodDefaultTranscodeTemplateGroup'
        'Set-VodPolicy'
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
