<#
.SYNOPSIS
    Writes the built module folder as a .nupkg that Install-PSResource and Install-Module install.
.DESCRIPTION
    PSResourceGet (in PowerShell 7.4+) publishes the folder to a temporary local file repository, which
    is unregistered again whatever happens. build.ps1 package and tests/Pester/Package.Tests.ps1 both use it. Given a
    certificate, it first Authenticode-signs the folder in place (Set-ModuleSignature.ps1 beside it).
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath ./out/VodTools -OutputPath ./out/packages
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath ./out/VodTools -OutputPath ./out/packages -CertificatePath ./codesign.pfx -CertificatePassword (Read-Host -AsSecureString)
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $CertificatePath,
    [securestring] $CertificatePassword,
    [string] $CertificateThumbprint,
    [string] $TimestampServer
)

$ErrorActionPreference = 'Stop'
if ($CertificatePath -or $CertificateThumbprint) {
    $signing = @{ ModulePath = $ModulePath }
    foreach ($name in 'CertificatePath', 'CertificatePassword', 'CertificateThumbprint', 'TimestampServer') {
        if ($PSBoundParameters.ContainsKey($name)) { $signing[$name] = $PSBoundParameters[$name] }
    }
    & (Join-Path $PSScriptRoot 'Set-ModuleSignature.ps1') @signing | ForEach-Object { Write-Verbose "Signed $($_.FullName)" }
}
New-Item -ItemType Directory -Force $OutputPath | Out-Null
Get-ChildItem $OutputPath -Filter 'VodTools.*.nupkg' | Remove-Item
$repository = 'VodToolsBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
Register-PSResourceRepository -Name $repository -Uri (Resolve-Path $OutputPath).ProviderPath -Trusted
# Publishing runs Test-ModuleManifest, which accepts the manifest's name-only nested module 'VodTools' (loaded by name,
# see VodTools.psd1) when a module of that name is on PSModulePath, as it is once installed: so the folder holding the
# module is put there while it is published.
$savedModulePath = $env:PSModulePath
$env:PSModulePath = (Split-Path (Resolve-Path $ModulePath).ProviderPath) + [System.IO.Path]::PathSeparator + $savedModulePath
try {
    Publish-PSResource -Path $ModulePath -Repository $repository -SkipDependenciesCheck
}
finally {
    $env:PSModulePath = $savedModulePath
    Unregister-PSResourceRepository -Name $repository
}
Get-ChildItem $OutputPath -Filter 'VodTools.*.nupkg'
