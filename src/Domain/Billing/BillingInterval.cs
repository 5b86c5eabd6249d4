namespace Platform.Domain.Billing;

/// <summary>How long a billing period lasts; the value is its length in calendar months.</summary>
public enum BillingInterval
{
    Month = 1,
    Year = 12,
}
