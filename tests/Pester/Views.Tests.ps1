# The views of VodTools.Format.ps1xml: one for every type the cmdlets emit, each reading well at 80 columns (the width of
# many terminals and of a default Out-File) and at 120: every line within the width, every header whole, no value cut
# in the middle of a word or shortened with an ellipsis, for real output of the cmdlets and for texts longer than any
# column.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $format = [xml](Get-Content -Raw (Join-Path (Split-Path (Get-Module VodTools).Path) 'VodTools.Format.ps1xml'))
    $script:views = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        $columns = if ($view.TableControl) {
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $headers.Count; $i++) {
                @{ Label = $headers[$i].Label; Width = [int]$headers[$i].Width; Property = $items[$i].PropertyName; ScriptBlock = $items[$i].ScriptBlock }
            }
        }
        else {
            foreach ($item in $view.ListControl.ListEntries.ListEntry.ListItems.ListItem) {
                @{ Label = if ($item.Label) { $item.Label } else { $item.PropertyName }; Width = 0; Property = $item.PropertyName; ScriptBlock = $item.ScriptBlock }
            }
        }
        @{ TypeName = $view.ViewSelectedBy.TypeName; Table = [bool]$view.TableControl; Columns = @($columns); GroupBy = $view.GroupBy.PropertyName }
    }
    $script:widths = 80, 120
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

    # The object as a view of $TypeName selects it (a type name beyond the class, as VodMedia#Registered, goes first).
    function Select-View([object] $Object, [string] $TypeName) {
        $object = [psobject]::AsPSObject($Object)
        if ($TypeName -match '#' -and $object.PSObject.TypeNames[0] -ne $TypeName) { $object.PSObject.TypeNames.Insert(0, $TypeName) }
        $object
    }

    # The view's rendering of $Objects at $Width columns, as lines.
    function Show-View([object[]] $Objects, [bool] $Table, [int] $Width) {
        $text = if ($Table) { $Objects | Format-Table | Out-String -Width $Width } else { $Objects | Format-List | Out-String -Width $Width }
        @($text -split '\r?\n')
    }

    # The words (runs of letters and digits) of what a column shows for $Object.
    function Get-ShownWords([object] $Object, [hashtable] $Column) {
        $value = if ($Column.ScriptBlock) { $Object | ForEach-Object ([scriptblock]::Create($Column.ScriptBlock)) } else { $Object.($Column.Property) }
        [regex]::Matches((@($value) -join ' '), '[\p{L}\p{N}]+') | ForEach-Object Value
    }
}

Describe 'The view of <TypeName>' -ForEach $views {
    BeforeAll {
        $sample = Select-View (New-WideSample ([type]($TypeName -replace '#.*$'))) $TypeName
    }

    It 'shows every column, its header whole, within <_> columns, even when every text is longer than its column' -ForEach $widths {
        $width = $_
        $lines = Show-View @($sample, $sample) $Table $width
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $width -Because "'$line' is within the width" }
        foreach ($column in $Columns) { ($lines -join "`n") | Should -Match "(?m)(^|\s)$([regex]::Escape($column.Label))(\s|$)" -Because "the header $($column.Label) is whole" }
    }

    It 'names each column for the property it shows, so that a script can read it, or for what it derives from them' {
        # derived: a media's Key from its FileUrl, a Resolution from Width and Height
        $properties = @(([type]($TypeName -replace '#.*$')).GetProperties().Name) + 'Key', 'Resolution'
        $Columns.Label | Where-Object { $_ -notin $properties } | Should -BeNullOrEmpty
    }

    It 'gives each column of a table a width of at least its header, the row within 79 columns' -Skip:(-not $Table) {
        foreach ($column in $Columns) { $column.Width | Should -BeGreaterOrEqual $column.Label.Length -Because "$($column.Label) fits its column" }
        ($Columns.Width | Measure-Object -Sum).Sum + $Columns.Count - 1 | Should -BeLessOrEqual 79
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
        ($object | Format-Table | Out-String -Width 80) | Should -Match '1\.5 KB'
        ($mezzanine | Format-Table | Out-String -Width 80) | Should -Match '3\.0 MB'
        $object.Size | Should -Be 1536
        $mezzanine.Size | Should -Be (3 * 1MB + 1)
    }
}

