namespace Platform.Application.Abstractions.Quota;

/// <summary>
/// Near-limit (80 %) and exhausted events, recorded at most once per limit and window per host
/// (audit now; webhooks will subscribe later).
/// </summary>
public interface IQuotaEvents
{
    void NearLimit(string tenantId, string limitId, long limit, DateTimeOffset windowStart);

    void Exhausted(string tenantId, string limitId, long limit, DateTimeOffset windowStart);
}
