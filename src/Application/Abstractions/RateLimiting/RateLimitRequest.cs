namespace Platform.Application.Abstractions.RateLimiting;

/// <summary>
/// Everything a limiter needs to decide one call: whose budget (<paramref name="Key"/>, a tenant id
/// or <c>operator</c>), which limits apply, what the call costs, and how the tenant's calendar
/// windows are aligned.
/// </summary>
public sealed record RateLimitRequest(string Key, IReadOnlyList<RateLimitRule> Rules, int Cost, WindowCalendar Calendar);

/// <summary>
/// How fixed windows align for one tenant: hours and days start on the tenant's local clock; months
/// start on the billing anchor day (clamped to the month's last day) at local midnight.
/// </summary>
public sealed record WindowCalendar(TimeZoneInfo TimeZone, int BillingAnchorDay)
{
    public static WindowCalendar Utc { get; } = new(TimeZoneInfo.Utc, 1);
}
