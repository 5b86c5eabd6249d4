using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions;

namespace Platform.Infrastructure.Security;

/// <summary>
/// Collects API key last-used times in memory and writes them in one batch every
/// <c>Platform:Access:LastUsedFlushSeconds</c> (default 30): no write per request.
/// </summary>
public sealed partial class ApiKeyUsageTracker(IServiceScopeFactory scopes, AccessOptions options, ILogger<ApiKeyUsageTracker> logger) : BackgroundService
{
    // One box per key: after the first call a touch is a plain atomic write, with no lock and no
    // allocation (a dictionary update of a DateTime would allocate a node under a bucket lock).
    private ConcurrentDictionary<string, StrongBox<long>> _pending = new(StringComparer.Ordinal);

    public void Touch(string keyId, DateTime now) =>
        Volatile.Write(ref _pending.GetOrAdd(keyId, static _ => new StrongBox<long>()).Value, now.Ticks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.LastUsedFlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        var swapped = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, StrongBox<long>>(StringComparer.Ordinal));
        var batch = swapped.ToDictionary(p => p.Key, p => new DateTime(Volatile.Read(ref p.Value.Value), DateTimeKind.Utc), StringComparer.Ordinal);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IApiKeyRepository>().SetLastUsedAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Losing a last-used timestamp is harmless; the next use records a newer one.
            LogFlushFailed(logger, e, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record last-used times of {Count} API keys")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count);
}

/// <summary>Bound from <c>Platform:Access</c>.</summary>
public sealed class AccessOptions
{
    public const string Section = "Platform:Access";

    public double LastUsedFlushSeconds { get; set; } = 30;
}
