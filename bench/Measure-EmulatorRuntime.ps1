<#
.SYNOPSIS
    Issue 17 item 6: how the emulator could ship. Publishes it framework-dependent (what the module ships today: needs the
    ASP.NET Core runtime), self-contained for this platform, and self-contained trimmed, then measures each one's size
    (on disk and zipped, as a package would carry it) and its start-up: from process start to the first answer of
    /_emulator/health, the median of -Runs starts, with --in-memory --seed-sample. Also checks that each build serves
    a seeded bucket's listing and a RegisterMedia through the module (what a trimmed build would break first).
.EXAMPLE
    ./bench/Measure-EmulatorRuntime.ps1 -ModulePath ./out/VodTools/VodTools.psd1 -Runs 7
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Runs = 7,
    [string] $Runtime = 'linux-x64'
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $ModulePath -Force
$root = Join-Path $PSScriptRoot '..'
$out = Join-Path ([IO.Path]::GetTempPath()) ('vodtools-runtime-bench-' + [guid]::NewGuid().ToString('N'))
$project = Join-Path $root 'src/VodTools.Emulator'
$variants = [ordered]@{
    'framework-dependent (today)' = @()
    'self-contained' = @('-r', $Runtime, '--self-contained')
    # the trim analysis warns (reflection-based System.Text.Json in the store and the API answers): warnings kept as
    # warnings; a trimmed app also turns reflection-based JSON off, so the second one turns it back on
    'self-contained, trimmed' = @('-r', $Runtime, '--self-contained', '-p:PublishTrimmed=true', '-p:TreatWarningsAsErrors=false')
    'self-contained, trimmed, reflection JSON on' = @('-r', $Runtime, '--self-contained', '-p:PublishTrimmed=true', '-p:TreatWarningsAsErrors=false', '-p:JsonSerializerIsReflectionEnabledByDefault=true')
}
$dotnet = $env:DOTNET_HOST_PATH ?? 'dotnet'
Write-Host "bench: $(Get-Date -AsUTC -Format 'yyyy-MM-dd HH:mm') UTC, $([Environment]::ProcessorCount) cores, load average $(Get-LoadAverage)"

function Measure-Start([string[]] $Command) {
    $urlFile = Join-Path $out ([guid]::NewGuid().ToString('N') + '.url')
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $arguments = @($Command | Select-Object -Skip 1) + @('--port', '0', '--in-memory', '--seed-sample', '--url-file', $urlFile)
    $process = Start-Process $Command[0] -ArgumentList $arguments -PassThru -RedirectStandardOutput (Join-Path $out 'out.log') -RedirectStandardError (Join-Path $out 'err.log')
    while (-not (Test-Path $urlFile)) { if ($process.HasExited) { throw "exited: $(Get-Content (Join-Path $out 'err.log') -Raw)" }; Start-Sleep -Milliseconds 5 }
    $url = Get-Content $urlFile -Raw
    while ($true) { try { if ((Invoke-RestMethod "$url/_emulator/health").status -eq 'ok') { break } } catch { Start-Sleep -Milliseconds 5 } }
    [pscustomobject]@{ Ms = $watch.Elapsed.TotalMilliseconds; Url = $url; Process = $process }
}

New-Item -ItemType Directory $out | Out-Null
try {
    $rows = foreach ($name in $variants.Keys) {
        $folder = Join-Path $out ($name -replace '\W+', '-')
        & $dotnet publish $project -c Release -o $folder -nologo -v quiet @($variants[$name]) | Out-Null
        if ($LASTEXITCODE) { throw "publish $name failed" }
        $bytes = (Get-ChildItem $folder -Recurse -File | Measure-Object Length -Sum).Sum
        $zip = "$folder.zip"
        [IO.Compression.ZipFile]::CreateFromDirectory($folder, $zip, [IO.Compression.CompressionLevel]::Optimal, $false)
        $command = if ($name -like 'framework*') { @($dotnet, (Join-Path $folder 'VodTools.Emulator.dll')) } else { @(Join-Path $folder 'VodTools.Emulator') }
        $works = $false
        $start = try {
            $times = foreach ($run in 1..$Runs) {
                $started = Measure-Start $command
                if ($run -eq 1) {
                    # does it work: list the seeded bucket and register files through the module
                    Set-VodContext -Endpoint $started.Url -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai
                    $works = try { @(Get-OssObject -Bucket media-archive -Include *.mp4 | Select-Object -First 2 | Register-VodMedia -MaxAttempts 1 -ErrorAction Stop).Count -eq 2 } catch { $false }
                    Set-VodContext -Reset
                }
                $started.Process.Kill(); $started.Process.WaitForExit()
                $started.Ms
            }
            [Math]::Round(($times | Sort-Object)[[int][Math]::Floor($times.Count / 2)])
        }
        catch { 'does not start: ' + ([regex]::Match($_.Exception.Message, '[\w.]+Exception: [^.]*')).Value }
        [pscustomobject]@{
            Build = $name
            'Size MB' = [Math]::Round($bytes / 1MB, 1)
            'Zipped MB' = [Math]::Round((Get-Item $zip).Length / 1MB, 1)
            'Start ms (median)' = $start
            'Serves the pipeline' = $works
        }
    }
    $rows | Format-List | Out-String -Width 200 | Write-Host
}
finally {
    Remove-Item -Recurse -Force $out -ErrorAction Ignore
}
