using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>
/// Bounds on quantities and prices. They keep every product far inside decimal's 28 significant
/// digits, so charges are exact well below the smallest minor unit of any currency.
/// </summary>
public static class PriceRules
{
    /// <summary>The same ceiling as quota limits: usage beyond what a limit can hold is not billable either.</summary>
    public const decimal MaxQuantity = Limit.MaxValue;

    public const decimal MaxPrice = 1_000_000m;

    public static void Price(Validation v, decimal value, string field) =>
        v.Check(value is >= 0m and <= MaxPrice, field, $"must be between 0 and {MaxPrice}");

    public static void Quantity(Validation v, decimal value, string field) =>
        v.Check(value is >= 0m and <= MaxQuantity, field, $"must be between 0 and {MaxQuantity}");
}
