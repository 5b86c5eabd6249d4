using System.Globalization;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Tests.Eav;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1.50", "1.5")]
    [InlineData("+12.000", "12")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("9999999999999999999999999999", "9999999999999999999999999999")]
    [InlineData("-1234567890123456.789012345678", "-1234567890123456.789012345678")]
    [InlineData("1.000000000000000000000000001", "1.000000000000000000000000001")]
    [InlineData("00012.5", "12.5")]
    public void Parses_exactly_and_formats_canonically(string text, string canonical)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(canonical, DecimalText.Format(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("--1")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("1.0000000000000000000000000001")]
    [InlineData("1e28")]
    [InlineData("1e-29")]
    [InlineData("1e99999")]
    public void Refuses_what_it_cannot_hold_exactly(string text) => Assert.False(DecimalText.TryParse(text, out _));

    [Fact]
    public void Decimal_arithmetic_stays_exact_through_canonical_form()
    {
        var sum = new DecimalValue(0.1m + 0.2m);

        var canonical = AttributeValueRules.Represent(Domain.Eav.AttributeType.Decimal, sum, out _);

        Assert.Equal(new DecimalValue(0.3m), canonical);
        Assert.Equal("0.3", AttributeValueText.Format(canonical!));
        Assert.NotEqual(0.3, 0.1 + 0.2);
    }

    [Fact]
    public void Values_beyond_28_digits_are_rejected_not_rounded()
    {
        Assert.False(DecimalText.IsWithinLimits(decimal.MaxValue));
        Assert.True(DecimalText.IsWithinLimits(decimal.Parse("9999999999999999999999999999", CultureInfo.InvariantCulture)));
        Assert.Null(AttributeValueRules.Represent(Domain.Eav.AttributeType.Decimal, new DecimalValue(decimal.MaxValue), out var problem));
        Assert.Contains("28 significant digits", problem, StringComparison.Ordinal);
        Assert.False(DecimalText.IsWithinLimits(1.2345678901234567890123456789m));
    }
}
