using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// One tier of a graduated or volume price: units up to and including <paramref name="UpTo"/>
/// (null for the last, open-ended tier) at <paramref name="UnitPrice"/>, plus a flat fee charged
/// once when usage reaches the tier.
/// </summary>
public sealed record PriceTier(decimal? UpTo, decimal UnitPrice, decimal FlatFee = 0m)
{
    /// <summary>Tiers in ascending order with increasing bounds, the last one open-ended, so every quantity has a tier.</summary>
    public static void Check(Validation v, IReadOnlyList<PriceTier> tiers, string field)
    {
        if (tiers.Count == 0)
        {
            v.Add(field, "at least one tier is required");
            return;
        }

        var previous = 0m;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var path = $"{field}[{i}]";
            var last = i == tiers.Count - 1;
            PriceRules.Price(v, tier.UnitPrice, $"{path}.unit_price");
            PriceRules.Price(v, tier.FlatFee, $"{path}.flat_fee");
            if (last)
            {
                v.Check(tier.UpTo is null, $"{path}.up_to", "the last tier must be open-ended");
            }
            else if (tier.UpTo is not { } upTo || upTo <= previous || upTo > PriceRules.MaxQuantity)
            {
                v.Add($"{path}.up_to", $"must be greater than the previous tier's bound ({previous}) and at most {PriceRules.MaxQuantity}");
            }
            else
            {
                previous = upTo;
            }
        }
    }

    /// <summary>The lower bound of each tier (exclusive): 0 for the first, the previous tier's bound after that.</summary>
    public static decimal FromOf(IReadOnlyList<PriceTier> tiers, int index) => index == 0 ? 0m : tiers[index - 1].UpTo!.Value;
}
