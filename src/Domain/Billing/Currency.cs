using System.Collections.Frozen;
using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// An ISO 4217 currency and its exponent (digits after the decimal point of its minor unit).
/// Only currencies in the built-in table exist: an amount in a currency whose exponent we do not
/// know could not be rounded correctly, so an unknown code is refused rather than guessed.
/// </summary>
public sealed record Currency
{
    public static readonly Currency Usd = new("USD", 2);
    public static readonly Currency Eur = new("EUR", 2);
    public static readonly Currency Gbp = new("GBP", 2);
    public static readonly Currency Chf = new("CHF", 2);
    public static readonly Currency Cad = new("CAD", 2);
    public static readonly Currency Aud = new("AUD", 2);
    public static readonly Currency Cny = new("CNY", 2);
    public static readonly Currency Inr = new("INR", 2);
    public static readonly Currency Jpy = new("JPY", 0);
    public static readonly Currency Krw = new("KRW", 0);
    public static readonly Currency Kwd = new("KWD", 3);
    public static readonly Currency Bhd = new("BHD", 3);

    private static readonly FrozenDictionary<string, Currency> Known =
        new[] { Usd, Eur, Gbp, Chf, Cad, Aud, Cny, Inr, Jpy, Krw, Kwd, Bhd }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
        MinorUnit = 1m / Pow10(exponent);
    }

    public string Code { get; }

    public int Exponent { get; }

    /// <summary>The smallest amount an invoice line can hold: 0.01 for USD, 1 for JPY, 0.001 for KWD.</summary>
    public decimal MinorUnit { get; }

    public static IReadOnlyCollection<Currency> All => Known.Values;

    public static Result<Currency> Of(string? code, string field = "currency_code")
    {
        if (code is null || code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            return Error.Validation(field, "must be an ISO 4217 code of three upper-case letters, such as 'USD'");
        }

        return Known.TryGetValue(code, out var currency)
            ? currency
            : Error.Validation(field, $"'{code}' is not a supported currency ({string.Join(", ", Known.Keys.Order(StringComparer.Ordinal))})");
    }

    public override string ToString() => Code;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
