using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Billing;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>
/// Built-in allocation limits (API keys, members, ...) enforced where those resources are created:
/// the counter and the resource commit in one transaction, so neither exists without the other
/// and concurrent creates can never pass the limit together.
/// </summary>
internal sealed class Allocations(ITenantLimits limits, IQuotaLedger ledger, IUnitOfWork unitOfWork, IOutbox outbox, TimeProvider clock)
{
    /// <summary>Counts <paramref name="amount"/> more units and commits the scope's changes, or neither.</summary>
    public async Task<(Error? Refused, SaveOutcome Outcome)> SaveAcquiringAsync(string tenantId, string metric, long amount, CancellationToken ct)
    {
        var limit = (await limits.FindAsync(tenantId, ct))?.Find(metric)?.Limit;
        var bound = limit is null || limit.Unlimited ? (long?)null : limit.Value;
        return await unitOfWork.InTransactionAsync<(Error?, SaveOutcome)>(async token =>
        {
            var acquired = await ledger.TryAcquireAsync(tenantId, metric, amount, bound, token);
            if (!acquired.Applied)
            {
                return (QuotaErrors.Exceeded(QuotaNames.QuotaOf(tenantId), metric, bound ?? 0, acquired.Used, amount), default);
            }

            return (null, await unitOfWork.SaveChangesAsync(token));
        }, r => r.Item1 is null && r.Item2.Status == SaveStatus.Saved, ct);
    }

    /// <summary>Commits the scope's changes and gives back <paramref name="amount"/> units with them.</summary>
    public Task<SaveOutcome> SaveReleasingAsync(string tenantId, string metric, long amount, CancellationToken ct) =>
        unitOfWork.InTransactionAsync(async token =>
        {
            // A counter already at zero (never counted) must not block the delete.
            await ledger.TryReleaseAsync(tenantId, metric, amount, token);
            return await unitOfWork.SaveChangesAsync(token);
        }, o => o.Status == SaveStatus.Saved, ct);

    /// <summary>
    /// Applies several counter changes (positive: acquire within the limit; negative: release)
    /// and runs <paramref name="work"/> — the resource writes and their commit — in one
    /// transaction; a refused counter or a failed work result rolls everything back.
    /// </summary>
    public async Task<Result<T>> WithCountersAsync<T>(string tenantId, IReadOnlyList<(string Metric, long Delta)> deltas,
        Func<CancellationToken, Task<Result<T>>> work, CancellationToken ct)
    {
        var set = await limits.FindAsync(tenantId, ct);
        return await unitOfWork.InTransactionAsync(async token =>
        {
            long? storageLevel = null;
            foreach (var (metric, delta) in deltas.Where(d => d.Delta != 0))
            {
                if (delta < 0)
                {
                    var released = await ledger.TryReleaseAsync(tenantId, metric, -delta, token);
                    storageLevel = metric == Metrics.StorageBytes ? released.Used : storageLevel;
                    continue;
                }

                var limit = set?.Find(metric)?.Limit;
                var bound = limit is null || limit.Unlimited ? (long?)null : limit.Value;
                var acquired = await ledger.TryAcquireAsync(tenantId, metric, delta, bound, token);
                if (!acquired.Applied)
                {
                    return QuotaErrors.Exceeded(QuotaNames.QuotaOf(tenantId), metric, bound ?? 0, acquired.Used, delta);
                }

                storageLevel = metric == Metrics.StorageBytes ? acquired.Used : storageLevel;
            }

            // Billing samples the storage level on every change; the sample commits (or rolls back)
            // with the change, and the outbox writes it to the usage store exactly once.
            if (storageLevel is { } level)
            {
                await outbox.EnqueueAsync([StorageSamples.Message(tenantId, clock.GetUtcNow(), level)], token);
            }

            return await work(token);
        }, r => r.IsSuccess, ct);
    }
}
