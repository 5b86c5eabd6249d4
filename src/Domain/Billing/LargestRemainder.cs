using System.Numerics;
using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// Splits a rounded amount into parts proportional to weights so that the parts, each a whole
/// number of minor units, sum to the amount exactly (the largest remainder, or Hamilton, method).
/// </summary>
/// <remarks>
/// Every part first gets its exact share rounded toward zero; the minor units left over go one each
/// to the parts with the largest remainders, and among equal remainders to the earliest part, so the
/// result is a function of the inputs alone. Each part is within one minor unit of its exact share,
/// and a part with weight zero gets nothing. The arithmetic is on integers, so no weight is too
/// small or too precise to be counted exactly.
/// </remarks>
public static class LargestRemainder
{
    public static Result<IReadOnlyList<Money>> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        var v = new Validation()
            .Check(total.IsRounded, "total", $"must be a whole number of {total.Currency.Code} minor units")
            .Check(weights.Count > 0, "weights", "at least one weight is required")
            .Check(weights.All(w => w >= 0m), "weights", "must not be negative")
            .Check(weights.Any(w => w > 0m), "weights", "at least one weight must be positive");
        if (v.ToError() is { } error)
        {
            return error;
        }

        var units = ToUnits(decimal.Abs(total.Amount), total.Currency);
        var scaled = Scale(weights);
        var sum = scaled.Aggregate(BigInteger.Zero, (s, w) => s + w);

        var parts = new BigInteger[weights.Count];
        var remainders = new BigInteger[weights.Count];
        var left = units;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = BigInteger.DivRem(units * scaled[i], sum, out remainders[i]);
            left -= parts[i];
        }

        // Stable order: largest remainder first, then lowest index.
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i] += 1;
        }

        var sign = total.IsNegative ? -1m : 1m;
        return parts.Select(p => new Money(sign * FromUnits(p, total.Currency), total.Currency)).ToList();
    }

    private static BigInteger ToUnits(decimal amount, Currency currency) => new(amount / currency.MinorUnit);

    private static decimal FromUnits(BigInteger units, Currency currency) => (decimal)units * currency.MinorUnit;

    // Weights as integers on a common scale: w = mantissa / 10^scale, so w·10^maxScale is whole.
    private static BigInteger[] Scale(IReadOnlyList<decimal> weights)
    {
        var maxScale = weights.Max(w => (int)w.Scale);
        return [.. weights.Select(w => Mantissa(w) * BigInteger.Pow(10, maxScale - w.Scale))];
    }

    private static BigInteger Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
    }
}
