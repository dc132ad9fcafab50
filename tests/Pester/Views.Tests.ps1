# The views of VodTools.Format.ps1xml: one for every type the cmdlets emit, and each table fits a 120-column
# terminal with every column shown, even when every text is longer than its column.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $format = [xml](Get-Content -Raw (Join-Path (Split-Path (Get-Module VodTools).Path) 'VodTools.Format.ps1xml'))
    $script:views = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        @{ TypeName = $view.ViewSelectedBy.TypeName; Table = [bool]$view.TableControl
           Labels = @(if ($view.TableControl) { $view.TableControl.TableHeaders.TableColumnHeader.Label } else { $view.ListControl.ListEntries.ListEntry.ListItems.ListItem | ForEach-Object { if ($_.Label) { $_.Label } else { $_.PropertyName } } })
           Widths = @(if ($view.TableControl) { $view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { if ($_.Width) { [int]$_.Width } else { 0 } } }) }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest

    # An object of the type whose every text is 150 characters and every number large: the worst case for a table.
    function New-WideSample([type] $Type) {
        function Get-SampleValue([type] $ValueType) {
            $ValueType = if ([Nullable]::GetUnderlyingType($ValueType)) { [Nullable]::GetUnderlyingType($ValueType) } else { $ValueType }
            if ($ValueType -eq [string]) { 'w' * 150 }
            elseif ($ValueType.IsEnum) { [enum]::GetValues($ValueType)[0] }
            elseif ($ValueType -eq [datetime]) { [datetime]'2026-01-02T03:04:05' }
            elseif ($ValueType -eq [bool]) { $true }
            elseif ($ValueType -in [int], [long], [double]) { [Convert]::ChangeType(1234567890, $ValueType) }
        }
        $constructor = $Type.GetConstructors() | Sort-Object { $_.GetParameters().Count } | Select-Object -First 1
        $object = $constructor.Invoke([object[]]@($constructor.GetParameters() | ForEach-Object { Get-SampleValue $_.ParameterType }))
        foreach ($property in $Type.GetProperties() | Where-Object CanWrite) {
            $value = Get-SampleValue $property.PropertyType
            if ($null -ne $value) { $property.SetValue($object, $value) }
        }
        $object
    }
}

Describe 'The view of <TypeName>' -ForEach $views {
    BeforeAll {
        $sample = New-WideSample ([type]$TypeName)
    }

    It 'shows every column within 120 columns' {
        $text = if ($Table) { $sample, $sample | Format-Table | Out-String -Width 120 } else { $sample | Format-List | Out-String -Width 120 }
        $lines = $text -split '\r?\n'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 -Because $_ }
        foreach ($label in $Labels) { $text | Should -Match "\b$label\b" }
    }
}

Describe 'The table view of <TypeName>' -ForEach ($views | Where-Object Table) {
    It 'declares widths that leave room on a 120-column line' {
        $unsized = @($Widths | Where-Object { $_ -eq 0 }).Count
        ($Widths | Measure-Object -Sum).Sum + ($Widths.Count - 1) + 10 * $unsized | Should -BeLessOrEqual 120
    }
}

Describe 'Views' {
    It 'exist for every type a cmdlet emits' {
        $emitted = Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object OutputType | Where-Object { $_.Type -and $_.Type -ne [void] } | ForEach-Object { $_.Type.FullName }
        $viewed = $views.TypeName
        $emitted | Sort-Object -Unique | Where-Object { $_ -notin $viewed } | Should -BeNullOrEmpty
    }

    It 'show sizes human-readable and leave the raw number on the object' {
        $object = [VodTools.Model.OssObject]@{ Bucket = 'b'; Key = 'films/a.mp4'; Size = 1536 }
        $mezzanine = [VodTools.Model.VodMezzanine]@{ MediaId = 'm'; Size = 3 * 1MB + 1 }
        ($object | Format-Table | Out-String -Width 120) | Should -Match '1\.5 KB'
        ($mezzanine | Format-Table | Out-String -Width 120) | Should -Match '3\.0 MB'
        $object.Size | Should -Be 1536
        $mezzanine.Size | Should -Be (3 * 1MB + 1)
    }
}
