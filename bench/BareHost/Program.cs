using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Bench.V1;

// Usage: Platform.Bench.BareHost [--grpc-port N] [--http-port N]
// (or env BARE_GRPC_PORT / BARE_HTTP_PORT; defaults 5090 / 5091). Listens on 127.0.0.1 only.
var grpcPort = PortFrom(args, "--grpc-port", "BARE_GRPC_PORT", 5090);
var httpPort = PortFrom(args, "--http-port", "BARE_HTTP_PORT", 5091);

// Same default builder as the platform host, so the ratio isolates what the platform adds on top.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
    kestrel.Listen(System.Net.IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
});
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<BareGrpcService>();
app.MapGet("/ping", () => new PingReply("pong", "tenants/bench", "Bench", DateTimeOffset.UtcNow));
await app.RunAsync();

static int PortFrom(string[] args, string flag, string envName, int fallback)
{
    var i = Array.IndexOf(args, flag);
    var raw = i >= 0 && i + 1 < args.Length ? args[i + 1] : Environment.GetEnvironmentVariable(envName);
    return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
        ? port
        : fallback;
}

/// <summary>Small JSON body for the MapGet ceiling.</summary>
internal sealed record PingReply(string Status, string Name, string DisplayName, DateTimeOffset Time);

/// <summary>bench.v1.BareService: echo the name into a Tenant-sized reply, no I/O.</summary>
internal sealed class BareGrpcService : BareService.BareServiceBase
{
    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context)
    {
        var id = request.Name.StartsWith("tenants/", StringComparison.Ordinal) ? request.Name["tenants/".Length..] : request.Name;
        return Task.FromResult(new PingResponse
        {
            Name = request.Name,
            TenantId = id,
            DisplayName = "Bench",
            Subdomain = id,
            TimeZone = "UTC",
            Etag = "W/\"1\"",
            CreateTime = "2025-01-01T00:00:00Z",
            UpdateTime = "2025-01-01T00:00:00Z",
        });
    }
}
