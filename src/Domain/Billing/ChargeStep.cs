namespace Platform.Domain.Billing;

/// <summary>
/// One step of a usage charge, kept so the invoice can spell out how it was reached: the
/// <paramref name="Units"/> of usage that fell in (<paramref name="From"/>, <paramref name="UpTo"/>],
/// billed as <paramref name="Billed"/> × <paramref name="Price"/> plus <paramref name="FlatFee"/>.
/// <paramref name="Billed"/> equals <paramref name="Units"/> except for packages, where it counts packages.
/// </summary>
public sealed record ChargeStep(decimal From, decimal? UpTo, decimal Units, decimal Billed, decimal Price, decimal FlatFee)
{
    /// <summary>Exact, unrounded; only the invoice line that sums the steps is rounded.</summary>
    public decimal Amount => (Billed * Price) + FlatFee;
}
