# The built module's manifest: valid, explicit, and in step with the cmdlets and files it ships.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $path = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    $base = Split-Path (Resolve-Path $path).ProviderPath
    $data = Import-PowerShellDataFile $path
}

Describe 'The VodTools manifest' {
    It 'passes Test-ModuleManifest, which also checks that every FileList entry exists' {
        # as installed: on PSModulePath, where Test-ModuleManifest finds the nested module the manifest names by name
        $saved = $env:PSModulePath
        $env:PSModulePath = (Split-Path $base) + [System.IO.Path]::PathSeparator + $saved
        try { $manifest = Test-ModuleManifest $path -ErrorAction Stop }
        finally { $env:PSModulePath = $saved }
        $manifest.Version | Should -Be ([version]$data.ModuleVersion)
        $data.FileList | ForEach-Object { Join-Path $base $_ | Should -Exist }
    }

    It 'exports exactly the cmdlets the module has, without wildcards' {
        $data.CmdletsToExport | Should -Not -Match '\*'
        $data.AliasesToExport | Should -BeNullOrEmpty
        ($data.CmdletsToExport | Sort-Object) | Should -Be (Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        $types = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'VodTools' } | ForEach-Object { $_.GetExportedTypes() }
        $declared = $types | ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } | ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        ($declared | Sort-Object) | Should -Be ($data.CmdletsToExport | Sort-Object) -Because 'every cmdlet class in VodTools.dll is exported'
    }

    It 'lists in FileList every file outside the emulator folder, and the emulator''s entry points' {
        $shipped = Get-ChildItem $base -Recurse -File | Where-Object { $_.FullName -notlike (Join-Path $base 'emulator*') } |
            ForEach-Object { $_.FullName.Substring($base.Length + 1) -replace '\\', '/' }
        $missing = $shipped | Where-Object { $_ -notin $data.FileList }
        $missing | Should -BeNullOrEmpty
        'emulator/VodTools.Emulator.dll', 'emulator/VodTools.Emulator.runtimeconfig.json' | Should -BeIn $data.FileList
    }

    It 'declares what the gallery and Windows PowerShell 5.1 need' {
        $data.PowerShellVersion | Should -Be '5.1'
        $data.DotNetFrameworkVersion | Should -Be '4.7.2'
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.FormatsToProcess | Should -Be @('VodTools.Format.ps1xml')
        $data.PrivateData.PSData.ReleaseNotes | Should -Match ([regex]::Escape($data.ModuleVersion))
        $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
    }

    It 'says only what is true: the number of cmdlets it exports, its licence, no project site while there is none' {
        $notes = $data.PrivateData.PSData.ReleaseNotes
        $notes | Should -Not -Match '\{\{' -Because 'the build fills in every placeholder'
        [int][regex]::Match($notes, '(?m)^- (\d+) cmdlets\b').Groups[1].Value | Should -Be @(Get-Command -Module VodTools -CommandType Cmdlet).Count
        $data.PrivateData.PSData.LicenseUri | Should -Be 'https://opensource.org/license/mit'
        $data.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri' -Because 'the project has no public repository yet'
        Join-Path $base 'LICENSE' | Should -FileContentMatch '^MIT License'
        Join-Path $base 'LICENSE' | Should -FileContentMatch 'Copyright \(c\) 2026 VodTools contributors'
        $data.Copyright | Should -Match 'VodTools contributors'
    }
}
