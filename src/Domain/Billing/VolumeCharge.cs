using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// All units at the price of the one tier the total quantity falls in.
/// </summary>
/// <remarks>
/// Unlike the other models this one is not monotonic, and deliberately so: crossing a bound reprices
/// every unit, so 1,001 units at a cheaper tier can cost less than 1,000 at the dearer one. That cliff
/// is what a volume discount is; tests check it rather than a monotonicity that does not hold.
/// </remarks>
public sealed record VolumeCharge(IReadOnlyList<PriceTier> Tiers) : ChargeModel
{
    public override void Check(Validation v, string field) => PriceTier.Check(v, Tiers, $"{field}.tiers");

    protected override IReadOnlyList<ChargeStep> Steps(decimal quantity)
    {
        var index = 0;
        while (Tiers[index].UpTo is { } upTo && quantity > upTo)
        {
            index++;
        }

        var tier = Tiers[index];
        return [new ChargeStep(PriceTier.FromOf(Tiers, index), tier.UpTo, quantity, quantity, tier.UnitPrice, tier.FlatFee)];
    }
}
