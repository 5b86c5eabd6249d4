using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// Each tier prices only the units that fall inside it (the first 1,000 at one price, the next
/// 9,000 at another…). The charge grows with the quantity and never jumps down.
/// </summary>
public sealed record GraduatedCharge(IReadOnlyList<PriceTier> Tiers) : ChargeModel
{
    public override void Check(Validation v, string field) => PriceTier.Check(v, Tiers, $"{field}.tiers");

    protected override IReadOnlyList<ChargeStep> Steps(decimal quantity)
    {
        var steps = new List<ChargeStep>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            var from = PriceTier.FromOf(Tiers, i);
            if (quantity <= from)
            {
                break;
            }

            var tier = Tiers[i];
            var units = Math.Min(quantity, tier.UpTo ?? quantity) - from;
            steps.Add(new ChargeStep(from, tier.UpTo, units, units, tier.UnitPrice, tier.FlatFee));
        }

        return steps;
    }
}
