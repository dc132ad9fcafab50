# For the reliability suites: make source objects, read the emulator's counters and inventory, run a pipeline
# capturing what it emitted, its errors and its -Verbose lines. Import after Start-TestEmulator.

# PUTs $Count small objects <Prefix>NNNN.<Extension> into $Bucket over the emulator's OSS (path style), signed with OSS V1
# by this helper (there is no Put-OssObject cmdlet); -Empty makes them zero bytes (a source VOD cannot transcode).
# Retries each PUT a bounded number of times (injected faults).
function Add-TestOssObject([string] $Bucket = 'media-archive', [string] $Prefix, [int] $Count, [string] $Extension = 'mp4', [switch] $Empty) {
    $context = [VodTools.Commands.Common.VodContext]::Current.Settings
    $base = $context.Endpoints[[VodTools.Api.Endpoints.CloudService]::Oss].ToString().TrimEnd('/')
    $hmac = [System.Security.Cryptography.HMACSHA1]::new([Text.Encoding]::UTF8.GetBytes($context.AccessKeySecret))
    $http = [VodTools.Api.Http.HttpTransport]::Shared.HttpClient
    try {
        foreach ($i in 1..$Count) {
            $key = '{0}{1:d4}.{2}' -f $Prefix, $i, $Extension
            for ($attempt = 1; ; $attempt++) {
                $date = [DateTime]::UtcNow.ToString('r')
                $toSign = "PUT`n`napplication/octet-stream`n$date`n/$Bucket/$key"
                $signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($toSign)))
                $request = [System.Net.Http.HttpRequestMessage]::new('PUT', "$base/$Bucket/$key")
                $request.Content = [System.Net.Http.ByteArrayContent]::new([Text.Encoding]::ASCII.GetBytes($(if ($Empty) { '' } else { "not really a video $i" })))
                $request.Content.Headers.ContentType = 'application/octet-stream'
                $request.Headers.TryAddWithoutValidation('Date', $date) | Out-Null
                $request.Headers.TryAddWithoutValidation('Authorization', "OSS $($context.AccessKeyId):$signature") | Out-Null
                $status = try { [int]$http.SendAsync($request).GetAwaiter().GetResult().StatusCode } catch { 0 }
                if ($status -eq 200) { break }
                if ($attempt -ge 20) { throw "PUT $key failed 20 times, last HTTP $status" }
            }
        }
    }
    finally { $hmac.Dispose() }
}

# The emulator's /_emulator/stats: request and fault counters, every video and transcode task.
function Get-EmulatorStats {
    $base = [VodTools.Commands.Common.VodContext]::Current.Settings.Endpoints[[VodTools.Api.Endpoints.CloudService]::Vod].ToString().TrimEnd('/')
    Invoke-RestMethod "$base/_emulator/stats"
}

# Runs $Script with -Verbose on and errors not stopping it (Pester runs tests with ErrorActionPreference Stop, which
# would turn the first non-terminating error into the end of the run); returns what it emitted, its non-terminating
# errors, its -Verbose lines (all, and the per-attempt ones) and the terminating error if one ended it.
function Invoke-Captured {
    [CmdletBinding()]
    param([scriptblock] $Script)
    # $Script belongs to the caller's session state: set the preferences in the caller's scope, then put them back
    $variables = $PSCmdlet.SessionState.PSVariable
    $saved = @{}
    foreach ($name in 'VerbosePreference', 'ErrorActionPreference') { $saved[$name] = $variables.GetValue($name) }
    $variables.Set('VerbosePreference', 'Continue')
    $variables.Set('ErrorActionPreference', 'Continue')
    $output = [System.Collections.Generic.List[object]]::new()
    $terminating = $null
    try { & $Script 4>&1 2>&1 | ForEach-Object { $output.Add($_) } }
    catch { $terminating = $_ }
    finally { foreach ($name in $saved.Keys) { $variables.Set($name, $saved[$name]) } }
    [pscustomobject]@{
        Output      = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] })
        Errors      = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Verbose     = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        Attempts    = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' attempt \d+/\d+: ' } | ForEach-Object Message)
        Terminating = $terminating
    }
}

# How many failed calls are behind these errors: one RegisterMedia call of ten files fails ten files with one RequestId.
function Measure-FailedCall($Errors) {
    @($Errors | Group-Object { $x = $_.Exception; "$($x.Operation)|$($x.RequestId)|" + $(if ($x.Operation -eq 'RegisterMedia') { '' } else { $_.TargetObject }) }).Count
}

# Per key under $Prefix: how many videos the emulator holds, and per such video how many transcode tasks.
function Measure-Inventory($Stats, [string] $Prefix) {
    $videos = @($Stats.videos | Where-Object { $_.key.StartsWith($Prefix) })
    $ids = [System.Collections.Generic.HashSet[string]]::new([string[]]@($videos.videoId))
    $tasks = @($Stats.transcodeTasks | Where-Object { $ids.Contains($_.videoId) })
    [pscustomobject]@{
        Videos          = $videos.Count
        DuplicateKeys   = @($videos | Group-Object key | Where-Object Count -gt 1).Count
        Tasks           = $tasks.Count
        ExtraTasks      = @($tasks | Group-Object videoId | Where-Object Count -gt 1).Count
        VideosWithTasks = @($tasks.videoId | Sort-Object -Unique).Count
        VideoIds        = $ids
    }
}

# Runs $Sql on a migration journal and returns its rows (each an array of values), with the SQLite provider the module
# ships: private to the module (its own AssemblyLoadContext on PowerShell 7, not resolvable by name from a script), so it
# is taken from there, once the module has loaded it (its first Get-VodMigration).
function Invoke-TestJournalSql([string] $Path, [string] $Sql) {
    if (-not $script:journalSqlite) {
        Get-VodMigration -JournalPath $Path -ErrorAction Stop | Out-Null
        $moduleContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-VodMigration).ImplementingType.Assembly)
        $script:journalSqlite = $moduleContext.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
    }
    $connection = $script:journalSqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection', $true)::new("Data Source=$Path;Pooling=False")
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $reader = $command.ExecuteReader()
        while ($reader.Read()) { , @(0..($reader.FieldCount - 1) | ForEach-Object { $reader.GetValue($_) }) }
        $reader.Dispose()
    }
    finally { $connection.Dispose() }
}

Export-ModuleMember -Function Add-TestOssObject, Get-EmulatorStats, Invoke-Captured, Invoke-TestJournalSql, Measure-FailedCall, Measure-Inventory
