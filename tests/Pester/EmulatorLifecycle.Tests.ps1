# The emulator's life as a new user meets it: one per session, out of reach of the terminal's Ctrl+C, ended with the
# session that started it, and always clear about which cloud the session talks to.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-VodToolsUnderTest

    # A child PowerShell that imports the module under test and runs $Script; what it writes to stdout is returned
    # by Receive-Child. The pwsh that runs these tests may be the dotnet tool (dotnet pwsh.dll) or pwsh itself.
    function Start-Child([string] $Script, [switch] $OwnProcessGroup, [hashtable] $Environment = @{}) {
        $command = @([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension($command[0]) -eq 'dotnet') { $command += Join-Path $PSHOME 'pwsh.dll' }
        $helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'
        $command += '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$helpers'; Import-VodToolsUnderTest; $Script"
        # setsid puts the child in a process group (and session) of its own, as a terminal does for its shell
        if ($OwnProcessGroup) { $command = @((Get-Command setsid -CommandType Application)[0].Source) + $command }
        $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($argument in $command[1..($command.Count - 1)]) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.UseShellExecute = $false
        foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
        [System.Diagnostics.Process]::Start($start)
    }

    # The first line the child writes: "<url> <process id>" of the emulator it started.
    function Read-Emulator($Child) {
        $url, $id = $Child.StandardOutput.ReadLine() -split ' '
        [pscustomobject]@{ Url = $url; ProcessId = [int]$id }
    }

    function Test-Answering([string] $Url) {
        try { (Invoke-RestMethod "$Url/_emulator/health" -TimeoutSec 5).status -eq 'ok' } catch { $false }
    }

    # Running: in the process table and not a zombie waiting to be reaped.
    function Test-Running([int] $Id) {
        $process = Get-Process -Id $Id -ErrorAction Ignore
        if (-not $process) { return $false }
        $stat = "/proc/$Id/stat"
        if (Test-Path $stat) { return (Get-Content $stat -Raw).Split(')')[-1].Trim()[0] -ne 'Z' }
        -not $process.HasExited
    }

    # What a child runs: start an emulator, say where it is, and stay.
    function Get-EmulatorScript([string] $Options) {
        "`$e = Start-VodEmulator -InMemory $Options; `"`$(`$e.Url) `$(`$e.ProcessId)`"; while (`$true) { Start-Sleep -Milliseconds 200 }"
    }

    # The child PowerShells start together here (each takes seconds to start); their tests read them later.
    $script:children = @{
        # The child's requests to the cloud go to a proxy that does not exist: the test never reaches Alibaba Cloud.
        Switching = Start-Child -Environment @{ HTTPS_PROXY = 'http://127.0.0.1:9'; HTTP_PROXY = 'http://127.0.0.1:9'; NO_PROXY = '' } @'
Start-VodEmulator -InMemory | Out-Null
Get-OssBucket | Out-Null
Stop-VodEmulator
foreach ($attempt in 1, 2) {
    try { Get-OssBucket -AccessKeyId LTAI5tExample -AccessKeySecret example -MaxAttempts 1 -WarningVariable warned -WarningAction SilentlyContinue | Out-Null } catch { }
    "warnings $attempt : $warned"
}
'@
    }
    if (-not $IsWindows) {
        # A pwsh without a terminal ends on SIGINT (an interactive one only stops its command): -Detach keeps the
        # emulator from ending with it, so that the Ctrl+C test sees the signal alone.
        $children.Interrupted = Start-Child (Get-EmulatorScript '-Detach') -OwnProcessGroup
        $children.Killed = Start-Child (Get-EmulatorScript)
    }
}

AfterAll {
    foreach ($child in $children.Values) { if (-not $child.HasExited) { $child.Kill() } }
}

Describe 'Ctrl+C in the terminal' -Skip:$IsWindows {
    It 'does not stop the emulator: SIGINT to the process group of the PowerShell that started it' {
        $child = $children.Interrupted
        try {
            $emulator = Read-Emulator $child
            Test-Answering $emulator.Url | Should -BeTrue
            & (Get-Command kill -CommandType Application)[0].Source -s INT -- "-$($child.Id)"
            $child.WaitForExit(15000) | Should -BeTrue -Because 'the signal reached the process group'
            Start-Sleep -Seconds 1 # the time an emulator that got the signal takes to shut down
            Test-Answering $emulator.Url | Should -BeTrue -Because 'the emulator runs in a session of its own'
        }
        finally {
            if (-not $child.HasExited) { $child.Kill() }
            if ($emulator) { Stop-VodEmulator -ProcessId $emulator.ProcessId -ErrorAction Ignore }
        }
    }
}

