namespace Platform.Domain.Billing;

/// <summary>The exact charge for a quantity and the steps it is made of.</summary>
public sealed record ChargeBreakdown(decimal Quantity, IReadOnlyList<ChargeStep> Steps)
{
    public decimal Amount => Steps.Sum(s => s.Amount);
}
