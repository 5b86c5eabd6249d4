namespace Platform.Infrastructure.Quota;

/// <summary>One allocation counter row; changed only by the ledger's conditional updates.</summary>
internal sealed class QuotaCounter
{
    public const string Table = "quota_counters";

    public string TenantId { get; set; } = "";
    public string Metric { get; set; } = "";
    public long Used { get; set; }
}
