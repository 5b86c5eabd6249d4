using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Bench.BillingBench;

/// <summary>The built platform host (Release) as a child process on free loopback ports.</summary>
internal sealed class HostProcess(string hostDll, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private Process? _process;

    public int GrpcPort { get; } = FreePort();

    public int HttpPort { get; } = FreePort();

    public Uri Address => new($"http://127.0.0.1:{GrpcPort}");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}";
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{HttpPort}";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"host: {line}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // /healthz says Healthy once the database is migrated and reachable.
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException("The host did not become healthy.");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
