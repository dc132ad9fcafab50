using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System;
using VodTools.Api.Http;
using VodTools.Shared;

namespace VodTools.Services.EmulatorControl
{
    /// <summary>The emulator as a child process of this PowerShell: found, started (its output to a log file in the temp
    /// folder) and waited for until it answers its health probe; stopped cleanly through its shutdown endpoint, its log
    /// then removed (kept when it failed).</summary>
    internal sealed class EmulatorProcess
    {
        private const string DllName = "VodTools.Emulator.dll";

        private readonly TextWriter _log;

        private EmulatorProcess(Process process, string dll, EmulatorSettings settings, Uri url, string logPath, TextWriter log)
        {
            Process = process;
            Dll = dll;
            Settings = settings;
            Url = url;
            LogPath = logPath;
            _log = log;
        }

        public Process Process { get; }
        /// <summary>The VodTools.Emulator.dll it runs.</summary>
        public string Dll { get; }
        /// <summary>What it was started with.</summary>
        public EmulatorSettings Settings { get; }
        /// <summary>The emulator's base URL, e.g. http://127.0.0.1:9081/.</summary>
        public Uri Url { get; }
        /// <summary>Where the emulator's stdout and stderr go.</summary>
        public string LogPath { get; }

        /// <summary>False once it has exited (stopped, killed, or ended with its parent).</summary>
        public bool IsRunning => !Process.HasExited;

        /// <summary>True when starting <paramref name="dll"/> with <paramref name="settings"/> would give an emulator that
        /// behaves as this one does: the same dll and options, on the port asked for (0 asks for any port).</summary>
        public bool Matches(string dll, EmulatorSettings settings) =>
            string.Equals(dll, Dll, StringComparison.Ordinal) && (settings.Port == 0 || settings.Port == Url.Port)
            && settings.Options().SequenceEqual(Settings.Options());

        /// <summary>The emulator's dll: <paramref name="path"/> (the dll or its folder), else the copy shipped in
        /// <paramref name="moduleFolder"/>/emulator.</summary>
        public static string FindDll(string? path, string moduleFolder)
        {
            var candidate = path ?? Path.Combine(moduleFolder, "emulator", DllName);
            if (Directory.Exists(candidate)) candidate = Path.Combine(candidate, DllName);
            if (!File.Exists(candidate))
                throw new EmulatorStartException(EmulatorStartException.NotFound, $"The emulator is not at {candidate}. Give -Path, or build the module with build.ps1.", candidate);
            return candidate;
        }

        /// <summary>Starts the emulator with the dotnet <paramref name="host"/> (<see cref="EmulatorRuntime.HostFor"/>) and returns
        /// once it answers; gives up (and kills it) after <paramref name="timeout"/> or as soon as <paramref name="cancelled"/>
        /// says so (Ctrl+C).</summary>
        public static EmulatorProcess Start(string host, string dll, EmulatorSettings settings, TimeSpan timeout, Func<bool> cancelled)
        {
            var urlFile = Path.Combine(Path.GetTempPath(), "vodtools-emulator-" + Guid.NewGuid().ToString("N") + ".url");
            var logPath = Path.ChangeExtension(urlFile, ".log");
            var arguments = settings.Arguments();
            arguments.InsertRange(0, new[] { dll, EmulatorDefaults.Flags.UrlFile, urlFile });
            var process = StartProcess(host, arguments, logPath, out var log);
            try
            {
                var url = WaitUntilAnswering(process, urlFile, logPath, timeout, cancelled);
                return new EmulatorProcess(process, dll, settings, new Uri(url.TrimEnd('/') + "/"), logPath, log);
            }
            catch (EmulatorStartException)
            {
                CloseLog(process, log);  // the log is kept: the error names it
                throw;
            }
            finally
            {
                File.Delete(urlFile);  // read once it answers; of no use when it did not
            }
        }

