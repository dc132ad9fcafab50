using System.Globalization;
using System.Text.Json;
using VodTools.Emulator.Vod;
using VodTools.Shared;
using Flags = VodTools.Shared.EmulatorDefaults.Flags;

namespace VodTools.Emulator.Hosting;

/// <summary>Everything the command line (or a --config JSON file with the same names) can set.</summary>
public sealed class EmulatorOptions
{
    public const int DefaultPort = 9081;
    public const int MaxLatencyMs = 10000;

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; } = DefaultPort;
    public bool AllowRemote { get; set; }
    /// <summary>Folder for the database and object bodies; ignored with <see cref="InMemory"/>.</summary>
    public string DataDir { get; set; } = EmulatorDefaults.DefaultDataDir();
    public bool InMemory { get; set; }
    public string? UrlFile { get; set; }
    public bool SeedSample { get; set; }
    /// <summary>A folder whose files become objects of <see cref="SeedBucket"/> at start; null = none.</summary>
    public string? SeedDir { get; set; }
    public string? SeedBucket { get; set; }
    /// <summary>Enforce the VOD per-group QPS limits (VOD's API reference, "QPS limits on API operations").</summary>
    public bool RealQuota { get; set; }
    /// <summary>Fault injection spec, see <see cref="FaultPlan"/>; null = none.</summary>
    public string? Faults { get; set; }
    /// <summary>The seed of every random draw of fault injection, so a run's faults can be drawn again; null = one picked at
    /// start (printed, and in /_emulator/stats).</summary>
    public int? FaultSeed { get; set; }
    /// <summary>How many records SearchMedia pages without a ScrollToken: the cloud's 5,000 unless a test needs to reach the
    /// limit with fewer media.</summary>
    public int SearchResultLimit { get; set; } = CatalogueHandler.CloudSearchResultLimit;
    public double TranscodeSeconds { get; set; } = 5;
    /// <summary>The round trip of a distant region, in milliseconds, added to every request but the admin ones: half before
    /// it is acted on, half before its answer, and once more for each new connection (its handshake). 0 = loopback.</summary>
    public int LatencyMs { get; set; }
    /// <summary>The code of OSS's 403 for a bucket addressed at another region's endpoint: PermanentRedirect, as the current
    /// "HTTP 403 errors" reference lists it, or AccessDenied, as its older pages did.</summary>
    public string WrongEndpointCode { get; set; } = Oss.OssApi.PermanentRedirect;
    /// <summary>Caps the lifetime of the STS tokens AssumeRole issues (tests of credential refresh); null = as asked.</summary>
    public int? StsTokenSeconds { get; set; }
    /// <summary>Makes VOD's upload credentials stop working after this many seconds while UploadAuth still states the
    /// usual 3000 (tests of a refresh after OSS refuses them); null = they work as long as stated.</summary>
    public int? UploadAuthSeconds { get; set; }
    public string AccessKeyId { get; set; } = EmulatorDefaults.AccessKeyId;
    public string AccessKeySecret { get; set; } = EmulatorDefaults.AccessKeySecret;
    public string AccountId { get; set; } = EmulatorDefaults.AccountId;
    /// <summary>Print one line per request (method, path or action, status, time) to stdout; never a query
    /// string or header, where signatures and tokens travel.</summary>
    public bool Verbose { get; set; }
    /// <summary>Optional extra ports that each serve one service only ("vod", "ram", "sts", "mts", "oss" → port).</summary>
    public Dictionary<string, int> ServicePorts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Exit cleanly once this process is gone (Start-VodEmulator passes its own PowerShell); null = run until stopped.</summary>
    public int? ParentPid { get; set; }
    /// <summary>Leave the terminal's session and process group (Unix), so the Ctrl+C typed for another command does not stop it.</summary>
    public bool OwnSession { get; set; }
    /// <summary>Let everything through, as before the emulator played RAM: no policy is enforced, a file registers from any
    /// bucket, transcoding needs no role, and a bucket answers at any region's endpoint.</summary>
    public bool Lenient { get; set; }
    /// <summary>Tests replace the clock; the command line always uses the system clock.</summary>
    public EmulatorClock Clock { get; set; } = new();

    public bool UsesDefaultKey => AccessKeyId == EmulatorDefaults.AccessKeyId && AccessKeySecret == EmulatorDefaults.AccessKeySecret;

    public const string Usage = """
        dotnet VodTools.Emulator.dll [options]
          --port N                 TCP port (default 9081; 0 = any free port)
          --allow-remote           listen on all interfaces instead of 127.0.0.1
          --data-dir DIR           state folder (default: <LocalApplicationData>/VodTools/emulator)
          --in-memory              keep nothing after exit
          --url-file PATH          write the base URL to PATH once listening
          --seed-sample            create bucket media-archive with sample media keys
          --seed-dir DIR --seed-bucket NAME   every file under DIR becomes an object of bucket NAME (created if missing),
                                   its key the file's path relative to DIR with '/' separators
          --quota off|real         real = enforce VOD QPS limits (Throttling.User)
          --faults SPEC            inject failures: comma-separated RULE[@TARGET]; RULE is 500:P, 503:P (any 5xx),
                                   error:P:CODE[:STATUS] (e.g. error:0.3:Throttling.User), delay:P:MS, drop:P (abort
                                   before acting), lost:P (act and commit, then abort without the answer), corrupt:P or
                                   respell:P; TARGET is an RPC action, a service (vod, ram, sts, mts, oss), an OSS method
                                   (GET, PUT, POST, DELETE, HEAD) or operation (PutObject, UploadPart, ...), or SERVICE/NAME,
                                   e.g. "error:0.3:Throttling.User@SubmitTranscodeJobs,lost:0.05@UploadPart"; rules can
                                   also be added, listed and removed while it runs (/_emulator/faults)
          --fault-seed N           draw the faults from seed N (0 to 2147483647), so a run's faults can be drawn again;
                                   without it a seed is picked, printed at start and shown in /_emulator/stats
          --search-result-limit N  how many records SearchMedia pages without a ScrollToken (1 to 5000; default 5000,
                                   the cloud's), to reach the limit with fewer media
          --transcode-seconds N    how long a simulated transcode/snapshot job runs (default 5)
          --latency-ms N           play a distant region: every request takes N ms more (half before it is acted on,
                                   half before its answer) and every new connection N ms more (0 to 10000; default 0)
          --wrong-endpoint-code C  OSS's code for a bucket asked at another region's endpoint: PermanentRedirect
                                   (default, the current reference) or AccessDenied (older pages); both 403
          --sts-token-seconds N    cap the lifetime of STS tokens (to test credential refresh; the cloud's minimum is 900)
          --upload-auth-seconds N  VOD's upload credentials stop working after N seconds, though UploadAuth still says 3000
                                   (to test an upload that OSS refuses mid-way with SecurityTokenExpired)
          --parent-pid PID         exit cleanly once process PID has ended (checked every second)
          --own-session            leave the terminal's process group (Unix), so Ctrl+C typed there does not stop it
          --access-key-id ID --access-key-secret SECRET   the account's key pair
          --account-id ID          the account id (default 1234567890123456)
          --service-port NAME=PORT also serve one service alone on PORT (NAME: vod, ram, sts, mts, oss); repeatable
          --lenient                enforce nothing the seed workflow sets up: RAM policies, VOD storage, the transcoding
                                   role, OSS region endpoints (by default the emulator refuses as the cloud does)
          --verbose                one line per request: method, path or action, status, milliseconds
          --config FILE            JSON file with any of the options above (camelCase names)
        """;

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        int configAt = Array.IndexOf(args, "--config");
        if (configAt >= 0)
        {
            if (configAt + 1 >= args.Length) throw new ArgumentException("--config needs a file name");
            options.ApplyConfigFile(args[configAt + 1]);
        }
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case Flags.Port: options.Port = ParseInt(Next(), arg); break;
                case "--allow-remote": options.AllowRemote = true; break;
                case Flags.DataDir: options.DataDir = Next(); break;
                case Flags.InMemory: options.InMemory = true; break;
                case Flags.UrlFile: options.UrlFile = Next(); break;
                case Flags.SeedSample: options.SeedSample = true; break;
                case Flags.SeedDir: options.SeedDir = Next(); break;
                case Flags.SeedBucket: options.SeedBucket = Next(); break;
                case Flags.Quota: options.RealQuota = ParseQuota(Next()); break;
                case Flags.Faults: options.Faults = Next(); break;
                case Flags.FaultSeed: options.FaultSeed = ParseInt(Next(), arg); break;
                case Flags.SearchResultLimit: options.SearchResultLimit = ParseInt(Next(), arg); break;
                case Flags.TranscodeSeconds: options.TranscodeSeconds = ParseDouble(Next(), arg); break;
                case Flags.LatencyMs: options.LatencyMs = ParseInt(Next(), arg); break;
                case Flags.WrongEndpointCode: options.WrongEndpointCode = Next(); break;
                case Flags.StsTokenSeconds: options.StsTokenSeconds = ParseInt(Next(), arg); break;
                case Flags.UploadAuthSeconds: options.UploadAuthSeconds = ParseInt(Next(), arg); break;
                case Flags.ParentPid: options.ParentPid = ParseInt(Next(), arg); break;
                case Flags.OwnSession: options.OwnSession = true; break;
                case Flags.Lenient: options.Lenient = true; break;
                case "--access-key-id": options.AccessKeyId = Next(); break;
                case "--access-key-secret": options.AccessKeySecret = Next(); break;
                case "--account-id": options.AccountId = Next(); break;
                case "--service-port": options.AddServicePort(Next()); break;
                case "--verbose": options.Verbose = true; break;
                case "--config": Next(); break; // applied first so flags win
                default: throw new ArgumentException($"unknown option {arg}");
            }
        }
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException("--port must be 0..65535");
        if (TranscodeSeconds < 0) throw new ArgumentException("--transcode-seconds must be >= 0");
        if (LatencyMs is < 0 or > MaxLatencyMs) throw new ArgumentException($"--latency-ms must be 0..{MaxLatencyMs}");
        if (StsTokenSeconds is < 1) throw new ArgumentException("--sts-token-seconds must be >= 1");
        if (UploadAuthSeconds is < 1) throw new ArgumentException("--upload-auth-seconds must be >= 1");
        if (ParentPid is < 1) throw new ArgumentException("--parent-pid must be a process id");
        if (string.IsNullOrWhiteSpace(AccessKeyId) || string.IsNullOrWhiteSpace(AccessKeySecret))
            throw new ArgumentException("--access-key-id and --access-key-secret must not be empty");
        if (Faults != null) FaultPlan.Parse(Faults);
        if (FaultSeed is < 0) throw new ArgumentException("--fault-seed must be 0 or more");
        if (SearchResultLimit is < 1 or > CatalogueHandler.CloudSearchResultLimit)
            throw new ArgumentException($"--search-result-limit must be 1..{CatalogueHandler.CloudSearchResultLimit}");
        if (WrongEndpointCode is not (Oss.OssApi.PermanentRedirect or Oss.OssApi.AccessDenied))
            throw new ArgumentException($"--wrong-endpoint-code must be {Oss.OssApi.PermanentRedirect} or {Oss.OssApi.AccessDenied}");
        if ((SeedDir == null) != (SeedBucket == null)) throw new ArgumentException("--seed-dir and --seed-bucket go together");
        if (SeedDir != null && !Directory.Exists(SeedDir)) throw new ArgumentException($"--seed-dir: no folder {SeedDir}");
        if (SeedBucket != null && !Oss.BucketHandler.IsBucketName(SeedBucket)) throw new ArgumentException($"--seed-bucket: \"{SeedBucket}\" is not a valid bucket name");
        foreach (var (name, port) in ServicePorts)
        {
            if (!EmulatorDefaults.ServiceNames.Contains(name)) throw new ArgumentException($"--service-port: unknown service \"{name}\" (use {string.Join(", ", EmulatorDefaults.ServiceNames)})");
            if (port is < 1 or > 65535 || port == Port) throw new ArgumentException($"--service-port {name}: the port must be 1..65535 and differ from --port");
        }
        if (ServicePorts.Values.Distinct().Count() != ServicePorts.Count) throw new ArgumentException("--service-port: each service needs its own port");
    }

    /// <summary>"oss=9085" → ServicePorts["oss"] = 9085.</summary>
    private void AddServicePort(string spec)
    {
        var parts = spec.Split('=');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int port))
            throw new ArgumentException($"--service-port needs NAME=PORT, not \"{spec}\"");
        ServicePorts[parts[0].Trim()] = port;
    }

    private void ApplyConfigFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ArgumentException($"{path} must hold a JSON object");
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            try
            {
                ApplySetting(p, path);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw new ArgumentException($"setting \"{p.Name}\" in {path} has the wrong type");
            }
        }
    }

    private void ApplySetting(JsonProperty p, string path)
    {
        switch (p.Name.ToLowerInvariant())
        {
            case "port": Port = p.Value.GetInt32(); break;
            case "allowremote": AllowRemote = p.Value.GetBoolean(); break;
            case "datadir": DataDir = p.Value.GetString()!; break;
            case "inmemory": InMemory = p.Value.GetBoolean(); break;
            case "urlfile": UrlFile = p.Value.GetString(); break;
            case "seedsample": SeedSample = p.Value.GetBoolean(); break;
            case "seeddir": SeedDir = p.Value.GetString(); break;
            case "seedbucket": SeedBucket = p.Value.GetString(); break;
            case "quota": RealQuota = ParseQuota(p.Value.GetString()!); break;
            case "faults": Faults = p.Value.GetString(); break;
            case "faultseed": FaultSeed = p.Value.GetInt32(); break;
            case "searchresultlimit": SearchResultLimit = p.Value.GetInt32(); break;
            case "transcodeseconds": TranscodeSeconds = p.Value.GetDouble(); break;
            case "latencyms": LatencyMs = p.Value.GetInt32(); break;
            case "wrongendpointcode": WrongEndpointCode = p.Value.GetString()!; break;
            case "uploadauthseconds": UploadAuthSeconds = p.Value.GetInt32(); break;
            case "accesskeyid": AccessKeyId = p.Value.GetString()!; break;
            case "accesskeysecret": AccessKeySecret = p.Value.GetString()!; break;
            case "accountid": AccountId = p.Value.GetString()!; break;
            case "verbose": Verbose = p.Value.GetBoolean(); break;
            case "parentpid": ParentPid = p.Value.GetInt32(); break;
            case "ownsession": OwnSession = p.Value.GetBoolean(); break;
            case "lenient": Lenient = p.Value.GetBoolean(); break;
            case "serviceports":
                foreach (var sp in p.Value.EnumerateObject()) ServicePorts[sp.Name] = sp.Value.GetInt32();
                break;
            default: throw new ArgumentException($"unknown setting \"{p.Name}\" in {path}");
        }
    }

    private static bool ParseQuota(string value) => value switch
    {
        "off" => false,
        "real" => true,
        _ => throw new ArgumentException("--quota must be off or real"),
    };

    private static int ParseInt(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new ArgumentException($"{name} needs a number");

    private static double ParseDouble(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? n : throw new ArgumentException($"{name} needs a number");
}
