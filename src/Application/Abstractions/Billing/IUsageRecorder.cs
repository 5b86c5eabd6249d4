using Platform.Domain.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <param name="Accepted">Events written by this call.</param>
/// <param name="Duplicates">Events whose key was already recorded with the same payload.</param>
/// <param name="ConflictIndex">The first event whose key was recorded with a different payload; when set, nothing was written.</param>
public sealed record RecordOutcome(int Accepted, int Duplicates, int? ConflictIndex);

/// <summary>Writes usage events into the usage store, exactly once per (tenant, idempotency key).</summary>
public interface IUsageRecorder
{
    /// <summary>
    /// Claims every key and writes its row in one transaction; rolls back when any key already holds
    /// a different payload. <paramref name="events"/> must have distinct keys.
    /// </summary>
    Task<RecordOutcome> RecordAsync(string tenantId, IReadOnlyList<UsageEvent> events, DateTimeOffset recordTime, CancellationToken ct);
}

/// <summary>Sums per metric and time bucket, for GetUsage's daily view.</summary>
public interface IUsageBuckets
{
    /// <summary>
    /// Each metric's summed quantity per bucket [<c>boundaries[i]</c>, <c>boundaries[i + 1]</c>); metrics
    /// without events in the range are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, decimal[]>> SumsAsync(string tenantId, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken ct);
}

/// <summary>
/// The price a tenant's usage is charged at: the price version its subscription has in force, or
/// the seeded price of its quota plan when it has no live subscription.
/// </summary>
public interface IUsagePricing
{
    /// <summary>Null when the tenant's plan has no price.</summary>
    Task<PlanPrice?> GetPlanPriceAsync(string tenantId, CancellationToken ct);
}
