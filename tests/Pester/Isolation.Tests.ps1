# VodTools among other modules. Another module's Microsoft.Data.Sqlite (a lower version, 8.0, and a higher one, 11.0,
# each with its own SQLitePCLRaw and native SQLite) and System.Threading.RateLimiting (11.0) are restored from NuGet
# into a folder, as that module would ship them, and loaded into PowerShell's shared context of a new pwsh before
# VodTools is imported, or after VodTools has used its own. Either way VodTools' migration journal
# (Invoke-VodMigration, Get-VodMigration) and a throttled pipeline run on the emulator, and the other module's SQLite
# and rate limiter still work, each side with its own versions.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ReliabilityHelpers.psm1') -Force
    Import-VodToolsUnderTest
    $script:module = (Get-Module VodTools).Path

    # The other module's folder: the runtime assemblies and the native SQLite of the restored packages, side by side.
    function New-OtherModule([string] $SqliteVersion, [string] $RateLimitingVersion) {
        $folder = Join-Path $TestDrive "other-$SqliteVersion"
        $obj = Join-Path $TestDrive "obj-$SqliteVersion/"
        $framework = "net$([Environment]::Version.Major).0"
        & dotnet restore (Join-Path $PSScriptRoot 'Isolation/OtherModule.csproj') -nologo -v q "-p:OtherTargetFramework=$framework" `
            "-p:SqliteVersion=$SqliteVersion" "-p:RateLimitingVersion=$RateLimitingVersion" "-p:MSBuildProjectExtensionsPath=$obj" | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "restoring Microsoft.Data.Sqlite $SqliteVersion failed" }
        $assets = Get-Content -Raw (Join-Path $obj 'project.assets.json') | ConvertFrom-Json -AsHashtable
        $packages = @($assets.packageFolders.Keys)[0]
        $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
        New-Item -ItemType Directory $folder | Out-Null
        foreach ($package in $assets.targets[$framework].GetEnumerator()) {
            $root = Join-Path $packages $package.Key.ToLowerInvariant()
            $files = @($package.Value.runtime.Keys) + @($package.Value.runtimeTargets.Keys | Where-Object { $_ -like "runtimes/$rid/native/*" })
            $files | Where-Object { $_ -notlike '*/_._' } | ForEach-Object { Copy-Item (Join-Path $root $_) $folder }
        }
        $folder
    }

    $script:lower = New-OtherModule -SqliteVersion '8.0.34' -RateLimitingVersion '11.0.0'
    $script:higher = New-OtherModule -SqliteVersion '11.0.0' -RateLimitingVersion '11.0.0'
    $script:emulator = Start-TestEmulator -SeedSample -Quota real

    # One case in a new pwsh: the other module and VodTools in the given order; what each side ran and which assemblies
    # (version, load context) it ran with, as JSON on the last line.
    function Invoke-Case([string] $Other, [string] $Order, [string] $Prefix) {
        Add-TestOssObject -Prefix $Prefix -Count 4
        $journal = Join-Path $TestDrive "$Prefix.journal".Replace('/', '')
        $child = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
function Use-OtherModule {
    Get-ChildItem '$Other' -Filter *.dll | ForEach-Object { `$null = [System.Reflection.Assembly]::LoadFrom(`$_.FullName) }
    `$connection = [Microsoft.Data.Sqlite.SqliteConnection]::new('Data Source=:memory:')
    `$connection.Open()
    `$command = `$connection.CreateCommand(); `$command.CommandText = 'SELECT sqlite_version()'
    `$sqlite = `$command.ExecuteScalar(); `$connection.Dispose()
    `$limiter = [System.Threading.RateLimiting.ConcurrencyLimiter]::new([System.Threading.RateLimiting.ConcurrencyLimiterOptions]@{ PermitLimit = 1; QueueLimit = 0 })
    `$lease = `$limiter.AttemptAcquire(1)
    [pscustomobject]@{ Sqlite = `$sqlite; Permit = `$lease.IsAcquired; SqliteAssembly = [Microsoft.Data.Sqlite.SqliteConnection].Assembly; LimiterAssembly = [System.Threading.RateLimiting.RateLimiter].Assembly }
}
function Use-VodTools {
    Import-Module '$module'
    Set-VodContext -Endpoint '$($emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
    # The bucket access is not set up here: the pre-flight would stop the run before the journal is used.
    `$null = Invoke-VodMigration -Bucket media-archive -Prefix '$Prefix' -JournalPath '$journal' -SkipPreflight
    `$state = Get-VodMigration -JournalPath '$journal'
    `$registered = @(Get-OssObject -Bucket media-archive -Prefix '$Prefix' | Register-VodMedia)
    `$own = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-VodMigration).ImplementingType.Assembly).Assemblies
    [pscustomobject]@{ Total = `$state.Total; Done = `$state.Done; Registered = `$registered.Count
        SqliteAssembly = `$own | Where-Object { `$_.GetName().Name -eq 'Microsoft.Data.Sqlite' }
        LimiterAssembly = `$own | Where-Object { `$_.GetName().Name -eq 'System.Threading.RateLimiting' } }
}
function Describe-Assembly(`$assembly) {
    `$context = if (`$assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly) }
    if (`$assembly) { @{ Version = `$assembly.GetName().Version.ToString(); Context = if (`$context.Name) { `$context.Name } else { `$context.GetType().Name } } }
}
if ('$Order' -eq 'OtherFirst') { `$other = Use-OtherModule; `$vod = Use-VodTools }
else { `$vod = Use-VodTools; `$other = Use-OtherModule }
@{
    Other = @{ Sqlite = `$other.Sqlite; Permit = `$other.Permit; SqliteAssembly = Describe-Assembly `$other.SqliteAssembly; LimiterAssembly = Describe-Assembly `$other.LimiterAssembly }
    VodTools = @{ Total = `$vod.Total; Done = `$vod.Done; Registered = `$vod.Registered; SqliteAssembly = Describe-Assembly `$vod.SqliteAssembly; LimiterAssembly = Describe-Assembly `$vod.LimiterAssembly }
} | ConvertTo-Json -Compress -Depth 4
"@
        $pwsh = (Get-Process -Id $PID).Path
        $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-Command', $child)
        $output = & $pwsh @arguments 2>&1
        $result = try { $output | Select-Object -Last 1 | ConvertFrom-Json } catch { $null }
        if (-not $result) { throw "the case printed no result:`n$($output -join "`n")" }
        $result
    }

    # What both sides must show, whatever the order: each ran with its own versions, VodTools' in its private context.
    function Assert-BothWork($Result, [string] $OtherSqliteVersion) {
        $Result.VodTools.Total | Should -Be 4
        $Result.VodTools.Done | Should -Be 4
        $Result.VodTools.Registered | Should -Be 4
        $Result.VodTools.SqliteAssembly.Version | Should -Be '10.0.0.0'
        $Result.VodTools.LimiterAssembly.Version | Should -Be '8.0.0.0'
        $Result.VodTools.SqliteAssembly.Context | Should -Be 'PrivateLoadContext'
        $Result.VodTools.LimiterAssembly.Context | Should -Be 'PrivateLoadContext'
        $Result.Other.Sqlite | Should -Match '^3\.\d+'
        $Result.Other.Permit | Should -BeTrue
        $Result.Other.SqliteAssembly.Version | Should -Be $OtherSqliteVersion -Because 'the other module keeps the version it loaded'
        $Result.Other.SqliteAssembly.Context | Should -Be 'Default'
        $Result.Other.LimiterAssembly.Version | Should -Be '11.0.0.0'
        $Result.Other.LimiterAssembly.Context | Should -Be 'Default'
    }
}

AfterAll {
    if ($script:emulator) { Stop-VodEmulator -ProcessId $emulator.ProcessId }
}

Describe 'Another module''s versions of VodTools'' dependencies in the same session' {
    It 'a lower Microsoft.Data.Sqlite and a higher System.Threading.RateLimiting loaded first leave VodTools working' {
        Assert-BothWork (Invoke-Case -Other $lower -Order OtherFirst -Prefix 'iso-lower-first/') -OtherSqliteVersion '8.0.34.0'
    }

    It 'a higher Microsoft.Data.Sqlite loaded first leaves VodTools working' {
        Assert-BothWork (Invoke-Case -Other $higher -Order OtherFirst -Prefix 'iso-higher-first/') -OtherSqliteVersion '11.0.0.0'
    }

    It 'VodTools first: the other module''s lower and higher versions still load and work afterwards' {
        Assert-BothWork (Invoke-Case -Other $lower -Order VodToolsFirst -Prefix 'iso-lower-after/') -OtherSqliteVersion '8.0.34.0'
        Assert-BothWork (Invoke-Case -Other $higher -Order VodToolsFirst -Prefix 'iso-higher-after/') -OtherSqliteVersion '11.0.0.0'
    }
}
