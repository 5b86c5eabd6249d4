namespace Platform.Domain.Billing;

/// <summary>
/// The one rounding rule of billing: to the currency's exponent, half away from zero
/// (0.005 USD → 0.01, −0.005 USD → −0.01, 2.5 JPY → 3).
/// </summary>
/// <remarks>
/// Half away from zero is what a customer gets when checking a line by hand and what tax rules
/// commonly prescribe. Half-even's advantage, cancelling bias over many roundings, does not apply
/// because each invoice line is rounded exactly once and the total is the sum of rounded lines. The
/// rule is symmetric, so a credit rounds to the same magnitude as the charge it reverses.
/// </remarks>
public static class Rounding
{
    public const MidpointRounding Mode = MidpointRounding.AwayFromZero;

    public static decimal ToCurrency(decimal amount, Currency currency) => decimal.Round(amount, currency.Exponent, Mode);

    public static bool IsRounded(decimal amount, Currency currency) => ToCurrency(amount, currency) == amount;
}
