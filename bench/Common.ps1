# Shared by the scenario scripts of bench/: the C# bench tool (seeder, load generator, micro-benchmarks) and machine facts.

function Get-BenchTool {
    # Builds bench/VodTools.Bench once per session (Release) and returns its DLL.
    $project = Join-Path $PSScriptRoot 'VodTools.Bench'
    $dll = Join-Path $project 'bin/Release/net10.0/VodTools.Bench.dll'
    if (-not $script:BenchToolBuilt) {
        & dotnet build $project -c Release -nologo -v quiet '-clp:ErrorsOnly' | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "building $project failed" }
        $script:BenchToolBuilt = $true
    }
    $dll
}

function Invoke-BenchTool {
    $dll = Get-BenchTool
    & dotnet $dll @args
    if ($LASTEXITCODE -ne 0) { throw "VodTools.Bench $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function New-BenchDataDir([string] $Name) {
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) "vodtools-bench-$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    New-Item -ItemType Directory -Path $dir | Out-Null
    $dir
}

function New-BenchRandomFile([string] $Path, [int] $SizeMB, [int] $Seed) {
    # $SizeMB of random bytes, the same for the same seed: media that no file system or link can compress.
    $buffer = [byte[]]::new(1MB)
    $random = [Random]::new($Seed)
    $stream = [IO.File]::Create($Path)
    try { for ($i = 0; $i -lt $SizeMB; $i++) { $random.NextBytes($buffer); $stream.Write($buffer, 0, $buffer.Length) } }
    finally { $stream.Dispose() }
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ' } else { 'n/a' }
}