        /// <summary>
        /// Stops this emulator: asks it to shut down (it then removes an in-memory run's temp folder), else, or when it does
        /// not stop, kills it. When it stopped cleanly (it was running, shut down when asked and ended with exit code 0) its
        /// log is removed; otherwise the log is kept, and what went wrong is returned, naming it. Null after a clean stop.
        /// </summary>
        public string? StopAndTidy()
        {
            string? failure;
            if (Process.HasExited) failure = Process.ExitCode == 0 ? null : $"had already exited with code {Process.ExitCode}";
            else if (RequestShutdown(Url) && Process.WaitForExit(10000)) failure = Process.ExitCode == 0 ? null : $"exited with code {Process.ExitCode} when asked to shut down";
            else
            {
                try { Process.Kill(); } catch (InvalidOperationException) { }
                failure = "did not shut down when asked, and was stopped by force";
            }
            if (CloseLog(Process, _log) && failure == null)
            {
                try { File.Delete(LogPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                return null;
            }
            return $"The emulator at {Url} (process {Process.Id}) {failure ?? "did not stop"}; its output is kept in {LogPath}.";
        }

        /// <summary>Closes <paramref name="log"/> once <paramref name="process"/> has exited and its output has been read to
        /// the end (a bounded wait can return before that); false, the log left open, if it does not exit.</summary>
        private static bool CloseLog(Process process, TextWriter log)
        {
            if (!process.WaitForExit(10000)) return false;
            process.WaitForExit();
            log.Dispose();
            return true;
        }

        /// <summary>Stops an emulator this session did not start (its endpoint, and so its shutdown request, unknown): kills
        /// it. False if it had already exited.</summary>
        public static bool Kill(int processId)
        {
            Process process;
            try
            {
                process = Process.GetProcessById(processId);
            }
            catch (ArgumentException)
            {
                return false;
            }
            using (process)
            {
                process.Kill();
                process.WaitForExit(10000);
            }
            return true;
        }

        private static bool RequestShutdown(Uri endpoint)
        {
            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = HttpTransport.Shared.HttpClient
                    .PostAsync(new Uri(endpoint, EmulatorDefaults.ShutdownPath), null, cancel.Token).GetAwaiter().GetResult();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Starts dotnet with the emulator's output going to <paramref name="logPath"/> (through <paramref name="log"/>). Without a window, on
        /// Windows the emulator gets a console of its own, so the Ctrl+C of the user's console does not reach it (on Unix
        /// it leaves the terminal's session itself: --own-session).</summary>
        private static Process StartProcess(string host, List<string> arguments, string logPath, out TextWriter log)
        {
            var start = new ProcessStartInfo(host)
            {
                Arguments = string.Join(" ", arguments.ConvertAll(Quote)),
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
                var writer = log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
                process.OutputDataReceived += (_, e) => { if (e.Data != null) writer.WriteLine(e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) writer.WriteLine(e.Data); };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                return process;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new EmulatorStartException(EmulatorStartException.RuntimeMissing, "The emulator needs the .NET 10 runtime ('dotnet' on PATH): " + e.Message, start.FileName, e);
            }
        }

        private static string Quote(string argument) => argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

        private static string WaitUntilAnswering(Process process, string urlFile, string logPath, TimeSpan timeout, Func<bool> cancelled)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                    throw new EmulatorStartException(EmulatorStartException.Exited, $"The emulator exited with code {process.ExitCode}. Its output is in {logPath}:{Environment.NewLine}{ReadLog(logPath)}");
                if (File.Exists(urlFile))
                {
                    var url = File.ReadAllText(urlFile).Trim();
                    if (url.Length > 0 && IsHealthy(url)) return url;
                }
                if (cancelled()) break;
                Thread.Sleep(100);
            }
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new EmulatorStartException(EmulatorStartException.StartTimeout, $"The emulator did not answer within {timeout.TotalSeconds:0} s. Its output is in {logPath}.");
        }

        private static bool IsHealthy(string url)
        {
            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = HttpTransport.Shared.HttpClient.GetAsync(url.TrimEnd('/') + EmulatorDefaults.HealthPath, cancel.Token).GetAwaiter().GetResult();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                return false;
            }
        }

        private static string ReadLog(string logPath)
        {
            try { return File.ReadAllText(logPath); } catch (IOException) { return string.Empty; }
        }
    }
}
