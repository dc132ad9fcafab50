// The C# half of bench/ (issue 7). Subcommands:
//   seed  --data-dir DIR --bucket NAME --count N [--prefix P] [--media M]   writes N object rows (M of them registered with VOD)
//                                                               straight into an emulator's SQLite (emulator stopped)
//   load  --url URL [--requests N] [--seconds S] [--concurrency C]  signed RPC requests/s the emulator serves (bounded by N and S)
//   micro [BenchmarkDotNet arguments]                             signing, request build and XML page parsing
using BenchmarkDotNet.Running;
using VodTools.Bench;

var command = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1));
switch (command)
{
    case "seed":
        Seeder.Run(options.Required("data-dir"), options.Required("bucket"), int.Parse(options.Required("count")), options.Get("prefix") ?? "media/",
            int.Parse(options.Get("media") ?? "0"));
        return 0;
    case "load":
        return await LoadGenerator.RunAsync(new Uri(options.Required("url")), int.Parse(options.Get("requests") ?? "50000"),
            double.Parse(options.Get("seconds") ?? "20", System.Globalization.CultureInfo.InvariantCulture), int.Parse(options.Get("concurrency") ?? "32"));
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: VodTools.Bench seed|load|micro [options] (see Program.cs)");
        return 2;
}

namespace VodTools.Bench
{
    internal sealed class Options
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            string? name = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
                else if (name != null) { options._values[name] = arg; name = null; }
            }
            return options;
        }

        public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;
        public string Required(string name) => Get(name) ?? throw new ArgumentException("missing --" + name);
    }
}
