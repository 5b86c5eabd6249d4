using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>Every unit at the same price: 0.001 USD per API call.</summary>
public sealed record PerUnitCharge(decimal UnitPrice) : ChargeModel
{
    public override void Check(Validation v, string field) => PriceRules.Price(v, UnitPrice, $"{field}.unit_price");

    protected override IReadOnlyList<ChargeStep> Steps(decimal quantity) => [new ChargeStep(0m, null, quantity, quantity, UnitPrice, 0m)];
}
