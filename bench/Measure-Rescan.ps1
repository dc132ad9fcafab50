<#
.SYNOPSIS
    Issue 25: what a scheduled rerun of Invoke-VodMigration costs to find new files in a bucket of -Keys keys whose
    journal has every file done: -Rescan Full (the whole prefix again), Tail (only after the last key) and None.
.DESCRIPTION
    Seeds -Keys objects straight into the emulator's SQLite (bench tool `seed`), writes a journal that has all of them
    done (as a finished migration leaves it), adds -NewKeys objects in the middle of the key space, then times one rerun
    per -Rescan value (-SkipPreflight: the few pre-flight reads are not what is measured) and counts the OSS list calls
    (the emulator's oss.ListObjectsV2 counter) and the new files each found. Run Full last: it brings the new keys in.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Keys = 1000000,
    [int] $NewKeys = 5
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force

$bucket = 'bench-rescan'
$dir = New-BenchDataDir 'rescan'
Invoke-BenchTool seed --data-dir $dir --bucket $bucket --count $Keys --prefix 'media/' | Out-Host
$emulator = Start-VodEmulator -DataPath $dir -Lenient
$journal = Join-Path $dir 'rescan.journal'
try {
    # the journal of a finished migration of the seeded keys (the seeder's key names), every file done
    $open = [VodTools.Services.Migration.MigrationJournal]::Open($journal, $true)
    $group = (Get-VodTranscodeTemplateGroup | Where-Object IsDefault | Select-Object -First 1).TemplateGroupId
    $open.SetParameters([VodTools.Services.Migration.MigrationParameters]@{ Bucket = $bucket; Region = 'cn-shanghai'; Prefix = 'media/'; TemplateGroupId = $group })
    $open.Dispose()
    $connection = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$journal;Pooling=False")
    $connection.Open()
    $command = $connection.CreateCommand()
    $command.CommandText = @"
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $($Keys - 1))
INSERT INTO files (key, size, state, media_id, task_id, status, listed, registered, submitted, transcoded, finished, updated)
SELECT printf('media/%04d/clip-%07d.mp4', i / 1000, i), 30, 4, printf('m%031d', i), printf('t%031d', i), 'CompleteAllSucc', 0, 0, 0, 0, 0, 0 FROM n;
INSERT OR REPLACE INTO job (name, value) VALUES ('listingComplete', '1'), ('listingToken', '');
"@
    $command.ExecuteNonQuery() | Out-Null
    $connection.Dispose()

    # new objects in the middle of the keys, where a listing after the last key cannot see them
    $settings = [VodTools.Commands.Common.VodContext]::Current.Settings
    $credentials = [VodTools.Api.Credentials.StaticCredentialProvider]::new([VodTools.Api.Credentials.CloudCredentials]::new($settings.AccessKeyId, $settings.AccessKeySecret), 'bench')
    $client = [VodTools.Api.OssClient]::new($emulator.Url, 'cn-shanghai', $credentials, [VodTools.Api.Http.HttpTransport]::Shared, [VodTools.Api.ClientOptions]::new())
    foreach ($n in 1..$NewKeys) {
        $request = [VodTools.Api.OssRequest]::new('PutObject', [System.Net.Http.HttpMethod]::Put, $bucket, ('media/{0:D4}/new-{1}.mp4' -f [int]($Keys / 2000), $n))
        $request.Content = { [System.Net.Http.ByteArrayContent]::new([byte[]](1..30)) }
        $client.SendAsync($request, 'ResponseContentRead', [Threading.CancellationToken]::None).GetAwaiter().GetResult().Dispose()
    }

    $load = Get-LoadAverage
    $runs = foreach ($rescan in 'None', 'Tail', 'Full') {
        $before = (Invoke-RestMethod "$($emulator.Url.ToString().TrimEnd('/'))/_emulator/stats").'oss.ListObjectsV2'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Invoke-VodMigration -Bucket $bucket -JournalPath $journal -Rescan $rescan -SkipPreflight | Out-Null
        $seconds = $watch.Elapsed.TotalSeconds
        $report = Get-VodMigration -JournalPath $journal
        [pscustomobject]@{
            Rescan    = $rescan
            Seconds   = [math]::Round($seconds, 1)
            ListCalls = (Invoke-RestMethod "$($emulator.Url.ToString().TrimEnd('/'))/_emulator/stats").'oss.ListObjectsV2' - $before
            NewFiles  = $report.LastRun.NewFiles
        }
    }
}
finally {
    Stop-VodEmulator -ProcessId $emulator.ProcessId
    Remove-Item $dir -Recurse -Force -ErrorAction Ignore
}

[pscustomobject]@{
    Scenario           = 'Rescan'
    LoadAverageAtStart = $load
    Keys               = $Keys
    NewKeys            = $NewKeys
    Runs               = $runs
}
