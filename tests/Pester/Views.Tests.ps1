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
        # a view of a type name beyond the class (VodMedia#Registered) is chosen by the name a cmdlet inserts first
        $sample = New-WideSample ([type]($TypeName -replace '#.*$'))
        if ($TypeName -match '#') {
            $sample = [psobject]::AsPSObject($sample)
            $sample.PSObject.TypeNames.Insert(0, $TypeName)
        }
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
        # the files written (Save-VodEmulatorState, Export-VodMigrationReport -PassThru) are shown by PowerShell's own view
        $emitted = Get-Command -Module VodTools -CommandType Cmdlet | ForEach-Object OutputType | Where-Object { $_.Type -and $_.Type -notin [void], [System.IO.FileInfo] } | ForEach-Object { $_.Type.FullName }
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

Describe "What the views show of real output" {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample
        $script:group = New-VodTranscodeTemplateGroup -Name views -TemplateList @{
            TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' }
            Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' }
        }
        $script:registered = @(Get-OssObject -Bucket media-archive -Prefix films/2019/ -Include *.mp4 | Select-Object -First 2 |
            Register-VodMedia -TemplateGroupId $group.TemplateGroupId)
        $script:tasks = @($registered | Start-VodTranscode -TemplateGroupId $group.TemplateGroupId | Wait-VodTranscode -Timeout 60)
    }
    AfterAll { Stop-VodEmulator }

    It 'shows what registering tells (new or known, the key) for Register-VodMedia, and the media state for Get-VodMedia' {
        $text = $registered | Format-Table | Out-String -Width 120
        $text | Should -Match 'NewRegister'
        $text | Should -Match 'films/2019/film-001\.mp4'
        $text | Should -Not -Match 'Status'
        $text = Get-VodMedia -MediaId $registered.MediaId | Format-Table | Out-String -Width 120
        $text | Should -Match 'Status\s+Duration\s+CreationTime'
        $text | Should -Not -Match 'NewRegister'
        $registered[0] | Should -BeOfType VodTools.Model.VodMedia
    }

    It 'names the media of each task by its title, from Start-VodTranscode through Wait-VodTranscode' {
        $tasks.Count | Should -Be 2
        $tasks.Title | Should -Be $registered.Title
        $tasks | Format-Table | Out-String -Width 120 | Should -Match ([regex]::Escape($registered[1].Title))
    }

    It 'shows snapshot URLs whole at 120 columns' {
        Start-VodSnapshot -MediaId $registered[0].MediaId -Count 1 -Interval 0 | Out-Null
        Wait-Until { @(Get-VodSnapshot -MediaId $registered[0].MediaId).Count -gt 0 } -Seconds 30 | Should -BeTrue
        $snapshot = @(Get-VodSnapshot -MediaId $registered[0].MediaId)[0]
        $snapshot.Url.Length | Should -BeGreaterThan 60
        $text = $snapshot | Format-Table | Out-String -Width 120
        ($text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($text -replace '\s', '') | Should -Match ([regex]::Escape($snapshot.Url))
    }
}

Describe 'Times' {
    It 'are the local time of the machine, as Get-Date shows it, in any time zone' {
        $command = @([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension($command[0]) -eq 'dotnet') { $command += Join-Path $PSHOME 'pwsh.dll' }
        $helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'
        $script = "Import-Module '$helpers'; Import-VodToolsUnderTest; Start-TestEmulator -SeedSample | Out-Null; " +
            '$b = Get-OssBucket -Bucket media-archive; $o = Get-OssObject -Bucket media-archive -Prefix films/ | Select-Object -First 1; ' +
            '"{0} {1} {2} {3}" -f $b.CreationTime.Kind, [int][math]::Abs(((Get-Date) - $b.CreationTime).TotalMinutes), ' +
            '[int][math]::Abs(((Get-Date).ToUniversalTime() - $o.ModificationTime.ToUniversalTime()).TotalMinutes), (Get-Date).ToString("zzz"); Stop-VodEmulator'
        $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($argument in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.Environment['TZ'] = 'Asia/Shanghai'
        $child = [System.Diagnostics.Process]::Start($start)
        $out = $child.StandardOutput.ReadToEnd().Trim()
        $child.WaitForExit()
        $kind, $localMinutes, $utcMinutes, $offset = $out -split ' '
        $offset | Should -Be '+08:00' -Because 'the child runs in Shanghai time'
        $kind | Should -Be 'Local'
        [int]$localMinutes | Should -BeLessOrEqual 5 -Because 'a bucket made a moment ago shows the local clock'
        [int]$utcMinutes | Should -BeLessOrEqual 5
    }
}
