using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// The prepaid check of every tenant call, without a query per call: each tenant's wallet is read
/// once, then kept current by this host's own wallet writes and re-read every few seconds (other
/// hosts' writes, grant expiry). Admitted calls accumulate in memory and a background loop writes
/// them as one consumption per tenant per flush, with a key derived from this host and a per-tenant
/// sequence, so a retried flush replays instead of charging twice.
/// </summary>
/// <remarks>
/// Hosts do not see each other's unflushed calls: with several hosts a tenant can overspend by what
/// the others admit within one flush/refresh interval; consumption never overdraws the ledger (the
/// uncovered rest is logged as a shortfall). Calls admitted on a host that dies before its next
/// flush are not charged.
/// </remarks>
internal sealed partial class PrepaidGate(IServiceScopeFactory scopes, WalletOptions options, TimeProvider clock, ILogger<PrepaidGate> logger)
    : BackgroundService, IPrepaidGate
{
    private readonly ConcurrentDictionary<string, Lazy<Task<GateAccount>>> _accounts = new(StringComparer.Ordinal);
    private readonly string _host = Guid.NewGuid().ToString("N")[..12];

    public async ValueTask<Error?> AdmitAsync(string tenantId, int costUnits, CancellationToken ct)
    {
        while (true)
        {
            var account = await GetAsync(tenantId, ct);
            switch (account.TryAdmit(costUnits, clock.GetUtcNow().UtcDateTime, out var available, out var cost))
            {
                case true:
                    return null;
                case false:
                    return WalletErrors.InsufficientBalance(tenantId, available, cost, account.Currency);
                default:
                    // Evicted between the lookup and the check: drop that entry and read the wallet again.
                    if (_accounts.TryGetValue(tenantId, out var current) && current.IsValueCreated && current.Value.IsCompletedSuccessfully
                        && ReferenceEquals(current.Value.Result, account))
                    {
                        _accounts.TryRemove(new KeyValuePair<string, Lazy<Task<GateAccount>>>(tenantId, current));
                    }

                    continue;
            }
        }
    }

    /// <summary>A wallet write committed on this host (called by the store after commit).</summary>
    public void Observe(string tenantId, WalletState state, string? writtenKey)
    {
        if (_accounts.TryGetValue(tenantId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            var account = lazy.Value.Result;
            // The price is per currency; a currency change (empty ledger only) is re-priced at the next refresh.
            account.Apply(state, account.UnitPrice, clock.GetUtcNow().UtcDateTime, writtenKey);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Calls admitted since the last flush are still owed.
        foreach (var account in Loaded().Where(a => a.HasUnflushed))
        {
            await FlushAsync(account, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, options.FlushMilliseconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in Loaded())
        {
            try
            {
                if (account.HasUnflushed)
                {
                    await FlushAsync(account, ct);
                }
                else if (now - account.LastUsed > TimeSpan.FromMinutes(options.IdleMinutes) && account.TryEvict())
                {
                    _accounts.TryRemove(account.TenantId, out _);
                }
                else if (now - account.LoadedAt >= TimeSpan.FromSeconds(options.RefreshSeconds))
                {
                    await ReloadAsync(account, ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The batch keeps its key: the next tick retries it, and a retry of a write that did commit replays.
                LogFailed(logger, e, account.TenantId);
            }
        }
    }

    private async Task FlushAsync(GateAccount account, CancellationToken ct)
    {
        if (account.TakeBatch(_host) is not { } batch)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().TenantId = account.TenantId;
        var consumption = scope.ServiceProvider.GetRequiredService<IWalletConsumption>();
        var result = await consumption.ConsumeAsync(account.TenantId, new Money(batch.Amount, account.Currency), batch.Key,
            "API calls", ct);
        account.Flushed(batch.Key);
        if (!result.TryGetValue(out var consumed, out var error))
        {
            // Nothing can make this batch valid later (e.g. the currency changed under it).
            LogDropped(logger, account.TenantId, batch.Amount, error.Message);
            return;
        }

        if (!consumed.Shortfall.IsZero)
        {
            LogShortfall(logger, account.TenantId, consumed.Shortfall.ToString());
        }

        if (consumed.Replayed)
        {
            await ReloadAsync(account, ct);
        }
    }

    private async Task ReloadAsync(GateAccount account, CancellationToken ct)
    {
        var (state, price) = await ReadAsync(account.TenantId, ct);
        account.Apply(state, price.Amount, clock.GetUtcNow().UtcDateTime, null);
    }

    private async Task<GateAccount> GetAsync(string tenantId, CancellationToken ct)
    {
        var lazy = _accounts.GetOrAdd(tenantId, id => new Lazy<Task<GateAccount>>(() => LoadAsync(id)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed read is not cached: the next call tries again.
            _accounts.TryRemove(new KeyValuePair<string, Lazy<Task<GateAccount>>>(tenantId, lazy));
            throw;
        }
    }

    // Not bound to one caller's cancellation: concurrent first calls of the tenant share this read.
    private async Task<GateAccount> LoadAsync(string tenantId)
    {
        var (state, price) = await ReadAsync(tenantId, CancellationToken.None);
        var account = new GateAccount(tenantId);
        account.Apply(state, price.Amount, clock.GetUtcNow().UtcDateTime, null);
        return account;
    }

    private async Task<(WalletState State, Money Price)> ReadAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().TenantId = tenantId;
        var state = await scope.ServiceProvider.GetRequiredService<IWalletStore>().ReadAsync(tenantId, ct);
        var price = await scope.ServiceProvider.GetRequiredService<ICallPricing>().PricePerUnitAsync(tenantId, state.Account.Currency, ct);
        return (state, price);
    }

    private List<GateAccount> Loaded() =>
        _accounts.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result).ToList();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prepaid calls of tenant {TenantId} could not be written; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Prepaid calls of tenant {TenantId} worth {Amount} were dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string tenantId, decimal amount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prepaid calls of tenant {TenantId} exceeded its balance by {Shortfall} (admitted on several hosts at once)")]
    private static partial void LogShortfall(ILogger logger, string tenantId, string shortfall);
}
