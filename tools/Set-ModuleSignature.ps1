<#
.SYNOPSIS
    Authenticode-signs the built module folder: the manifest, the format file, and every DLL not signed already (the
    module's own, and the few third-party ones that come unsigned; Microsoft's keep Microsoft's signature).
.DESCRIPTION
    On Windows with Set-AuthenticodeSignature (Windows PowerShell, PowerShell 7 on Windows); elsewhere with
    osslsigncode 2.8 or later (it signs PE files and PowerShell scripts; Debian: bookworm-backports), which needs the
    certificate as a .pfx file. Each file is signed with SHA-256 and, when -TimestampServer is given, timestamped.
    New-ModulePackage.ps1 (build.ps1 package) calls it before packing when given a certificate.
.EXAMPLE
    ./tools/Set-ModuleSignature.ps1 -ModulePath ./out/VodTools -CertificatePath ./codesign.pfx -CertificatePassword (Read-Host -AsSecureString)
.EXAMPLE
    ./tools/Set-ModuleSignature.ps1 -ModulePath ./out/VodTools -CertificateThumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -TimestampServer http://timestamp.digicert.com
#>
[CmdletBinding(DefaultParameterSetName = 'File')]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    # A .pfx (PKCS#12) file holding the code-signing certificate and its private key.
    [Parameter(Mandatory, ParameterSetName = 'File')] [string] $CertificatePath,
    [Parameter(ParameterSetName = 'File')] [securestring] $CertificatePassword,
    # A code-signing certificate in the current user's or the machine's personal store (Cert:\CurrentUser\My, Cert:\LocalMachine\My).
    [Parameter(Mandatory, ParameterSetName = 'Store')] [string] $CertificateThumbprint,
    [string] $TimestampServer
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).ProviderPath
$scripts = @(Get-ChildItem $ModulePath -Filter '*.psd1') + @(Get-ChildItem $ModulePath -Filter '*.ps1xml')
$dlls = Get-ChildItem $ModulePath -Recurse -Filter '*.dll'

if (Get-Command Set-AuthenticodeSignature -ErrorAction Ignore) {
    $certificate = if ($CertificateThumbprint) {
        Get-ChildItem Cert:\CurrentUser\My, Cert:\LocalMachine\My | Where-Object Thumbprint -eq $CertificateThumbprint | Select-Object -First 1
    }
    else {
        [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Resolve-Path $CertificatePath).ProviderPath, $CertificatePassword)
    }
    if (-not $certificate.HasPrivateKey) { throw "No code-signing certificate with its private key was found for $CertificateThumbprint$CertificatePath." }
    $unsigned = $dlls | Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -eq 'NotSigned' }
    $options = @{ Certificate = $certificate; HashAlgorithm = 'SHA256' }
    if ($TimestampServer) { $options.TimestampServer = $TimestampServer }
    foreach ($file in @($scripts) + @($unsigned)) {
        $signature = Set-AuthenticodeSignature -LiteralPath $file.FullName @options
        if ($signature.SignerCertificate.Thumbprint -ne $certificate.Thumbprint) { throw "$($file.FullName) was not signed: $($signature.StatusMessage)" }
        $file
    }
    return
}

$osslsigncode = Get-Command osslsigncode -ErrorAction Ignore
if (-not $osslsigncode) { throw 'Authenticode signing needs Set-AuthenticodeSignature (Windows) or osslsigncode 2.8 or later (e.g. apt-get install -t bookworm-backports osslsigncode).' }
if ($CertificateThumbprint) { throw 'Outside Windows, give the certificate as a .pfx file (-CertificatePath): osslsigncode does not read certificate stores.' }
$pfx = (Resolve-Path $CertificatePath).ProviderPath
$passwordFile = [System.IO.Path]::GetTempFileName()  # created readable by its owner only
try {
    $password = if ($CertificatePassword) { [System.Net.NetworkCredential]::new('', $CertificatePassword).Password } else { '' }
    [System.IO.File]::WriteAllText($passwordFile, $password)
    $unsigned = $dlls | Where-Object { (& $osslsigncode verify -in $_.FullName 2>&1) -match 'No signature found' }
    foreach ($file in @($scripts) + @($unsigned)) {
        $signed = "$($file.FullName).signed"
        $arguments = @('sign', '-pkcs12', $pfx, '-readpass', $passwordFile, '-h', 'sha256', '-in', $file.FullName, '-out', $signed)
        if ($TimestampServer) { $arguments += @('-ts', $TimestampServer) }
        $output = & $osslsigncode @arguments 2>&1
        if ($LASTEXITCODE -ne 0) { Remove-Item $signed -ErrorAction Ignore; throw "osslsigncode could not sign $($file.FullName): $output" }
        Move-Item $signed $file.FullName -Force
        $file
    }
}
finally {
    Remove-Item $passwordFile -ErrorAction Ignore
}
