using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Tests.Eav;

public sealed class ValueCanonicalisationTests
{
    [Fact]
    public void Text_is_stored_as_nfc()
    {
        var decomposed = "Cafe\u0301";

        var value = AttributeValueRules.Represent(AttributeType.String, new TextValue(decomposed), out _);

        Assert.Equal(new TextValue("Caf\u00e9"), value);
    }

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built at run time: attribute arguments cannot carry invalid UTF-16.
        var text = "a" + (char)0xD800 + "b";

        Assert.Null(AttributeValueRules.Represent(AttributeType.String, new TextValue(text), out var problem));
        Assert.Contains("unpaired surrogate", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\0b", "U+0000")]
    [InlineData("line\nbreak", "U+000A")]
    public void Strings_refuse_what_storage_cannot_hold(string text, string expected)
    {
        Assert.Null(AttributeValueRules.Represent(AttributeType.String, new TextValue(text), out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_allows_line_breaks_but_not_nul()
    {
        Assert.NotNull(AttributeValueRules.Represent(AttributeType.Text, new TextValue("a\r\n\tb"), out _));
        Assert.Null(AttributeValueRules.Represent(AttributeType.Text, new TextValue("a\0"), out _));
    }

    [Fact]
    public void String_length_counts_code_points()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", AttributeValueRules.MaxStringLength));

        Assert.NotNull(AttributeValueRules.Represent(AttributeType.String, new TextValue(emoji), out _));
        Assert.Null(AttributeValueRules.Represent(AttributeType.String, new TextValue(emoji + "x"), out _));
    }

    [Fact]
    public void Timestamps_become_utc_microseconds()
    {
        var offset = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);

        var value = (TimestampValue)AttributeValueRules.Represent(AttributeType.Timestamp, new TimestampValue(offset.UtcDateTime), out _)!;

        Assert.Equal(DateTimeKind.Utc, value.Value.Kind);
        Assert.Equal("2026-01-01T00:00:00.123456Z", AttributeValueText.Format(value));
    }

    [Fact]
    public void Timestamps_of_unknown_zone_are_refused()
    {
        var unspecified = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.Null(AttributeValueRules.Represent(AttributeType.Timestamp, new TimestampValue(unspecified), out var problem));
        Assert.Contains("offset", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00.000000Z")]
    [InlineData("2026-01-01t00:00:00.123456789z", "2026-01-01T00:00:00.123456Z")]
    [InlineData("2025-12-31T23:30:00-01:30", "2026-01-01T01:00:00.000000Z")]
    public void Rfc3339_text_is_normalized_to_utc(string text, string canonical)
    {
        Assert.True(TemporalText.TryParseTimestamp(text, out var utc));
        Assert.Equal(canonical, TemporalText.FormatTimestamp(utc));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00")]
    [InlineData("2026-01-01")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("yesterday")]
    public void Bad_timestamps_are_refused(string text) => Assert.False(TemporalText.TryParseTimestamp(text, out _));

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-2-28", false)]
    [InlineData("26-02-28", false)]
    public void Dates_are_yyyy_mm_dd(string text, bool valid) => Assert.Equal(valid, TemporalText.TryParseDate(text, out _));

    [Theory]
    [InlineData(91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void Geo_points_must_be_on_earth(double lat, double lon) =>
        Assert.Null(AttributeValueRules.Represent(AttributeType.GeoPoint, new GeoPointValue(lat, lon), out _));

    [Fact]
    public void Negative_zero_coordinates_are_one_spelling()
    {
        var value = (GeoPointValue)AttributeValueRules.Represent(AttributeType.GeoPoint, new GeoPointValue(-0.0, -0.0), out _)!;

        Assert.False(double.IsNegative(value.Latitude));
        Assert.False(double.IsNegative(value.Longitude));
    }

    [Fact]
    public void Code_point_order_differs_from_utf16_order_above_the_private_use_area()
    {
        const string privateUse = "\uE000";
        const string emoji = "😀";

        Assert.True(string.CompareOrdinal(privateUse, emoji) > 0);
        Assert.True(CodePointComparer.Instance.Compare(privateUse, emoji) < 0);
    }
}
