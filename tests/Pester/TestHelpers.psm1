# Shared by every Pester suite: import the built module and run a fresh in-memory emulator on a random port.

function Import-VodToolsUnderTest {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    Import-Module $module -Force -Global -ErrorAction Stop
}

# -Strict plays the cloud's refusals (RAM policies, VOD storage, the transcoding role, region endpoints); the suites that
# are not about them start it -Lenient rather than set the account up before every test. -DataPath keeps the state in a
# folder (to restart on it) instead of in memory. -FaultSeed: see Get-TestFaultSeed.
function Start-TestEmulator {
    param([switch] $SeedSample, [string] $Quota = 'off', [string] $Faults, [int] $FaultSeed, [double] $TranscodeSeconds = 1, [switch] $Strict,
        [string] $DataPath, [int] $SearchResultLimit)
    $arguments = @{ SeedSample = $SeedSample; Quota = $Quota; TranscodeSeconds = $TranscodeSeconds; Lenient = -not $Strict }
    if ($DataPath) { $arguments.DataPath = $DataPath } else { $arguments.InMemory = $true }
    if ($Faults) { $arguments.Faults = $Faults }
    if ($PSBoundParameters.ContainsKey('FaultSeed')) { $arguments.FaultSeed = $FaultSeed }
    if ($SearchResultLimit) { $arguments.SearchResultLimit = $SearchResultLimit }
    Start-VodEmulator @arguments
}

# The seed of an emulator's random fault draws (500s, lost answers, dropped connections... at a probability below 1):
# VODTOOLS_FAULT_SEED when set, to replay a run that failed, else a new one. A suite draws it before discovery and names
# it in its Describe block ("fault seed N"), so that every failure message carries it; build.ps1 test sets it once per run.
function Get-TestFaultSeed {
    if ($env:VODTOOLS_FAULT_SEED) { [int]$env:VODTOOLS_FAULT_SEED } else { Get-Random -Minimum 0 -Maximum ([int]::MaxValue) }
}

# Bounded wait: polls $Condition every 50 ms for at most $Seconds; returns whether it became true.
function Wait-Until([scriptblock] $Condition, [int] $Seconds = 60) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 50
    }
    $false
}

# A tiny web server on a random loopback port, in a thread of this process: GET serves $Files (path → bytes, else 404),
# POST is answered 200 and kept in .Received (URL, body, the X-VOD-* headers). Stop it with Stop-TestWebServer.
function Start-TestWebServer([hashtable] $Files = @{}) {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $received = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
    $job = Start-ThreadJob -ArgumentList $listener, $Files, $received -ScriptBlock {
        param($listener, $files, $received)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $request = $context.Request
            if ($request.HttpMethod -eq 'POST') {
                $body = [System.IO.StreamReader]::new($request.InputStream).ReadToEnd()
                $received.Enqueue([pscustomobject]@{ Url = $request.Url.ToString(); Body = $body
                    Timestamp = $request.Headers['X-VOD-TIMESTAMP']; Signature = $request.Headers['X-VOD-SIGNATURE'] })
            } elseif ($files.ContainsKey($request.Url.AbsolutePath)) {
                $bytes = [byte[]]$files[$request.Url.AbsolutePath]
                $context.Response.ContentLength64 = $bytes.Length
                $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            } else {
                $context.Response.StatusCode = 404
            }
            $context.Response.Close()
        }
    }
    [pscustomobject]@{ BaseUrl = "http://127.0.0.1:$port"; Listener = $listener; Job = $job; Received = $received }
}

function Stop-TestWebServer($Server) {
    $Server.Listener.Stop()
    $Server.Listener.Close()
    $null = $Server.Job | Wait-Job -Timeout 5
    $Server.Job | Remove-Job -Force
}

# Runs $Script in a new `pwsh -NonInteractive` (as a scheduled task or a runbook runs, where no one can answer a question)
# that has imported the module under test and points at $Emulator with the emulator's account key. Returns the child's
# output, all streams as text, and its exit code.
function Invoke-NonInteractive([string] $Script, $Emulator) {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    $child = "Import-Module '$module'; Set-VodContext -Endpoint '$($Emulator.Url)' -AccessKeyId VODEMULATORKEYID -AccessKeySecret VodEmulatorSecretKey -Region cn-shanghai | Out-Null`n$Script"
    $pwsh = (Get-Process -Id $PID).Path
    $arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' }) + @('-NoProfile', '-NonInteractive', '-Command', $child)
    $output = & $pwsh @arguments *>&1 | Out-String
    [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE }
}

Export-ModuleMember -Function Import-VodToolsUnderTest, Start-TestEmulator, Get-TestFaultSeed, Wait-Until, Start-TestWebServer, Stop-TestWebServer, Invoke-NonInteractive
