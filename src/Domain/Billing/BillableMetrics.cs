using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>
/// Metrics that are billed. <c>api_calls</c> is the quota metric of the same name, counted per
/// period; storage is billed by time held, not by the peak of the quota's <c>storage_bytes</c>.
/// </summary>
public static class BillableMetrics
{
    public const string ApiCalls = Metrics.ApiCalls;

    /// <summary>Storage integrated over the period: 1 GB kept for a whole billing month is 1 GB-month.</summary>
    public const string StorageGbMonths = "storage_gb_months";

    /// <summary>
    /// Bytes in a billed GB. Binary, like the quota's storage limits (a "1 GB" Basic plan allows
    /// 1,024 MiB), so a tenant exactly at its limit for a month uses exactly the included GB-months.
    /// </summary>
    public const long BytesPerGb = 1L << 30;
}
