using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Billing;

/// <summary>
/// The built Platform host started as a real child process (<c>dotnet Platform.GrpcHost.dll</c>), so a
/// test can kill it with SIGKILL and start it again on the same port and database.
/// </summary>
public sealed class HostProcess(Dictionary<string, string> settings) : IAsyncDisposable
{
    private Process? _process;

    public int GrpcPort { get; } = FreePort();

    public int HttpPort { get; } = FreePort();

    public Uri Address => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>The host's last output lines, for failure messages.</summary>
    public Queue<string> Output { get; } = new();

    public static string HostDll
    {
        get
        {
            // The host is built with the tests (project reference), in the same configuration.
            var bin = AppContext.BaseDirectory;
            var configuration = bin.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dir = new DirectoryInfo(bin);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.slnx")))
            {
                dir = dir.Parent;
            }

            var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."),
                "src", "GrpcHost", "bin", configuration, "net10.0", "Platform.GrpcHost.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [HostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{GrpcPort}";
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{HttpPort}";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var channel = GrpcChannel.ForAddress(Address);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await HostFixture.WaitUntilServingAsync(channel);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no final flush, nothing but what was committed survives.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (Output)
        {
            Output.Enqueue(line);
            while (Output.Count > 200)
            {
                Output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
