namespace Platform.Domain.Billing;

/// <summary>
/// Discount lines, each rounded once and split over the lines it applies to by largest remainder.
/// </summary>
/// <remarks>
/// A discount applies to the net of the lines in its scope, credits included: a proration credit
/// returns money that was paid at the discounted price when the same discount applied before, so
/// discounting the gross charge alone would give the discount twice. A scope whose net is not
/// positive gets nothing off. The split goes over the positive lines in proportion to what is left of
/// each, so no line is discounted below zero and the shares add up to the discount exactly.
/// </remarks>
internal static class DiscountLines
{
    public static IReadOnlyList<InvoiceLine> For(IReadOnlyList<InvoiceLine> lines, IReadOnlyList<Discount> discounts, Currency currency)
    {
        var left = lines.Select(l => l.Amount).ToArray();
        var result = new List<InvoiceLine>();
        foreach (var discount in discounts)
        {
            var scope = Enumerable.Range(0, lines.Count).Where(i => discount.Covers(lines[i].Kind)).ToList();
            var net = Money.Sum(scope.Select(i => left[i]), currency);
            var eligible = Money.Max(net, Money.Zero(currency));
            var amount = discount.Percent is { } percent
                ? eligible.Times(percent / 100m).Rounded()
                : Money.Min(discount.Amount!, eligible);

            var targets = scope.Where(i => !left[i].IsNegative && !left[i].IsZero).ToList();
            var shares = new List<LineShare>();
            if (!amount.IsZero)
            {
                var parts = LargestRemainder.Allocate(amount, [.. targets.Select(i => left[i].Amount)]).Value;
                for (var k = 0; k < targets.Count; k++)
                {
                    left[targets[k]] -= parts[k];
                    shares.Add(new LineShare(targets[k], -parts[k]));
                }
            }

            var what = discount.Percent is { } p ? $"{BillingText.Number(p)}% off" : $"{discount.Amount} off";
            result.Add(new InvoiceLine(LineKind.Discount, $"{discount.Name}: {what} {Scope(discount.Scope)}", -amount) { Shares = shares });
        }

        return result;
    }

    private static string Scope(DiscountScope scope) => scope switch
    {
        DiscountScope.BaseFee => "base fees",
        DiscountScope.Usage => "usage",
        _ => "all charges",
    };
}
