using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;

namespace VodTools.Tests.Support;

/// <summary>What the server saw of one request.</summary>
public sealed record ReceivedRequest(string Method, string RawUrl, Dictionary<string, string> Headers, byte[] Body)
{
    public string Path => RawUrl.Split('?')[0];
    public List<KeyValuePair<string, string>> Query => RawUrl.Contains('?') ? WireRequest.ParseForm(RawUrl[(RawUrl.IndexOf('?') + 1)..]) : new();
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>A scripted answer: a status with headers and body, a dropped connection, or a delay first.</summary>
public sealed record ScriptedAnswer(int Status, string Body = "", Dictionary<string, string>? Headers = null, bool Drop = false, TimeSpan Delay = default)
{
    public static ScriptedAnswer Json(int status, string body, Dictionary<string, string>? headers = null) =>
        new(status, body, new Dictionary<string, string>(headers ?? new()) { ["Content-Type"] = "application/json;charset=utf-8" });
    public static ScriptedAnswer Dropped() => new(0, Drop: true);

    /// <summary>A (status, body) pair is a JSON answer, as the credential endpoints (ECS metadata, credentials URI) send.</summary>
    public static implicit operator ScriptedAnswer((int Status, string Body) answer) => Json(answer.Status, answer.Body);
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port, on a raw socket so that it can drop a connection for
/// real. It answers from a script, in order (the last answer repeats), or with a test's handler, and records
/// what it received.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, ScriptedAnswer> _answer;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Answers from the script, in order; the last answer repeats (200 with no body when there is none).</summary>
    public LoopbackServer(params ScriptedAnswer[] answers) : this(Script(answers))
    {
    }

    /// <summary>Answers each request with what <paramref name="answer"/> makes of it.</summary>
    public LoopbackServer(Func<ReceivedRequest, ScriptedAnswer> answer)
    {
        _answer = answer;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(AcceptAsync);
    }

    public Uri BaseUri { get; }
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Stop reading each request once its head has arrived, holding the connection open: a transfer that stalls.</summary>
    public bool StallBodies { get; init; }

    /// <summary>A port nothing listens on, for "unreachable" cases.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static Func<ReceivedRequest, ScriptedAnswer> Script(ScriptedAnswer[] answers)
    {
        var script = new ConcurrentQueue<ScriptedAnswer>(answers);
        var last = new ScriptedAnswer(200);
        return _ => script.TryDequeue(out var next) ? last = next : last;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            while (true)
            {
                var request = await ReadRequestAsync(stream);
                if (request == null) return;
                Received.Enqueue(request);
                var answer = _answer(request);
                if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
                if (answer.Drop)
                {
                    socket.LingerState = new LingerOption(true, 0); // close with RST: the client sees a reset connection
                    return;
                }
                var body = request.Method == "HEAD" ? Array.Empty<byte>() : System.Text.Encoding.UTF8.GetBytes(answer.Body);
                var head = new System.Text.StringBuilder($"HTTP/1.1 {answer.Status} Scripted\r\n");
                foreach (var header in answer.Headers ?? new()) head.Append($"{header.Key}: {header.Value}\r\n");
                head.Append($"Date: {DateTimeOffset.UtcNow:r}\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(answer.Body)}\r\n\r\n");
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head.ToString()));
                await stream.WriteAsync(body);
            }
        }
        catch (Exception)
        {
            // the client went away (timeout and cancellation tests) or the server stopped
        }
    }

    private async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            head.Add(one[0]);
        }
        var lines = System.Text.Encoding.UTF8.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }
        if (StallBodies)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token); // ends when the server is disposed
            return null;
        }
        var body = new byte[headers.TryGetValue("content-length", out var length) ? int.Parse(length) : 0];
        for (var read = 0; read < body.Length;)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0) return null;
            read += n;
        }
        return new ReceivedRequest(requestLine[0], requestLine[1], headers, body);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
