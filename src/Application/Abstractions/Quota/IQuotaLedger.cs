namespace Platform.Application.Abstractions.Quota;

/// <summary>
/// Allocation counters in the database (never in Redis: an allocation must survive everything).
/// Each change is one conditional update, so concurrent allocations can never overshoot a limit;
/// inside <see cref="IUnitOfWork.InTransactionAsync{T}"/> it commits or rolls back with the
/// resource it counts.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>Adds <paramref name="amount"/> if <c>used + amount &lt;= limit</c> (null limit: always).</summary>
    Task<LedgerResult> TryAcquireAsync(string tenantId, string metric, long amount, long? limit, CancellationToken ct);

    /// <summary>Subtracts <paramref name="amount"/> if at least that much is allocated.</summary>
    Task<LedgerResult> TryReleaseAsync(string tenantId, string metric, long amount, CancellationToken ct);

    /// <summary>Every counter of the tenant (metrics never allocated are absent, i.e. 0).</summary>
    Task<IReadOnlyDictionary<string, long>> UsageAsync(string tenantId, CancellationToken ct);
}

/// <param name="Used">The counter after the change, or as it stands when the change was refused.</param>
public readonly record struct LedgerResult(bool Applied, long Used);