Describe 'What the views show of real output' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -SeedSample
        $web = Start-TestWebServer -Files @{ '/in/clip.mp4' = [byte[]]::new(4000) }
        $objects = @{}
        function Add-Output([string] $TypeName, [object[]] $Output) { $script:objects[$TypeName] = @($Output | ForEach-Object { Select-View $_ $TypeName }) }
        $script:objects = $objects
        Add-Output VodTools.Model.EmulatorInstance $emulator
        Add-Output VodTools.Model.CallerIdentity (Get-VodCallerIdentity)
        Add-Output VodTools.Model.VodContextInfo (Get-VodContext)
        Add-Output VodTools.Model.OssBucket (Get-OssBucket)
        Add-Output VodTools.Model.OssObject (Get-OssObject -Bucket media-archive -Prefix films/2019/)
        Add-Output VodTools.Model.VodAccessChange (Initialize-VodBucketAccess -Bucket media-archive)
        Add-Output VodTools.Model.RamRole (Get-RamRole)
        Add-Output VodTools.Model.RamPolicy (Get-RamPolicy)
        Add-Output VodTools.Model.VodStorage (Add-VodStorage -Bucket media-archive)
        $script:group = New-VodTranscodeTemplateGroup -Name 'web-renditions-for-the-sea-documentaries' -TemplateList @{
            TemplateName = 'sd-mp4'; Definition = 'SD'; Container = @{ Format = 'mp4' }
            Video = @{ Codec = 'H.264'; Bitrate = '400'; Fps = '30' }; Audio = @{ Codec = 'AAC'; Bitrate = '64'; Samplerate = '44100' }
        }
        Add-Output VodTools.Model.VodTranscodeTemplateGroup (Get-VodTranscodeTemplateGroup)
        Add-Output VodTools.Model.VodTranscodeTemplate $group.Templates
        $script:registered = @(Get-OssObject -Bucket media-archive -Prefix films/2019/ -Include *.mp4 | Select-Object -First 2 |
            Register-VodMedia -TemplateGroupId $group.TemplateGroupId)
        Add-Output 'VodTools.Model.VodMedia#Registered' $registered
        $script:tasks = @($registered | Start-VodTranscode -TemplateGroupId $group.TemplateGroupId | Wait-VodTranscode -Timeout 60)
        Add-Output VodTools.Model.TranscodeTask $tasks
        Add-Output VodTools.Model.TranscodeJob $tasks.Jobs
        Add-Output VodTools.Model.VodMedia (Get-VodMedia -MediaId $registered.MediaId)
        Add-Output VodTools.Model.SnapshotJob (Start-VodSnapshot -MediaId $registered[0].MediaId -Count 2 -Interval 0)
        Wait-Until { @(Get-VodSnapshot -MediaId $registered[0].MediaId).Count -gt 0 } -Seconds 30 | Out-Null
        Add-Output VodTools.Model.VodSnapshot (Get-VodSnapshot -MediaId $registered[0].MediaId)
        Add-Output VodTools.Model.VodMezzanine (Get-VodMezzanine -MediaId $registered.MediaId)
        Add-Output VodTools.Model.VodPlayInfo (Get-VodPlayInfo -MediaId $registered[0].MediaId)
        Add-Output VodTools.Model.VodPlaybackCheck (Test-VodPlayback -MediaId $registered[0].MediaId)
        Add-Output VodTools.Model.VodBucketCheck (Test-VodBucket -Bucket media-archive)
        Add-Output VodTools.Model.VodBucketEntry (Compare-VodBucket -Bucket media-archive -Prefix films/2019/)
        $sea = New-VodCategory -Name 'Documentaries about the sea'
        Add-Output VodTools.Model.VodCategory @($sea, (New-VodCategory -Name 'Coral reefs of the Pacific and the Indian Ocean' -ParentId $sea.CateId))
        $domain = Add-VodDomain -DomainName 'media.example.com' -Bucket media-archive
        Add-Output VodTools.Model.VodDomain $domain
        Add-Output VodTools.Model.VodDomainSource $domain.Sources
        Add-Output VodTools.Model.EmulatorFaultRule (Set-VodEmulatorFault -Rule 'error:0.01:Throttling.User@SubmitTranscodeJobs,delay:0.01:10@oss/GET')
        Add-Output VodTools.Model.VodUrlUploadJob (Import-VodMediaFromUrl -Url "$($web.BaseUrl)/in/clip.mp4", "$($web.BaseUrl)/in/missing.mp4" | Get-VodUrlUploadJob -Wait -Timeout 30 -ErrorAction SilentlyContinue)
        Add-Output VodTools.Model.VodMessageCallback (Set-VodMessageCallback -CallbackUrl "$($web.BaseUrl)/events/vod-notifications-for-the-archive" -EventType FileUploadComplete, StreamTranscodeComplete, TranscodeComplete -PassThru)
        $journal = Join-Path $TestDrive 'views.journal'
        $migrated = @(Invoke-VodMigration -Bucket media-archive -Prefix incoming/ -Include *.mp4 -JournalPath $journal -ErrorAction SilentlyContinue)
        Add-Output VodTools.Model.MigrationFile ($migrated + @(Get-VodMigration -JournalPath $journal -Failed))
        Add-Output VodTools.Model.MigrationReport (Get-VodMigration -JournalPath $journal)
        Stop-TestWebServer $web
    }
    AfterAll { Stop-VodEmulator }

    It 'has output of every type a view is for' {
        $views.TypeName | Where-Object { -not $objects[$_] } | Should -BeNullOrEmpty
    }

    It 'shows <TypeName> at <Width> columns: every line within the width, every header whole, every word whole' -ForEach @(
        foreach ($view in $views) { foreach ($width in $widths) { $view + @{ Width = $width } } }
    ) {
        $shown = $objects[$TypeName]
        $lines = Show-View $shown $Table $Width
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width -Because "'$line' is within $Width columns" }
        $text = $lines -join "`n"
        $text | Should -Not -Match '…' -Because 'no value is shortened with an ellipsis'
        foreach ($column in $Columns) { $text | Should -Match "(?m)(^|\s)$([regex]::Escape($column.Label))(\s|$)" -Because "the header $($column.Label) is whole" }
        $words = [System.Collections.Generic.HashSet[string]]::new([string[]][regex]::Matches($text, '[\p{L}\p{N}]+').Value)
        foreach ($object in $shown) {
            foreach ($column in @($Columns) + @(if ($GroupBy) { @{ Label = $GroupBy; Property = $GroupBy } })) {
                foreach ($word in Get-ShownWords $object $column) { $words.Contains($word) | Should -BeTrue -Because "the word '$word' of $($column.Label) is shown whole" }
            }
        }
    }

    It 'shows what registering tells (new or known, the key) for Register-VodMedia, and the media state for Get-VodMedia' {
        $text = $registered | Format-Table | Out-String -Width 80
        $text | Should -Match 'NewRegister'
        $text | Should -Match 'films/2019/film-001\.mp4'
        $text | Should -Not -Match 'Status'
        $text = $objects['VodTools.Model.VodMedia'] | Format-Table | Out-String -Width 80
        $text | Should -Match 'Title\s+Status\s+Duration\s+MediaId'
        $text | Should -Not -Match 'NewRegister'
        $registered[0] | Should -BeOfType VodTools.Model.VodMedia
    }

    It 'names the media of each task by its title, from Start-VodTranscode through Wait-VodTranscode' {
        $tasks.Count | Should -Be 2
        $tasks.Title | Should -Be $registered.Title
        $tasks | Format-Table | Out-String -Width 80 | Should -Match ([regex]::Escape($registered[1].Title))
    }

    It 'shows a snapshot''s URL whole, across lines broken after its slashes' {
        $snapshot = $objects['VodTools.Model.VodSnapshot'][0]
        $snapshot.Url.Length | Should -BeGreaterThan 80
        $lines = ($snapshot | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_ -match '\S' } | Select-Object -Skip 3
        (($lines | ForEach-Object { $_.Substring([math]::Min($_.Length, 19)).Trim() }) -join '') | Should -Be $snapshot.Url
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
