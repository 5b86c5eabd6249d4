using System.Globalization;

namespace Platform.Domain.Billing;

/// <summary>
/// Invariant formatting for invoice descriptions. Descriptions are part of the regenerated result,
/// so they must not depend on the culture of the host that computes them.
/// </summary>
internal static class BillingText
{
    public static string Amount(decimal amount, Currency currency) =>
        Rounding.IsRounded(amount, currency)
            ? amount.ToString("F" + currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : Number(amount);

    /// <summary>A quantity or price with thousands separators and no trailing zeros: <c>1,234,567.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A period as its local first and last days. A period ends where a local day begins (at 01:00
    /// where midnight is skipped), so its last day is the one before the end's date.
    /// </summary>
    public static string Days(DateTimeOffset from, DateTimeOffset to) =>
        $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {to.Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
