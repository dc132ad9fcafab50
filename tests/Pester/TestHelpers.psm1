# Shared by every Pester suite: import the built module and run a fresh in-memory emulator on a random port.

function Import-VodToolsUnderTest {
    $module = if ($env:VODTOOLS_MODULE) { $env:VODTOOLS_MODULE } else { Join-Path $PSScriptRoot '../../out/VodTools/VodTools.psd1' }
    Import-Module $module -Force -Global -ErrorAction Stop
}

# -Strict plays the cloud's refusals (RAM policies, VOD storage, the transcoding role, region endpoints); the suites that
# are not about them start it -Lenient rather than set the account up before every test.
function Start-TestEmulator {
    param([switch] $SeedSample, [string] $Quota = 'off', [string] $Faults, [double] $TranscodeSeconds = 1, [switch] $Strict)
    $arguments = @{ InMemory = $true; SeedSample = $SeedSample; Quota = $Quota; TranscodeSeconds = $TranscodeSeconds; Lenient = -not $Strict }
    if ($Faults) { $arguments.Faults = $Faults }
    Start-VodEmulator @arguments
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

Export-ModuleMember -Function Import-VodToolsUnderTest, Start-TestEmulator, Wait-Until, Start-TestWebServer, Stop-TestWebServer
