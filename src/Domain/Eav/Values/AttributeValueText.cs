using System.Globalization;

namespace Platform.Domain.Eav.Values;

/// <summary>The canonical text of a scalar value: what messages show and page tokens carry.</summary>
public static class AttributeValueText
{
    public static string Format(AttributeValue value) => value switch
    {
        TextValue t => t.Value,
        Int64Value i => i.Value.ToString(CultureInfo.InvariantCulture),
        DecimalValue d => DecimalText.Format(d.Value),
        BoolValue b => b.Value ? "true" : "false",
        DateValue d => TemporalText.FormatDate(d.Value),
        TimestampValue t => TemporalText.FormatTimestamp(t.Value),
        GeoPointValue g => string.Create(CultureInfo.InvariantCulture, $"{g.Latitude:R},{g.Longitude:R}"),
        ListValue l => string.Join(",", l.Items.Select(Format)),
        _ => "",
    };

    /// <summary>
    /// Reads text written by <see cref="Format"/> back as a scalar of <paramref name="type"/>;
    /// null when it is not such text. Geo points and lists have no parse: they are never keys.
    /// </summary>
    public static AttributeValue? Parse(AttributeType type, string text) => type switch
    {
        _ when type.IsTextual() => new TextValue(text),
        AttributeType.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? new Int64Value(i) : null,
        AttributeType.Decimal => DecimalText.TryParse(text, out var d) ? new DecimalValue(d) : null,
        AttributeType.Bool => text switch { "true" => new BoolValue(true), "false" => new BoolValue(false), _ => null },
        AttributeType.Date => TemporalText.TryParseDate(text, out var date) ? new DateValue(date) : null,
        AttributeType.Timestamp => TemporalText.TryParseTimestamp(text, out var ts) ? new TimestampValue(ts) : null,
        _ => null,
    };
}
