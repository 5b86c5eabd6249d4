using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Billing;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Moves <see cref="ApiCallMeter"/>'s counts to the outbox every <see cref="MeteringOptions.FlushMilliseconds"/>
/// and once more on shutdown: one message per tenant per flush, all written in one transaction, keyed
/// by this host instance and the flush's sequence number so the usage row is written exactly once
/// however often the message is delivered. A failed flush puts its counts back for the next one.
/// </summary>
public sealed partial class ApiCallFlusher(ApiCallMeter meter, IServiceScopeFactory scopes, MeteringOptions options, TimeProvider clock,
    ILogger<ApiCallFlusher> logger) : BackgroundService
{
    /// <summary>This process's identity in flush keys: new on every start, so sequence numbers never repeat under one key.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private long _sequence;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.FlushMilliseconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final flush runs in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes the current counts to the outbox; returns how many tenants had calls.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var counts = meter.Drain();
        if (counts.Count == 0)
        {
            return 0;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        var ticks = clock.GetUtcNow().UtcTicks;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await outbox.EnqueueAsync([.. counts.Select(c => new ApiCallsPayload($"api_calls:{_instance}:{sequence}", c.Count, ticks).ToMessage(c.TenantId))], ct);
                await transaction.CommitAsync(ct);
            }

            outbox.Wake();
            return counts.Count;
        }
        catch (Exception e)
        {
            meter.Restore(counts);
            LogFlushFailed(logger, e, counts.Count);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API call metering flush for {Tenants} tenants failed; the counts are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int tenants);
}
