using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Domain.Tests.Billing;

public sealed class CurrencyAndMoneyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("CNY", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void Known_currencies_carry_their_exponent(string code, int exponent)
    {
        var currency = Currency.Of(code).Value;

        Assert.Equal(code, currency.Code);
        Assert.Equal(exponent, currency.Exponent);
        Assert.Same(currency, Currency.Of(code).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("XYZ")]
    public void Unknown_or_malformed_codes_are_refused(string? code)
    {
        var error = Currency.Of(code, "plan.currency_code").Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("plan.currency_code", error.Violations[0].Field);
    }

    [Theory]
    [InlineData("USD", "0.005", "0.01")]
    [InlineData("USD", "-0.005", "-0.01")]
    [InlineData("USD", "0.015", "0.02")]
    [InlineData("USD", "0.0149999", "0.01")]
    [InlineData("JPY", "2.5", "3")]
    [InlineData("JPY", "3.5", "4")]
    [InlineData("JPY", "-2.5", "-3")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("KWD", "1.2344999", "1.234")]
    public void Rounding_is_half_away_from_zero_to_the_currency_exponent(string code, string amount, string expected)
    {
        var currency = Currency.Of(code).Value;

        var rounded = Rounding.ToCurrency(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded);
    }

    [Fact]
    public void Arithmetic_refuses_mixed_currencies()
    {
        var dollars = new Money(1m, Currency.Usd);
        var euros = new Money(1m, Currency.Eur);

        Assert.Throws<InvalidOperationException>(() => dollars + euros);
        Assert.Throws<InvalidOperationException>(() => dollars - euros);
        Assert.Throws<InvalidOperationException>(() => dollars < euros);
        Assert.Throws<InvalidOperationException>(() => Money.Sum([dollars, euros], Currency.Usd));
    }

    [Fact]
    public void Arithmetic_is_exact_decimal()
    {
        var tenth = new Money(0.1m, Currency.Usd);

        Assert.Equal(new Money(0.3m, Currency.Usd), tenth + tenth + tenth);
        Assert.Equal(new Money(0.001m, Currency.Usd), new Money(1m, Currency.Usd).Times(0.001m));
        Assert.False(new Money(0.001m, Currency.Usd).IsRounded);
    }

    [Fact]
    public void Text_shows_the_currency_digits_and_keeps_finer_prices()
    {
        Assert.Equal("USD 29.00", new Money(29m, Currency.Usd).ToString());
        Assert.Equal("JPY 2980", new Money(2980m, Currency.Jpy).ToString());
        Assert.Equal("KWD -1.250", new Money(-1.25m, Currency.Kwd).ToString());
        Assert.Equal("USD 0.001", new Money(0.001m, Currency.Usd).ToString());
    }
}
