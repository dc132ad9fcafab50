# Authenticode: the package build.ps1 package makes when given a certificate (tools/New-ModulePackage.ps1 with
# -CertificatePath, which signs through tools/Set-ModuleSignature.ps1), here with a self-signed code-signing
# certificate made for the test, on a copy of the built module. Every file that must carry a signature carries this
# certificate's, checked with Get-AuthenticodeSignature on Windows and with osslsigncode elsewhere; the signed package
# still installs and imports. Where neither Set-AuthenticodeSignature nor osslsigncode is at hand, it is skipped.

BeforeDiscovery {
    $script:canSign = [bool](Get-Command Set-AuthenticodeSignature, osslsigncode -ErrorAction Ignore)
}

BeforeAll {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    $script:root = (New-Item -ItemType Directory (Join-Path ([System.IO.Path]::GetTempPath()) ('vodtools-signing-' + [guid]::NewGuid().ToString('N')))).FullName
    $script:copy = Join-Path $root 'VodTools'
    Copy-Item (Split-Path $module) $copy -Recurse

    # A self-signed certificate for code signing (extended key usage 1.3.6.1.5.5.7.3.3), as a password-protected .pfx.
    $key = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=VodTools test signing', $key,
        [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $usage = [System.Security.Cryptography.OidCollection]::new(); $null = $usage.Add([System.Security.Cryptography.Oid]::new('1.3.6.1.5.5.7.3.3'))
    $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension]::new($usage, $false))
    $script:certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddMinutes(-5), [DateTimeOffset]::UtcNow.AddDays(1))
    $password = ConvertTo-SecureString 'test-only-password' -AsPlainText -Force
    $script:pfx = Join-Path $root 'codesign.pfx'
    [System.IO.File]::WriteAllBytes($pfx, $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $password))
    $script:pem = Join-Path $root 'codesign.pem'
    Set-Content $pem ("-----BEGIN CERTIFICATE-----`n" + [Convert]::ToBase64String($certificate.RawData, 'InsertLineBreaks') + "`n-----END CERTIFICATE-----")

    # The thumbprint of the certificate a file is signed with, or $null when it has no signature.
    function Get-SignerThumbprint([string] $Path) {
        if (Get-Command Get-AuthenticodeSignature -ErrorAction Ignore) { return (Get-AuthenticodeSignature -LiteralPath $Path).SignerCertificate.Thumbprint }
        $extracted = "$Path.p7"
        & osslsigncode extract-signature -in $Path -out $extracted 2>&1 | Out-Null
        if ($LASTEXITCODE -ne 0) { return $null }
        try {
            $cms = [System.Security.Cryptography.Pkcs.SignedCms]::new()
            $cms.Decode([System.IO.File]::ReadAllBytes($extracted))
            $cms.SignerInfos[0].Certificate.Thumbprint
        }
        finally { Remove-Item $extracted }
    }

    if ($canSign) {
        $script:packages = Join-Path $root 'packages'
        $script:package = & (Join-Path $PSScriptRoot '../../tools/New-ModulePackage.ps1') -ModulePath $copy -OutputPath $packages -CertificatePath $pfx -CertificatePassword $password
        $script:unpacked = Join-Path $root 'unpacked'
        Expand-Archive $package.FullName $unpacked
    }
}

AfterAll {
    Remove-Item $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A package made with a code-signing certificate' -Skip:(-not $canSign) {
    It 'signs the manifest, the format file and the module''s own assemblies with that certificate' {
        foreach ($file in 'VodTools.psd1', 'VodTools.Format.ps1xml', 'VodTools.Loader.dll', 'dependencies/VodTools.dll') {
            Get-SignerThumbprint (Join-Path $unpacked $file) | Should -Be $certificate.Thumbprint -Because "$file is signed"
        }
    }

    It 'signs the assemblies that came unsigned and leaves Microsoft''s signature on Microsoft''s' {
        Get-SignerThumbprint (Join-Path $unpacked 'dependencies/SQLitePCLRaw.core.dll') | Should -Be $certificate.Thumbprint
        Get-SignerThumbprint (Join-Path $unpacked 'dependencies/runtimes/win-x64/native/e_sqlite3.dll') | Should -Be $certificate.Thumbprint
        $microsoft = Get-SignerThumbprint (Join-Path $unpacked 'dependencies/System.Text.Json.dll')
        $microsoft | Should -Not -BeNullOrEmpty
        $microsoft | Should -Not -Be $certificate.Thumbprint
    }

    It 'gives signatures that verify against the certificate' -Skip:(-not (Get-Command osslsigncode -ErrorAction Ignore)) {
        foreach ($file in 'VodTools.psd1', 'VodTools.Format.ps1xml', 'dependencies/VodTools.dll') {
            & osslsigncode verify -in (Join-Path $unpacked $file) -CAfile $pem 2>&1 | Out-String | Should -Match 'Signature verification: ok' -Because "$file verifies"
        }
    }

    It 'still imports, the signature blocks being comments to PowerShell' {
        $child = "`$ErrorActionPreference = 'Stop'; Import-Module '$(Join-Path $copy 'VodTools.psd1')'; (Get-Command -Module VodTools).Count"
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-Command', $child)
        $output = & $pwsh @arguments 2>&1
        $output | Select-Object -Last 1 | Should -Be (Import-PowerShellDataFile (Join-Path $copy 'VodTools.psd1')).CmdletsToExport.Count -Because ($output -join "`n")
    }
}
