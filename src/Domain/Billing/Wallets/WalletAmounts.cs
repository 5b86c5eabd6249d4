using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Billing.Wallets;

/// <summary>
/// Amounts as they arrive on the wire: decimal strings (never floats) with at most the currency's
/// digits, so every credit and debit a person enters is a whole number of minor units.
/// </summary>
public static class WalletAmounts
{
    /// <summary>The largest magnitude of one entry: far beyond any real wallet, and exact in every provider.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Digits kept for platform consumption (per-call prices are finer than a cent).</summary>
    public const int ConsumptionScale = 9;

    /// <summary>A positive amount, or a non-zero one when <paramref name="signed"/>.</summary>
    public static Result<decimal> Parse(string? text, Currency currency, string field, bool signed = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Validation(field, "is required: a decimal string such as \"10.00\"");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return Error.Validation(field, $"'{text}' is not a decimal number (digits, an optional sign and decimal point)");
        }

        if (signed ? value == 0 : value <= 0)
        {
            return Error.Validation(field, signed ? "must not be zero" : "must be greater than zero");
        }

        if (Math.Abs(value) > MaxAmount)
        {
            return Error.Validation(field, $"must be at most {MaxAmount.ToString(CultureInfo.InvariantCulture)} in magnitude");
        }

        return Rounding.IsRounded(value, currency)
            ? value
            : Error.Validation(field, $"has more than {currency.Exponent} decimal places for {currency.Code}");
    }

    /// <summary>A platform debit: positive, at most <see cref="ConsumptionScale"/> digits.</summary>
    public static Error? CheckConsumption(decimal amount, string field = "amount") =>
        amount <= 0 ? Error.Validation(field, "must be greater than zero")
        : amount > MaxAmount ? Error.Validation(field, "is too large")
        : decimal.Round(amount, ConsumptionScale) != amount ? Error.Validation(field, $"has more than {ConsumptionScale} decimal places")
        : null;

    /// <summary>Invariant text without trailing zeros beyond the currency's digits ("12.50", "0.001", "-3.00").</summary>
    public static string Format(decimal amount, Currency currency)
    {
        var minimum = decimal.Round(amount, currency.Exponent) == amount ? currency.Exponent : Scale(amount);
        return amount.ToString("F" + minimum.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static int Scale(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m; // drops trailing zeros
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
