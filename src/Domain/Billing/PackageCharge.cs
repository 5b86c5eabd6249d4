using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// Units sold in packages of <paramref name="Size"/> at <paramref name="PackagePrice"/>, a started
/// package counting as a whole one (1,001 calls in packages of 1,000 are two packages).
/// </summary>
/// <remarks>
/// <paramref name="FreeBurst"/> is a fraction of one package that may be used above the packages
/// already paid for without starting another: with 0.2, 1,200 calls are one package of 1,000 and
/// 1,201 are two. The first package is always charged, since there is nothing to burst above yet.
/// The charge never decreases as the quantity grows.
/// </remarks>
public sealed record PackageCharge(decimal Size, decimal PackagePrice, decimal FreeBurst = 0m) : ChargeModel
{
    public const decimal MinSize = 0.000001m;

    public override void Check(Validation v, string field)
    {
        v.Check(Size is >= MinSize and <= PriceRules.MaxQuantity, $"{field}.size", $"must be between {MinSize} and {PriceRules.MaxQuantity}")
         .Check(FreeBurst is >= 0m and < 1m, $"{field}.free_burst", "must be a fraction of a package from 0 up to, but not including, 1");
        PriceRules.Price(v, PackagePrice, $"{field}.package_price");
    }

    /// <summary>Packages charged for <paramref name="quantity"/>.</summary>
    public decimal Packages(decimal quantity)
    {
        var whole = decimal.Floor(quantity / Size);
        var overflow = quantity - (whole * Size);
        if (overflow < 0m)
        {
            // The quotient was rounded up to a whole number in decimal's last digit; step back.
            whole -= 1m;
            overflow += Size;
        }

        var absorbed = whole > 0m && overflow <= Size * FreeBurst;
        return overflow == 0m || absorbed ? whole : whole + 1m;
    }

    protected override IReadOnlyList<ChargeStep> Steps(decimal quantity) =>
        [new ChargeStep(0m, null, quantity, Packages(quantity), PackagePrice, 0m)];
}