Describe 'The PowerShell that started the emulator is killed' -Skip:$IsWindows {
    It 'ends the emulator within seconds and frees its port' {
        $child = $children.Killed
        try {
            $emulator = Read-Emulator $child
            Test-Answering $emulator.Url | Should -BeTrue
            Stop-Process -Id $child.Id -Force # SIGKILL: nothing of the child runs after it
            Wait-Until { -not (Test-Running $emulator.ProcessId) } 15 | Should -BeTrue -Because 'the emulator watches the process that started it'
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, ([uri]$emulator.Url).Port)
            { $listener.Start() } | Should -Not -Throw -Because 'the port is free again'
            $listener.Stop()
        }
        finally {
            if (-not $child.HasExited) { $child.Kill() }
            if ($emulator -and (Test-Running $emulator.ProcessId)) { Stop-Process -Id $emulator.ProcessId -Force }
        }
    }
}

Describe 'One emulator per session' {
    AfterEach {
        if ((Get-VodContext).EmulatorProcessId) { Stop-VodEmulator }
        Set-VodContext -Reset
    }

    It 'shows the folder where the state is kept, the default one by name' -Skip:(-not $IsLinux) {
        $saved = $env:XDG_DATA_HOME
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'data-home' # where .NET finds LocalApplicationData on Linux
        try {
            $emulator = Start-VodEmulator
            $emulator.DataPath | Should -Be (Join-Path $TestDrive 'data-home/VodTools/emulator')
            Test-Path (Join-Path $emulator.DataPath 'emulator.lock') | Should -BeTrue
            ($emulator | Out-String -Width 200) | Should -Not -Match 'in memory'
        }
        finally { $env:XDG_DATA_HOME = $saved }
    }

    It 'reuses the running emulator when started again the same way, and says so' {
        $first = Start-VodEmulator -InMemory -SeedSample
        $records = Start-VodEmulator -InMemory -SeedSample -Verbose 4>&1
        $again = $records | Where-Object { $_ -is [VodTools.Model.EmulatorInstance] }
        $again.ProcessId | Should -Be $first.ProcessId
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '^Reusing' |
            Should -Match "^Reusing the emulator at $([regex]::Escape($first.Url))/ \(process $($first.ProcessId)\) that this session started with the same options"
    }

    It 'replaces it when started with other options, and warns that its in-memory state is gone' {
        $dataPath = Join-Path $TestDrive 'replaced'
        $first = Start-VodEmulator -InMemory
        $second = Start-VodEmulator -InMemory -TranscodeSeconds 1 -WarningVariable warned 3>$null
        $second.ProcessId | Should -Not -Be $first.ProcessId
        Test-Running $first.ProcessId | Should -BeFalse
        $warned | Should -Match 'in memory is gone'
        $first.LogPath | Should -Not -Exist -Because 'the emulator replaced stopped cleanly'
        # a data folder is not locked by the one replaced
        $third = Start-VodEmulator -DataPath $dataPath -WarningAction SilentlyContinue
        $third.DataPath | Should -Be $dataPath
        (Get-VodContext).EmulatorProcessId | Should -Be $third.ProcessId
        Test-Running $second.ProcessId | Should -BeFalse
    }

    It 'keeps track of the emulator whatever Set-VodContext changes' {
        $emulator = Start-VodEmulator -InMemory
        Set-VodContext -Endpoint 'http://127.0.0.1:9'
        (Get-VodContext).EmulatorProcessId | Should -Be $emulator.ProcessId
        Set-VodContext -Reset
        $context = Get-VodContext
        $context.EmulatorProcessId | Should -Be $emulator.ProcessId
        $context.Target | Should -BeLike 'Alibaba Cloud*'
        Stop-VodEmulator
        Test-Running $emulator.ProcessId | Should -BeFalse
        (Get-VodContext).EmulatorProcessId | Should -BeNullOrEmpty
    }

    It 'stops the session''s emulator cleanly and points the session back where it was' {
        Set-VodContext -Region cn-beijing
        $emulator = Start-VodEmulator -InMemory
        (Get-VodContext).Target | Should -Be "Emulator $($emulator.Url)/"
        $emulator.LogPath | Should -Exist -Because 'its output goes there while it runs'
        Stop-VodEmulator -WarningVariable warned
        Test-Running $emulator.ProcessId | Should -BeFalse
        $warned | Should -BeNullOrEmpty -Because 'a clean stop, not a kill'
        $emulator.LogPath | Should -Not -Exist -Because 'a clean stop removes the log'
        $context = Get-VodContext
        $context.Endpoints.Count | Should -Be 0
        $context.Target | Should -Be 'Alibaba Cloud cn-shanghai' -Because 'the region set with the emulator stays'
        { Stop-VodEmulator -ErrorAction Stop } | Should -Throw -ErrorId 'EmulatorNotRunning,*'
    }
}

