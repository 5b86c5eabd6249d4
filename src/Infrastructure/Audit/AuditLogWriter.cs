using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions;
using Platform.Domain.Audit;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Audit;

/// <summary>
/// Queues audit events and writes them in batches (every <c>Platform:Audit:FlushMilliseconds</c>,
/// default 200, or 500 events), so recording adds no database round trip to a call. The queue is
/// bounded; if the database is unreachable for long enough to fill it, further events are
/// dropped and counted in the log rather than taking the host down.
/// </summary>
public sealed partial class AuditLogWriter(IServiceScopeFactory scopes, AuditOptions options, ILogger<AuditLogWriter> logger)
    : BackgroundService, IAuditLog
{
    private const int BatchSize = 500;
    private readonly Channel<AuditEvent> _queue = Channel.CreateBounded<AuditEvent>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public void Record(AuditEvent auditEvent)
    {
        if (!_queue.Writer.TryWrite(auditEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEvent>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(options.FlushMilliseconds, stoppingToken).ConfigureAwait(false);
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var e))
                {
                    batch.Add(e);
                }

                await WriteUntilStoredAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is flushed once by StopAsync.
            foreach (var e in batch)
            {
                _queue.Writer.TryWrite(e);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var rest = new List<AuditEvent>();
        while (_queue.Reader.TryRead(out var e))
        {
            rest.Add(e);
        }

        if (rest.Count == 0)
        {
            return;
        }

        try
        {
            await WriteOnceAsync(rest, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Best effort at shutdown: the database or the container may already be gone.
            LogLostAtShutdown(logger, e, rest.Count);
        }
    }

    /// <summary>
    /// Retries with backoff until the batch is stored or the host stops: a database outage must
    /// never take the host down (a faulted BackgroundService stops it). Meanwhile the bounded queue
    /// keeps accepting events until it is full.
    /// </summary>
    private async Task WriteUntilStoredAsync(List<AuditEvent> batch, CancellationToken ct)
    {
        for (var attempt = 1; batch.Count > 0; attempt++)
        {
            try
            {
                await WriteOnceAsync(batch, ct);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(logger, e, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5000)), ct);
            }
        }

        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
        {
            LogDropped(logger, dropped);
        }
    }

    private async Task WriteOnceAsync(List<AuditEvent> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.AuditEvents.AddRange(batch);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit events failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit events could not be written at shutdown")]
    private static partial void LogLostAtShutdown(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit events were dropped because the queue was full")]
    private static partial void LogDropped(ILogger logger, long count);
}

/// <summary>Bound from <c>Platform:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Platform:Audit";

    public int FlushMilliseconds { get; set; } = 200;

    /// <summary>Days events are kept, per tier (FREE, STANDARD, VIP, ENTERPRISE) and for platform-level events.</summary>
    public Dictionary<string, int> RetentionDays { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Free"] = 7, ["Standard"] = 30, ["Vip"] = 90, ["Enterprise"] = 365, ["Platform"] = 365,
    };
}
