using Platform.Application.Abstractions.Outbox;
using Platform.Application.Eav.Entities;
using Platform.Domain.Common;

namespace Platform.Application.Search;

/// <summary>STRONG consistency: read-your-writes by waiting for the tenant's pending index updates first.</summary>
internal static class SearchConsistency
{
    public static async Task<Error?> AwaitAsync(IOutbox outbox, string tenantId, bool strong, CancellationToken ct) =>
        !strong || await outbox.WaitForDeliveryAsync(tenantId, EntityEvents.Changed, SearchEntitiesQuery.StrongWait, ct)
            ? null
            : Error.Custom(ErrorKind.Unavailable, ErrorReasons.IndexLagging,
                "The search index has not caught up with the latest writes yet; retry, or search with EVENTUAL consistency.") with
            {
                RetryAfter = TimeSpan.FromSeconds(1),
            };
}