Describe 'When the session''s emulator has died' {
    BeforeAll {
        $script:emulator = Start-VodEmulator -InMemory
        Stop-Process -Id $emulator.ProcessId -Force
        Wait-Process -Id $emulator.ProcessId -Timeout 15 -ErrorAction Ignore
    }

    AfterAll {
        Stop-VodEmulator -ErrorAction Ignore
        Set-VodContext -Reset
    }

    It 'says so on the next command, and how to start it again' {
        $failure = { Get-OssBucket } | Should -Throw -ErrorId 'EmulatorNotRunning,*' -PassThru
        $failure.Exception.Message | Should -Match "started at $([regex]::Escape($emulator.Url))/ \(process $($emulator.ProcessId)\) is no longer running"
        $failure.Exception.Message | Should -Match 'Start it again with Start-VodEmulator'
    }

    It 'shows it as not running in Get-VodContext' {
        $context = Get-VodContext
        $context.EmulatorRunning | Should -BeFalse
        $context.Target | Should -Be "Emulator $($emulator.Url)/ (not running)"
        ($context | Out-String -Width 120) | Should -Match "EmulatorProcessId\s*:\s*$($emulator.ProcessId) \(exited\)"
    }

    It 'keeps its log when stopped, and says where it is' {
        Stop-VodEmulator -WarningVariable warned 3>$null
        $warned | Should -Match "had already exited with code \d+; its output is kept in $([regex]::Escape($emulator.LogPath))"
        $emulator.LogPath | Should -Exist
        Remove-Item $emulator.LogPath
    }

    It 'is replaced by the next Start-VodEmulator' {
        $next = Start-VodEmulator -InMemory
        $next.ProcessId | Should -Not -Be $emulator.ProcessId
        { Get-OssBucket } | Should -Not -Throw
    }
}

Describe 'Going from the emulator to Alibaba Cloud' {
    It 'is said once per session, by a warning on the first command that goes to the cloud' {
        $child = $children.Switching
        $output = $child.StandardOutput.ReadToEnd()
        $child.WaitForExit(30000) | Should -BeTrue
        $output | Should -Match 'warnings 1 : This command goes to Alibaba Cloud \(cn-shanghai\), to your real account: this session used the emulator at http://127\.0\.0\.1:\d+/ before\.'
        $output | Should -Match '(?m)^warnings 2 : $'
    }
}

Describe 'Start-VodEmulator -Faults' {
    It 'is checked before anything starts, and refused in words that give the grammar' {
        $before = (Get-VodContext).EmulatorProcessId
        $failure = { Start-VodEmulator -InMemory -Faults '500=0.2' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' -PassThru
        $failure.Exception.Message | Should -Match 'unknown rule "500=0\.2"'
        $failure.Exception.Message | Should -Match 'KIND:P\[:ARG\]\[@TARGET\]'
        $failure.Exception.Message | Should -Not -Match '--port' -Because 'the emulator''s usage text is not shown'
        (Get-VodContext).EmulatorProcessId | Should -Be $before
    }
}

Describe '-Debug in a host that cannot prompt (a runbook)' {
    It 'runs the command instead of failing on a diagnostic line PowerShell wants to ask about' {
        $child = Start-Child '$null = Start-VodEmulator -InMemory -Port 0; $id = Get-VodCallerIdentity -Debug 5>$null; "account $($id.AccountId) errors $($Error.Count)"; Stop-VodEmulator'
        $out = $child.StandardOutput.ReadToEnd()
        $child.WaitForExit(60000) | Should -BeTrue
        $out | Should -Match 'account 1234567890123456 errors 0'
    }
}
