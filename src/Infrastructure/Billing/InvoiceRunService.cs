using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Billing;

namespace Platform.Infrastructure.Billing;

public sealed class BillingOptions
{
    public const string Section = "Platform:Billing";

    /// <summary>How often the invoice run looks for due invoices; 0 disables the background run.</summary>
    public int RunIntervalSeconds { get; set; } = 60;

    /// <summary>How long one host holds the run lease; longer than a run takes.</summary>
    public int LeaseSeconds { get; set; } = 600;
}

/// <summary>
/// The background invoice run: on every tick, the host holding the lease issues all invoices due
/// now (and so applies plan changes scheduled for the boundaries passed). Other hosts skip the tick.
/// </summary>
internal sealed partial class InvoiceRunService(IServiceScopeFactory scopes, InvoiceRun run, BillingOptions options, TimeProvider clock,
    ILogger<InvoiceRunService> logger) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RunIntervalSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RunIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(logger, e);
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var lease = scope.ServiceProvider.GetRequiredService<IBillingRunLease>();
        if (!await lease.TryAcquireAsync(_holder, now, now.AddSeconds(options.LeaseSeconds), ct))
        {
            return;
        }

        try
        {
            var result = await run.RunAsync(now, ct);
            if (result.InvoicesCreated > 0)
            {
                LogRun(logger, result.TenantsScanned, result.InvoicesCreated);
            }
        }
        finally
        {
            await lease.ReleaseAsync(_holder, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice run: {Tenants} tenants scanned, {Invoices} invoices issued")]
    private static partial void LogRun(ILogger logger, int tenants, int invoices);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoice run failed; retrying on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception e);
}
