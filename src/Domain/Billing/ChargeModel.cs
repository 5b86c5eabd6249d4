using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// How a metric's billable quantity becomes money. Every model charges nothing for a quantity of
/// zero and returns the exact decimal amount; rounding is left to the invoice line.
/// </summary>
public abstract record ChargeModel
{
    /// <summary>The exact charge; <paramref name="quantity"/> must be between 0 and <see cref="PriceRules.MaxQuantity"/>.</summary>
    public ChargeBreakdown Price(decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, PriceRules.MaxQuantity);
        return new ChargeBreakdown(quantity, quantity == 0m ? [] : Steps(quantity));
    }

    /// <summary>Adds the model's violations under <paramref name="field"/>.</summary>
    public abstract void Check(Validation v, string field);

    /// <summary>The steps for a positive quantity.</summary>
    protected abstract IReadOnlyList<ChargeStep> Steps(decimal quantity);
}
