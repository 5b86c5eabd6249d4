using Microsoft.Extensions.Caching.Memory;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Domain.Audit;

namespace Platform.Infrastructure.Quota;

/// <summary>
/// Writes near-limit and exhausted events to the audit log, once per tenant, limit and window on
/// each host: a client hammering a used-up limit produces one event, not one per call.
/// </summary>
internal sealed class QuotaEventRecorder(IAuditLog audit, IMemoryCache seen, TimeProvider clock) : IQuotaEvents
{
    public const string NearLimitMethod = "platform.quota/NearLimit";
    public const string ExhaustedMethod = "platform.quota/Exhausted";

    public void NearLimit(string tenantId, string limitId, long limit, DateTimeOffset windowStart) =>
        Record(NearLimitMethod, "NEAR_LIMIT", tenantId, limitId, windowStart);

    public void Exhausted(string tenantId, string limitId, long limit, DateTimeOffset windowStart) =>
        Record(ExhaustedMethod, "EXHAUSTED", tenantId, limitId, windowStart);

    private void Record(string method, string outcome, string tenantId, string limitId, DateTimeOffset windowStart)
    {
        var key = (method, tenantId, limitId, windowStart);
        if (seen.TryGetValue(key, out _))
        {
            return;
        }

        seen.Set(key, true, TimeSpan.FromHours(1));
        var now = clock.GetUtcNow().UtcDateTime;
        audit.Record(new AuditEvent(Guid.CreateVersion7(now).ToString("N"), tenantId, Domain.Common.Clock.Truncate(now), "platform",
            method, $"tenants/{tenantId}/quota", "", outcome, limitId, ""));
    }
}
