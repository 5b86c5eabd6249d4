using System.Globalization;
using Platform.Domain.Eav.Values;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Eav.Tests.Dialects;

public sealed class DecimalSortKeyTests
{
    [Fact]
    public void Keys_of_the_edge_cases_sort_like_the_numbers()
    {
        var values = ValuePools.Decimals.Select(d => decimal.Parse(d, NumberStyles.Float, CultureInfo.InvariantCulture)).Distinct().ToList();

        Assert.Equal(values.Order(), values.OrderBy(DecimalSortKey.For, StringComparer.Ordinal));
    }

    [Fact]
    public void Equal_values_share_one_key() =>
        Assert.Equal(DecimalSortKey.For(1.5m), DecimalSortKey.For(1.50000m));

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "2281")]
    [InlineData("12.5", "229125")]
    [InlineData("-12.5", "027874~")]
    [InlineData("0.0000000000000000000000000001", "2001")]
    public void Keys_have_the_documented_layout(string value, string key) =>
        Assert.Equal(key, DecimalSortKey.For(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));

    [Fact]
    public void Random_pairs_compare_like_the_numbers()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            decimal a = Next(random), b = random.Next(4) == 0 ? a : Next(random);

            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(string.CompareOrdinal(DecimalSortKey.For(a), DecimalSortKey.For(b))));
        }
    }

    // Any sign, 1 to 28 significant digits, any scale the digits allow.
    private static decimal Next(Random random)
    {
        var digits = random.Next(1, DecimalText.MaxDigits + 1);
        var text = string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
        var point = random.Next(0, digits + 1);
        var number = point == digits ? text : $"{text[..point]}.{text[point..]}";
        Assert.True(DecimalText.TryParse((random.Next(2) == 0 ? "-" : "") + (number.StartsWith('.') ? "0" + number : number), out var value));
        return value;
    }
}
