using VodTools.Emulator.Hosting;
using VodTools.Shared;

namespace VodTools.Emulator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(EmulatorOptions.Usage);
            return 0;
        }
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or IOException or System.Text.Json.JsonException)
        {
            return BadCommandLine(e.Message);
        }
        if (options.OwnSession && !ParentProcess.LeaveTerminalSession())
            Console.Error.WriteLine("emulator: --own-session: it leads a process group already, so it stays in the terminal's session");

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options);
        }
        catch (ArgumentException e) // what only the running services can check, e.g. the RPC action a fault rule names
        {
            return BadCommandLine(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"emulator: cannot start on port {options.Port}" + (options.InMemory ? "" : $" with state in {options.DataDir}") + ": " + e.Message);
            return 1;
        }
        await using var running = host;
        Console.WriteLine($"VodTools emulator listening on {host.BaseUrl}");
        foreach (var (service, url) in host.ServiceUrls) Console.WriteLine($"{service.ToUpperInvariant()} alone on {url}");
        // The well-known default pair is public (like Azurite's); a configured secret is never printed.
        Console.WriteLine(options.UsesDefaultKey
            ? $"Account {options.AccountId}, default key: AccessKeyId {EmulatorDefaults.AccessKeyId}, AccessKeySecret {EmulatorDefaults.AccessKeySecret}"
            : $"Account {options.AccountId}, AccessKeyId {options.AccessKeyId} (configured secret not shown)");
        Console.WriteLine(options.InMemory ? "State: in memory (discarded on exit)" : $"State: {options.DataDir}");
        Console.WriteLine($"Fault seed: {host.FaultSeed} (--fault-seed {host.FaultSeed} draws the same faults again)");
        if (options.ParentPid is int parent)
        {
            Console.WriteLine($"Ends when process {parent} ends");
            _ = ParentProcess.WhenEndedAsync(parent).ContinueWith(_ =>
            {
                Console.WriteLine($"Process {parent} has ended: stopping");
                host.Stop();
            }, TaskScheduler.Default);
        }
        await host.WaitForShutdownAsync(); // Ctrl+C, SIGTERM and POST /_emulator/shutdown stop the host cleanly
        Console.WriteLine("VodTools emulator stopped");
        return 0;
    }

    private static int BadCommandLine(string message)
    {
        Console.Error.WriteLine("emulator: " + message);
        Console.Error.WriteLine("(--help lists the options)");
        return 2;
    }
}
