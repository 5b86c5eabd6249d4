namespace Platform.Domain.Billing;

/// <summary>
/// Shares of a full-period base fee, to the second. A period is cut at the instants where the
/// subscription changed; each resulting segment's share is proportional to its whole seconds.
/// </summary>
/// <remarks>
/// The full-period fee is rounded once and then split by <see cref="LargestRemainder"/> rather than
/// each share being rounded on its own. That keeps the books closed: the shares of a fee over one
/// period always add up to exactly that fee, so a plan left and later re-entered in the same period
/// (upgrade, then downgrade) is charged exactly its share of the time it was held, never a cent more
/// or less from independent roundings. The denominator is the period's real length in seconds, which
/// differs from a nominal month when the period contains a DST change.
/// </remarks>
public static class Proration
{
    /// <summary>Exact fraction of <paramref name="period"/> between two instants, both clamped to it.</summary>
    public static decimal Fraction(BillingPeriod period, DateTimeOffset from, DateTimeOffset to) =>
        Math.Max(0L, period.SecondsInto(to) - period.SecondsInto(from)) / (decimal)period.Seconds;

    /// <summary>
    /// The period's segments between its start, the distinct <paramref name="cuts"/> and its end, as
    /// second offsets from the start; a cut on a boundary adds nothing.
    /// </summary>
    public static IReadOnlyList<long> Boundaries(BillingPeriod period, IEnumerable<DateTimeOffset> cuts) =>
        [.. cuts.Select(period.SecondsInto).Append(0L).Append(period.Seconds).Distinct().Order()];

    /// <summary>
    /// The part of <paramref name="fullPeriodFee"/> (rounded) that pays for
    /// [<paramref name="from"/>, <paramref name="to"/>), where both are among <paramref name="boundaries"/>.
    /// </summary>
    public static Money Share(Money fullPeriodFee, IReadOnlyList<long> boundaries, long from, long to)
    {
        if (fullPeriodFee.IsZero || from >= to)
        {
            return Money.Zero(fullPeriodFee.Currency);
        }

        var weights = new decimal[boundaries.Count - 1];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = boundaries[i + 1] - boundaries[i];
        }

        var shares = LargestRemainder.Allocate(fullPeriodFee, weights).Value;
        var sum = Money.Zero(fullPeriodFee.Currency);
        for (var i = 0; i < weights.Length; i++)
        {
            if (boundaries[i] >= from && boundaries[i + 1] <= to)
            {
                sum += shares[i];
            }
        }

        return sum;
    }
}
